import { CopyButton } from './copy-button'

/** A titled block of code with its own copy button. */
export function CodeBlock({
  title,
  code,
  language,
}: {
  title: string
  code: string
  language?: string
}) {
  return (
    <figure class="code-block">
      <figcaption>
        <span class="code-block-title">{title}</span>
        <CopyButton text={code} label={title} />
      </figcaption>
      <pre class={language ? `language-${language}` : undefined}>
        <code>{code}</code>
      </pre>
    </figure>
  )
}
