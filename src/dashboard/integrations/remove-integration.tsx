import { AskFirstButton } from '../ui/ask-first-button'

/** "Remove": asks in the page first, then forgets the set-up (its token and secret with it). */
export function RemoveIntegration({
  toolName,
  consequence,
  onRemove,
}: {
  toolName: string
  /** What stops once it is removed, said in the question. */
  consequence: string
  onRemove: () => Promise<void>
}) {
  return (
    <AskFirstButton
      label="Remove"
      name={`Remove ${toolName}`}
      question={
        <>
          Remove {toolName}? {consequence}
        </>
      }
      confirmLabel={`Remove ${toolName}`}
      danger
      onConfirm={onRemove}
    />
  )
}
