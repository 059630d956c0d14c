/**
 * A Linear GraphQL endpoint on 127.0.0.1 that answers `issueCreate` as Linear does
 * (https://linear.app/developers/graphql): a personal API key in `Authorization` (no scheme),
 * `{data: {issueCreate: {success, issue: {id, identifier, url}}}}`, and an `errors` array
 * (HTTP 400, as Linear answers) for a missing or unknown key or team. Every request is kept.
 *
 *   const linear = await startFakeLinear({ token: 'lin_api_test', teams: { 'team-1': 'ENG' } })
 *   ... REQIO_LINEAR_API_URL = linear.url ... linear.received[0].variables ...
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedGraphql {
  authorization: string | undefined
  contentType: string | undefined
  query: string
  variables: Record<string, unknown>
}

export interface FakeLinear {
  /** The GraphQL endpoint itself, as REQIO_LINEAR_API_URL names it. */
  url: string
  received: ReceivedGraphql[]
  /** The issues made so far, by identifier (ENG-1, ENG-2…). */
  issues: Map<string, { id: string; teamId: string; title: string; description: string }>
  close(): Promise<void>
}

export async function startFakeLinear(options: {
  /** The one personal API key it accepts. */
  token: string
  /** Team ids it knows and their issue key prefix: { 'team-1': 'ENG' }. */
  teams: Record<string, string>
  /** The workspace's URL key, in issue URLs (default `acme`). */
  workspace?: string
}): Promise<FakeLinear> {
  const workspace = options.workspace ?? 'acme'
  const numbers = new Map<string, number>()
  const fake: FakeLinear = {
    url: '',
    received: [],
    issues: new Map(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }

  const answer = (req: IncomingMessage, raw: string): { status: number; body: unknown } => {
    let parsed: { query?: unknown; variables?: unknown }
    try {
      parsed = JSON.parse(raw)
    } catch {
      return graphqlError(400, 'Unexpected token in JSON', 'graphql error')
    }
    const query = typeof parsed.query === 'string' ? parsed.query : ''
    const variables = (parsed.variables ?? {}) as Record<string, unknown>
    fake.received.push({
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      query,
      variables,
    })
    if (req.headers.authorization !== options.token)
      return graphqlError(
        400,
        'Authentication required, not authenticated',
        'authentication error',
        'You need to authenticate to access this operation.',
      )
    if (!/\bissueCreate\s*\(/.test(query))
      return graphqlError(400, 'This fake Linear only knows issueCreate', 'graphql error')
    const input = (variables.input ?? {}) as Record<string, unknown>
    const teamId = String(input.teamId ?? '')
    const key = options.teams[teamId]
    if (!key)
      return graphqlError(
        400,
        'Entity not found: Team',
        'invalid input',
        'Could not find referenced Team.',
      )
    const number = (numbers.get(key) ?? 0) + 1
    numbers.set(key, number)
    const identifier = `${key}-${number}`
    const title = String(input.title ?? '')
    const id = randomUUID()
    fake.issues.set(identifier, {
      id,
      teamId,
      title,
      description: String(input.description ?? ''),
    })
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
    return {
      status: 200,
      body: {
        data: {
          issueCreate: {
            success: true,
            issue: {
              id,
              identifier,
              url: `https://linear.app/${workspace}/issue/${identifier}/${slug}`,
            },
          },
        },
      },
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const { status, body } =
        req.method === 'POST'
          ? answer(req, Buffer.concat(chunks).toString('utf8'))
          : graphqlError(405, 'POST only', 'graphql error')
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
  return fake
}

function graphqlError(
  status: number,
  message: string,
  type: string,
  userPresentableMessage?: string,
): { status: number; body: unknown } {
  return {
    status,
    body: {
      errors: [{ message, extensions: { type, userError: true, userPresentableMessage } }],
    },
  }
}
