import { useEffect, useState } from 'preact/hooks'

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies `text` to the clipboard and says so; `label` names what is copied for screen readers. */
export function CopyButton({
  text,
  label,
  idleText = 'Copy',
  onCopied,
}: {
  text: string
  label: string
  /** The visible words before a copy; keep them the start of "Copy {label}", the name. */
  idleText?: string
  onCopied?: () => void
}) {
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
      onCopied?.()
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): the text stays selectable.
      setState('failed')
    }
  }

  return (
    <button
      type="button"
      class="copy-button"
      aria-label={
        state === 'copied'
          ? `Copied ${label}`
          : state === 'failed'
            ? `Copy failed: select ${label} by hand`
            : `Copy ${label}`
      }
      onClick={copy}
    >
      {state === 'copied'
        ? 'Copied'
        : state === 'failed'
          ? 'Copy failed: select it by hand'
          : idleText}
    </button>
  )
}
