import { useEffect, useState } from 'preact/hooks'
import { ROLE_DESCRIPTIONS, type TeamRole } from '../../shared/roles'
import type { CreatedInvite, PendingInvite, TeamMemberListed } from '../../shared/team-api'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'
import { formatDate, formatDateTime } from '../format/dates'
import { CopyButton } from '../ui/copy-button'
import { MemberRow } from './members/member-row'
import './members/members.css'

const ROLES = Object.keys(ROLE_DESCRIPTIONS) as TeamRole[]

/**
 * The owner's team page: invite with a role, copy the link, change roles, remove (confirmed in
 * the row), revoke. Rows show only controls that can work (members/member-row.tsx).
 */
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
  /** The member whose removal is being confirmed in their row. */
  const [confirming, setConfirming] = useState<string | null>(null)

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

  const owners = (members ?? []).filter((member) => member.role === 'owner').length

  /** Removal called off: focus goes back to the Remove button it came from. */
  function keepMember(id: string) {
    setConfirming(null)
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`button[data-remove="${CSS.escape(id)}"]`)?.focus(),
    )
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
            valid until {formatDateTime(link.expiresAt)}. Send it to them yourself: it is shown only
            now.
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
            <MemberRow
              key={member.id}
              member={member}
              selfId={selfId}
              owners={owners}
              confirming={confirming === member.id}
              onRole={(next) => act(team.setRole(member.id, next))}
              onResetLink={() => resetLink(member)}
              onAskRemove={() => setConfirming(member.id)}
              onRemove={() => {
                setConfirming(null)
                void act(team.removeMember(member.id))
              }}
              onKeep={() => keepMember(member.id)}
            />
          ))}
        </tbody>
      </table>

      <h3>Pending invites</h3>
      {invites.length === 0 ? <p class="empty">No pending invites.</p> : null}
      <ul class="invite-list">
        {invites.map((pending) => (
          <li key={pending.id}>
            {pending.email} ({pending.reset ? 'password reset' : pending.role}), expires{' '}
            {formatDate(pending.expiresAt)}{' '}
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
