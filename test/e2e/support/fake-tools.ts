// The outside tools the Integrations e2e file talks to, on 127.0.0.1: a Slack incoming webhook
// and GitHub's "create an issue" REST call, answering as each documents; and the server options
// that point Reqio at them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestServerOptions } from '../../helpers/start-server'

export interface FakeSlack {
  webhookUrl: string
  /** The JSON bodies posted so far. */
  received: unknown[]
  /** The next post is answered with this status and body instead of 200 "ok". */
  answerNext(status: number, body: string): void
}

export interface FakeGitHubIssue {
  repository: string
  number: number
  title: string
  body: string
  htmlUrl: string
}

export interface FakeGitHub {
  apiUrl: string
  /** The one token it accepts, as `Authorization: Bearer …`. */
  token: string
  issues: FakeGitHubIssue[]
}

export interface FakeTools {
  slack: FakeSlack
  github: FakeGitHub
  serverOptions: TestServerOptions
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      text += chunk
    })
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })
}

async function listen(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    readBody(req).then((body) => handle(req, res, body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

export async function startFakeTools(): Promise<FakeTools> {
  let nextAnswer: { status: number; body: string } | null = null
  const slackReceived: unknown[] = []
  // Slack answers a good post 200 with the plain text "ok", a refused one with its reason.
  const slackServer = await listen((req, res, body) => {
    if (req.method !== 'POST' || req.url !== '/services/T000/B000/fake-secret-path') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no_service')
      return
    }
    slackReceived.push(JSON.parse(body || 'null'))
    const answer = nextAnswer ?? { status: 200, body: 'ok' }
    nextAnswer = null
    res.writeHead(answer.status, { 'Content-Type': 'text/plain' }).end(answer.body)
  })

  const token = 'github_pat_fake_e2e'
  const issues: FakeGitHubIssue[] = []
  // POST /repos/{owner}/{repo}/issues with a Bearer token → 201 {number, html_url, …}.
  const githubServer = await listen((req, res, body) => {
    const repo = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(req.url ?? '')
    const json = (status: number, answer: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer))
    if (req.method !== 'POST' || !repo) return json(404, { message: 'Not Found' })
    if (req.headers.authorization !== `Bearer ${token}`)
      return json(401, { message: 'Bad credentials' })
    const input = JSON.parse(body || '{}') as { title?: string; body?: string }
    if (!input.title) return json(422, { message: 'Validation Failed' })
    const repository = `${repo[1]}/${repo[2]}`
    const number = issues.length + 1
    const htmlUrl = `https://github.com/${repository}/issues/${number}`
    issues.push({ repository, number, title: input.title, body: input.body ?? '', htmlUrl })
    json(201, { id: 1000 + number, number, html_url: htmlUrl, title: input.title, state: 'open' })
  })

  return {
    slack: {
      webhookUrl: `${slackServer.url}/services/T000/B000/fake-secret-path`,
      received: slackReceived,
      answerNext: (status, body) => {
        nextAnswer = { status, body }
      },
    },
    github: { apiUrl: githubServer.url, token, issues },
    serverOptions: { githubApiUrl: githubServer.url } as TestServerOptions,
    close: async () => {
      for (const server of [slackServer.server, githubServer.server]) {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      }
    },
  }
}
