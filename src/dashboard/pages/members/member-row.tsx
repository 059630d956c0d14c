import { ROLE_DESCRIPTIONS, type TeamRole } from '../../../shared/roles'
import type { TeamMemberListed } from '../../../shared/team-api'
import { ConfirmStep } from '../../ui/confirm-step'

const ROLES = Object.keys(ROLE_DESCRIPTIONS) as TeamRole[]

/**
 * Why a row has no controls, or null when it has them. A control that can only fail is not
 * shown: the signed-in owner's own row (a self-demotion or removal locks them out of this very
 * page), and the last owner's (the server keeps one owner: 409).
 */
export function whyNoControls(
  member: TeamMemberListed,
  context: { selfId: string | null; owners: number },
): string | null {
  if (member.id === context.selfId)
    return 'This is you. Another owner can change your role; your password is on your Account page.'
  if (member.role === 'owner' && context.owners <= 1)
    return 'The last owner: make someone else owner first.'
  return null
}

/** One member of the team: name, email, role, and what the owner may do about them. */
export function MemberRow({
  member,
  selfId,
  owners,
  confirming,
  onRole,
  onResetLink,
  onAskRemove,
  onRemove,
  onKeep,
}: {
  member: TeamMemberListed
  selfId: string | null
  owners: number
  /** This row's removal is being confirmed. */
  confirming: boolean
  onRole: (role: TeamRole) => void
  onResetLink: () => void
  onAskRemove: () => void
  onRemove: () => void
  onKeep: () => void
}) {
  const why = whyNoControls(member, { selfId, owners })
  const self = member.id === selfId
  return (
    <tr>
      <th scope="row">
        {member.name}
        {self ? <span class="you-badge"> (you)</span> : null}
      </th>
      <td>{member.email}</td>
      <td>
        {why ? (
          <span>{member.role}</span>
        ) : (
          <select
            aria-label={`Role of ${member.email}`}
            value={member.role}
            onChange={(event) => onRole(event.currentTarget.value as TeamRole)}
          >
            {ROLES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        {confirming ? (
          <ConfirmStep
            role="group"
            question={`Remove ${member.email} from the team?`}
            confirmLabel="Remove"
            cancelLabel="Keep"
            tone="danger"
            onConfirm={onRemove}
            onCancel={onKeep}
          >
            <p>Their sessions end at once.</p>
          </ConfirmStep>
        ) : (
          <div class="member-actions">
            {self ? (
              <a href="#/account">Change your password</a>
            ) : (
              <button type="button" onClick={onResetLink}>
                Reset link
              </button>
            )}
            {why ? null : (
              <button
                type="button"
                data-remove={member.id}
                aria-label={`Remove ${member.email}`}
                onClick={onAskRemove}
              >
                Remove
              </button>
            )}
          </div>
        )}
        {why ? <p class="hint member-why">{why}</p> : null}
      </td>
    </tr>
  )
}
