import { CopyButton } from './copy-button'

/** A titled block of code with its own copy button. */
export function CodeBlock({
  title,
  code,
  language,
  onCopied,
}: {
  title: string
  code: string
  language?: string
  onCopied?: () => void
}) {
  return (
    <figure class="code-block">
      <figcaption>
        <span class="code-block-title">{title}</span>
        <CopyButton text={code} label={title} onCopied={onCopied} />
      </figcaption>
      {/* Focusable so a keyboard can scroll a long line; named after its title. */}
      <pre
        class={language ? `language-${language}` : undefined}
        tabIndex={0}
        aria-label={`${title} (code)`}
      >
        <code>{code}</code>
      </pre>
    </figure>
  )
}
