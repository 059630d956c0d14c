import { useMemo, useState } from 'preact/hooks'
import { type Permission, ROLE_DESCRIPTIONS, roleMay } from '../../shared/roles'
import type { TeamMemberInfo } from '../../shared/team-api'
import type { AuthClient } from '../api/team-client'
import { createTeamEmailClient } from './team-email-client'
import { TeamEmailSection } from './team-email-section'
import { WhyNot } from './why-not'

const WHAT_IT_IS: Record<Permission, string> = {
  view: 'see projects',
  triage: 'triage requests',
  configure: 'change projects, secrets and settings',
  manage_members: 'manage members',
}

/** The signed-in member's own account: email choices, the password, sign out on every device. */
export function AccountPage({
  auth,
  member,
  onSignedOut,
  apiBase = '',
}: {
  auth: AuthClient
  member: TeamMemberInfo
  onSignedOut: () => void
  apiBase?: string
}) {
  const teamEmail = useMemo(() => createTeamEmailClient(apiBase), [apiBase])
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  async function changePassword(event: Event) {
    event.preventDefault()
    const result = await auth.changePassword(current, next)
    setCurrent('')
    setNext('')
    setMessage(
      result.ok
        ? { ok: true, text: 'Password changed. Your other sessions were signed out.' }
        : { ok: false, text: result.message },
    )
  }

  async function signOutEverywhere() {
    await auth.logOutEverywhere()
    onSignedOut()
  }

  return (
    <main class="account">
      <h1>Your account</h1>
      <p>
        {member.name} · {member.email} · <strong>{member.role}</strong>:{' '}
        {ROLE_DESCRIPTIONS[member.role]}
      </p>
      {(Object.keys(WHAT_IT_IS) as Permission[])
        .filter((permission) => !roleMay(member.role, permission))
        .map((permission) => (
          <WhyNot key={permission} permission={permission} doing={WHAT_IT_IS[permission]} />
        ))}
      <TeamEmailSection client={teamEmail} />
      <form class="change-password" onSubmit={changePassword}>
        <h3>Change password</h3>
        <label for="current-password">Current password</label>
        <input
          id="current-password"
          type="password"
          autocomplete="current-password"
          value={current}
          onInput={(event) => setCurrent(event.currentTarget.value)}
        />
        <label for="new-password">New password</label>
        <input
          id="new-password"
          type="password"
          autocomplete="new-password"
          minLength={10}
          value={next}
          onInput={(event) => setNext(event.currentTarget.value)}
        />
        <button type="submit" disabled={!current || next.length < 10}>
          Change password
        </button>
        {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      </form>
      <section>
        <h3>Sessions</h3>
        <p class="hint">Signs you out here and on every other device or browser.</p>
        <button type="button" onClick={signOutEverywhere}>
          Sign out everywhere
        </button>
      </section>
    </main>
  )
}
