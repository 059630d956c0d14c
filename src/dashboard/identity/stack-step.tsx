import { STACK_INFO, STACKS, type Stack } from './snippets'

/** Step 1: the stack drives the snippet in step 3 and the prompt beside it. */
export function StackStep({ stack, onChange }: { stack: Stack; onChange: (stack: Stack) => void }) {
  return (
    <section class="step" aria-labelledby="step-stack">
      <h3 id="step-stack">1. Choose your stack</h3>
      <p>Which server language renders your pages or signs your users in?</p>
      <div class="segmented" role="radiogroup" aria-label="Server stack">
        {STACKS.map((candidate) => (
          <label key={candidate} class={candidate === stack ? 'selected' : undefined}>
            <input
              type="radio"
              name="stack"
              value={candidate}
              checked={candidate === stack}
              onChange={() => onChange(candidate)}
            />
            {STACK_INFO[candidate].label}
          </label>
        ))}
      </div>
    </section>
  )
}
