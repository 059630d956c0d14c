import { fill } from '../shared/messages'
import type { UpdateKind } from '../shared/notifications'
import type { EmailPreferencesStrings } from './email-preferences-strings'

interface Props {
  s: EmailPreferencesStrings
  /** Where the form posts: this page's own path (the signed token travels in the form). */
  action: string
  token: string
  email: string | null
  kinds: readonly UpdateKind[]
  chosen: readonly UpdateKind[]
  unsubscribed: boolean
  saved: boolean
}

/**
 * The page every email's footer links to (spec/api.md v3 "Following"): one checkbox per kind
 * of news and a Save button, a plain form that works with JavaScript off. The signed token is
 * the only authorisation (no cookie), sent back as a hidden field.
 */
export function EmailPreferencesPage(props: Props) {
  const { s } = props
  return (
    <>
      <h1>{s.title}</h1>
      {props.saved && (
        <p class="notice" role="status">
          {s.saved}
        </p>
      )}
      <p>{s.intro}</p>
      {props.email && <p class="row-facts">{fill(s.forAddress, props.email)}</p>}
      {props.unsubscribed && <p class="notice">{s.unsubscribed}</p>}
      <form class="preferences" method="post" action={props.action}>
        <input type="hidden" name="token" value={props.token} />
        <fieldset>
          <legend>{s.legend}</legend>
          {props.kinds.map((kind) => (
            <label key={kind} class="choice">
              <input
                type="checkbox"
                name="kinds"
                value={kind}
                checked={props.chosen.includes(kind)}
              />{' '}
              {s.kinds[kind]}
            </label>
          ))}
        </fieldset>
        <button type="submit">{s.save}</button>
      </form>
    </>
  )
}

/** A link that is not ours (tampered, cut short) or names someone no longer stored. */
export function EmailPreferencesRefused({
  s,
  gone,
}: {
  s: EmailPreferencesStrings
  gone: boolean
}) {
  return (
    <>
      <h1>{s.invalidTitle}</h1>
      <p>{gone ? s.goneText : s.invalidText}</p>
    </>
  )
}
