import { PERMISSION_EXPLANATIONS, type Permission } from '../../shared/roles'

/**
 * Stands where a control is hidden from this role: says nothing until asked, then why.
 * `doing` completes "Why can't I …?".
 */
export function WhyNot({ permission, doing }: { permission: Permission; doing: string }) {
  return (
    <details class="why-not">
      <summary>Why can't I {doing}?</summary>
      <p>{PERMISSION_EXPLANATIONS[permission]}</p>
    </details>
  )
}
