import type { PublicSort } from '../../shared/api'
import type { Db, SqlExecutor } from './db'
import { REQUEST_COLUMNS, type RequestRow } from './rows'
import { PUBLICLY_SHOWN } from './shown-requests'
import { tagCondition } from './tag-filter'

/**
 * The public search (`?q=`) with a cost that does not grow with the stored data.
 *
 * LIKE '%q%' (and strpos) cost up to length(text) × length(q) per row on text built to
 * nearly match: 5 KB bodies and a 200-character q took 1–6 ms a row on PGlite, and a search
 * that matched nothing compared every row of the project, on the one thread that serves
 * every project. So a search works in three bounded steps:
 * 1. candidates: at most WALK_CANDIDATES requests in the list's own order (where common words
 *    are found) and at most TRIGRAM_CANDIDATES from the trigram index (where rare strings are
 *    found anywhere). The index is asked only for whole ASCII trigrams of q, which every row it
 *    returns really contains, so its recheck drops nothing and LIMIT bounds the rows read;
 * 2. the budget: candidates are taken in that order while the sum of their text lengths times
 *    length(q) (what LIKE can cost at most) stays within SEARCH_WORK_BUDGET;
 * 3. LIKE on those few rows only, ordered as the list is.
 * The plans are pinned with SET LOCAL, because PGlite never gathers statistics and without
 * them walked the wrong index and sorted every row of the project.
 */
export const WALK_CANDIDATES = 100
export const TRIGRAM_CANDIDATES = 50
/** At most this many characters compared by LIKE per search: ~10 ms on PGlite at worst. */
export const SEARCH_WORK_BUDGET = 2_000_000
/** More pieces narrow the index better but each is one more LIKE per candidate. */
const MAX_TRIGRAM_PIECES = 2

const WALK_ORDER: Record<PublicSort, string> = {
  top: 'votes DESC, created_at DESC',
  new: 'created_at DESC',
}
const LIST_ORDER: Record<PublicSort, string> = {
  top: 'r.votes DESC, r.created_at DESC, r.id',
  new: 'r.created_at DESC, r.id',
}

export interface SearchInput {
  projectId: string
  sort: PublicSort
  q: string
  voter: string | null
  limit: number
  /** Only requests with this tag, among the candidates (`?tag=` with `?q=`). */
  tag?: string | null
}

export interface SearchCandidate {
  id: string
  length: number
}

/** The expression requests_search_in_project_trgm indexes (migration 017). */
const IN_PROJECT = "(project_id || ' ' || search_text)"

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/** `q` as a LIKE pattern that matches the text literally (`%`, `_` and `\` escaped). */
export function containsPattern(q: string): string {
  return `%${escapeLike(q)}%`
}

/**
 * Up to MAX_TRIGRAM_PIECES three-character runs of ASCII letters and digits from q (first and
 * last), lowered. pg_trgm keeps such a run whole in a row's trigrams exactly when the row
 * contains it, so `LIKE '%abc%'` on the index returns no row that its recheck then drops.
 * Other characters are left out: their lowering and word rules depend on the locale.
 */
export function trigramPieces(q: string): string[] {
  const windows: string[] = []
  for (const run of q.match(/[A-Za-z0-9]{3,}/g) ?? []) {
    const lowered = run.toLowerCase()
    for (let i = 0; i + 3 <= lowered.length; i++) windows.push(lowered.slice(i, i + 3))
  }
  if (windows.length === 0) return []
  const pieces = new Set([windows[0] as string, windows[windows.length - 1] as string])
  return [...pieces].slice(0, MAX_TRIGRAM_PIECES)
}

/** The candidate statements, apart so that tests can EXPLAIN exactly what runs. */
export function walkCandidatesQuery(input: SearchInput): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT id, octet_length(search_text) AS length FROM requests
           WHERE project_id = $1 AND merged_into IS NULL
           ORDER BY ${WALK_ORDER[input.sort]} LIMIT $2`,
    params: [input.projectId, WALK_CANDIDATES],
  }
}

/**
 * Only the index of migration 017 can answer this (its expression is the only one the quals
 * name): `… LIKE 'pid %'` narrows it to the project, each piece to rows holding it.
 */
export function trigramCandidatesQuery(
  input: SearchInput,
  pieces: string[],
): { sql: string; params: unknown[] } {
  const likes = pieces.map((_, i) => `AND ${IN_PROJECT} LIKE $${i + 4}`).join(' ')
  return {
    sql: `SELECT id, octet_length(search_text) AS length FROM requests
           WHERE ${IN_PROJECT} LIKE $2 ${likes}
             AND project_id || '' = $1 AND coalesce(merged_into, '') = ''
           LIMIT $3`,
    params: [
      input.projectId,
      `${escapeLike(input.projectId)} %`,
      TRIGRAM_CANDIDATES,
      ...pieces.map((piece) => `%${piece}%`),
    ],
  }
}

/** The candidates LIKE may look at: in order, while their worst case fits the budget. */
export function withinSearchBudget(
  candidates: SearchCandidate[],
  q: string,
  budget: number,
): string[] {
  const chosen: string[] = []
  let work = 0
  for (const candidate of candidates) {
    // length is in bytes, at least the characters LIKE steps over; +1 for the empty text.
    work += (Number(candidate.length) + 1) * Math.max(q.length, 1)
    if (work > budget) break
    chosen.push(candidate.id)
  }
  return chosen
}

export async function searchRequests(db: Db, input: SearchInput): Promise<RequestRow[]> {
  return db.transaction(async (tx) => {
    // Each source gets half the budget, so near misses in one cannot starve the other.
    const half = SEARCH_WORK_BUDGET / 2
    const ids = [
      ...withinSearchBudget(await walkCandidates(tx, input), input.q, half),
      ...withinSearchBudget(await trigramCandidates(tx, input), input.q, half),
    ]
    if (ids.length === 0) return []
    return tx.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS},
              EXISTS (SELECT 1 FROM votes v WHERE v.request_id = r.id AND v.voter = $2) AS voted
         FROM requests r
        WHERE r.id = ANY($1::text[]) AND r.search_text LIKE lower($3) AND ${PUBLICLY_SHOWN}
              ${input.tag ? `AND ${tagCondition('$5')}` : ''}
        ORDER BY ${LIST_ORDER[input.sort]}
        LIMIT $4`,
      [ids, input.voter, containsPattern(input.q), input.limit, ...(input.tag ? [input.tag] : [])],
    )
  })
}

/** Pinned to the list order's index: without statistics PGlite sorted the whole project. */
async function walkCandidates(tx: SqlExecutor, input: SearchInput): Promise<SearchCandidate[]> {
  await tx.query('SET LOCAL enable_sort = off')
  const { sql, params } = walkCandidatesQuery(input)
  const rows = await tx.query<SearchCandidate>(sql, params)
  await tx.query('SET LOCAL enable_sort = on')
  return rows
}

/** No sequential scan: the trigram index, not a filter over every row, picks the rows. */
async function trigramCandidates(tx: SqlExecutor, input: SearchInput): Promise<SearchCandidate[]> {
  const pieces = trigramPieces(input.q)
  if (pieces.length === 0) return []
  await tx.query('SET LOCAL enable_seqscan = off')
  const { sql, params } = trigramCandidatesQuery(input, pieces)
  return tx.query<SearchCandidate>(sql, params)
}
