import type { ProjectSettings, RequestTag } from '../../shared/api'
import type { BillingInterval } from '../../shared/identity'
import type { AttachmentRef } from './attachment-rows'

/** What the store keeps about a person, taken from their latest verified token. */
export interface PersonFacts {
  sub: string
  email: string | null
  /** The token's optional `name` claim, shown beside comments. */
  name?: string | null
  plan: string | null
  interval: BillingInterval | null
  amountCents: number | null
  mrrCents: number
  /** iat of the token these facts came from. */
  iat: number
  /**
   * The token's `company` claim: when present, plan and revenue above are that company's
   * billing and the company is the person's account (spec/api.md v2 "Companies").
   */
  company?: CompanyClaim | null
}

export interface CompanyClaim {
  /** The customer's own id for the company, unique within a project. */
  id: string
  name: string | null
}

/**
 * Who is acting: a verified person (voter `s:<sub>`) or an anonymous browser
 * (voter `a:<anonymous id>`). The voter key is what makes a vote unique per request.
 */
export interface Actor {
  voter: string
  person: PersonFacts | null
}

export function personVoter(sub: string): string {
  return `s:${sub}`
}
export function anonymousVoter(anonymousId: string): string {
  return `a:${anonymousId}`
}

/** A voter key read back: the person's token `sub`, or the browser's anonymous id. */
export type Voter = { kind: 'person'; sub: string } | { kind: 'anonymous'; anonymousId: string }

/** The inverse of personVoter/anonymousVoter. */
export function parseVoter(voter: string): Voter {
  return voter.startsWith('s:')
    ? { kind: 'person', sub: voter.slice(2) }
    : { kind: 'anonymous', anonymousId: voter.slice(2) }
}

export interface ProjectRecord {
  id: string
  name: string
  createdAt: string
  secret: string
  secretGeneration: number
  previousSecret: string | null
  /** Epoch ms after which previousSecret no longer verifies. */
  previousValidUntil: number | null
  settings: ProjectSettings
}

export interface RequestRecord {
  id: string
  projectId: string
  title: string
  body: string
  status: string
  votes: number
  mrrCents: number
  /** Distinct accounts (companies, or people without one) among the identified voters. */
  accounts: number
  voted: boolean
  createdAt: string
  /** 's:<sub>' or 'a:<anonymous id>': tells the caller whether they wrote it (`mine`). */
  authorVoter: string
  statusNote: string | null
  commentCount: number
  unanswered: boolean
  /** v3 moderation: when the team deleted it (restorable for 30 days); null while it stands. */
  deletedAt: string | null
  /** The team's tags on it, by name (store/request-tags-column.ts). */
  tags: RequestTag[]
  /** When the author last changed the title or body; null until then. */
  editedAt: string | null
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: AttachmentRef[]
}
