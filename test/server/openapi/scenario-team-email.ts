/**
 * Scenario rows for spec v3 "The team's tools" > Team email (scenario.ts spreads them in): the
 * signed-in member's GET and PUT /v1/auth/notifications. Runs while the owner is signed in
 * (kept.session).
 */
import type { ScenarioState, Step } from './scenario'

const signedIn = (s: ScenarioState) => ({ Cookie: s.kept.session ?? '', Origin: s.url })

export const TEAM_EMAIL_STEPS: readonly Step[] = [
  {
    name: 'team email choices, signed out',
    method: 'GET',
    path: () => '/v1/auth/notifications',
    expect: 401,
  },
  {
    name: 'team email choices',
    method: 'GET',
    path: () => '/v1/auth/notifications',
    headers: signedIn,
    expect: 200,
  },
  {
    name: 'no email about comments',
    method: 'PUT',
    path: () => '/v1/auth/notifications',
    headers: signedIn,
    body: () => ({ newComment: false }),
    expect: 200,
  },
  {
    name: 'a team email choice that is not a boolean',
    method: 'PUT',
    path: () => '/v1/auth/notifications',
    headers: signedIn,
    body: () => ({ newRequest: 'yes' }),
    expect: 400,
  },
  {
    name: 'team email choices from another origin',
    method: 'PUT',
    path: () => '/v1/auth/notifications',
    headers: (s) => ({ ...signedIn(s), Origin: 'https://evil.example' }),
    body: () => ({ newRequest: false }),
    expect: 403,
  },
]
