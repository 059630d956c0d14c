import { useEffect, useState } from 'preact/hooks'
import { ROLE_DESCRIPTIONS, type TeamRole } from '../../shared/roles'
import type { CreatedInvite, PendingInvite, TeamMemberListed } from '../../shared/team-api'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'
import { CopyButton } from '../ui/copy-button'

const ROLES = Object.keys(ROLE_DESCRIPTIONS) as TeamRole[]

/** The owner's team page: invite with a role, copy the link, change roles, remove, revoke. */
export function MembersPage({
  team,
  allowed,
  selfId,
}: {
  team: TeamClient
  /** False for every role but owner: the page explains instead of loading. */
  allowed: boolean
  selfId: string | null
}) {
  const [members, setMembers] = useState<TeamMemberListed[] | null>(null)
  const [invites, setInvites] = useState<PendingInvite[]>([])
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<TeamRole>('member')
  const [link, setLink] = useState<CreatedInvite | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function reload() {
    const [memberList, inviteList] = await Promise.all([team.members(), team.invites()])
    if (memberList.ok) setMembers(memberList.data.members)
    else setError(`Members could not be loaded: ${memberList.message}`)
    if (inviteList.ok) setInvites(inviteList.data.invites)
  }

  useEffect(() => {
    if (allowed) void reload()
  }, [team, allowed])

  if (!allowed)
    return (
      <main class="members">
        <h1>Members</h1>
        <p role="alert">Only owners can open the Members page.</p>
        <WhyNot permission="manage_members" doing="manage members" />
      </main>
    )

  async function act(result: Promise<{ ok: boolean; message?: string }>, after?: () => void) {
    const outcome = await result
    if (!outcome.ok) setError(outcome.message ?? 'That did not work.')
    else {
      setError(null)
      after?.()
    }
    await reload()
  }

  async function sendInvite(event: Event) {
    event.preventDefault()
    const result = await team.invite(email.trim(), role)
    if (result.ok) {
      setLink(result.data.invite)
      setEmail('')
      setError(null)
    } else setError(result.message)
    await reload()
  }

  async function resetLink(member: TeamMemberListed) {
    const result = await team.resetLink(member.id)
    if (result.ok) setLink(result.data.invite)
    else setError(result.message)
  }

  return (
    <main class="members">
      <h1>Members</h1>
      <form class="invite-form" onSubmit={sendInvite}>
        <h3>Invite someone</h3>
        <label for="invite-email">Email</label>
        <input
          id="invite-email"
          type="email"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="invite-role">Role</label>
        <select
          id="invite-role"
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as TeamRole)}
        >
          {ROLES.map((name) => (
            <option key={name} value={name}>
              {name}: {ROLE_DESCRIPTIONS[name]}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" disabled={!email.trim()}>
          Create invite link
        </button>
      </form>
      {link ? (
        <section class="notice" aria-label="Invite link">
          <p>
            {link.reset ? 'Password reset link' : 'Invite link'} for <strong>{link.email}</strong>,
            valid until {new Date(link.expiresAt).toLocaleString()}. Send it to them yourself: it is
            shown only now.
          </p>
          <code class="invite-url">{link.url}</code>{' '}
          <CopyButton text={link.url} label="invite link" />
        </section>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}

      <table class="member-table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(members ?? []).map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.name}</th>
              <td>{member.email}</td>
              <td>
                <select
                  aria-label={`Role of ${member.email}`}
                  value={member.role}
                  onChange={(event) =>
                    act(team.setRole(member.id, event.currentTarget.value as TeamRole))
                  }
                >
                  {ROLES.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" onClick={() => resetLink(member)}>
                  Reset link
                </button>{' '}
                <button
                  type="button"
                  aria-label={`Remove ${member.email}`}
                  onClick={() => {
                    const self = member.id === selfId ? ' This is you.' : ''
                    if (confirm(`Remove ${member.email} from the team?${self}`))
                      void act(team.removeMember(member.id))
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Pending invites</h3>
      {invites.length === 0 ? <p class="empty">No pending invites.</p> : null}
      <ul class="invite-list">
        {invites.map((pending) => (
          <li key={pending.id}>
            {pending.email} ({pending.reset ? 'password reset' : pending.role}), expires{' '}
            {new Date(pending.expiresAt).toLocaleDateString()}{' '}
            <button
              type="button"
              aria-label={`Revoke invite for ${pending.email}`}
              onClick={() => act(team.revokeInvite(pending.id))}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <p class="hint">
        The last owner cannot be removed or demoted: make someone else owner first.
      </p>
    </main>
  )
}
