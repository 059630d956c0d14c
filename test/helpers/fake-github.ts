/**
 * A small GitHub REST API on 127.0.0.1 for tests: `POST /repos/{owner}/{repo}/issues` answers as
 * GitHub documents it (201 with `number` and `html_url`; 401 "Bad credentials" for another
 * token, 404 "Not Found" for a repository the token cannot see, 422 "Validation Failed"
 * without a title), and keeps every request it received. Point REQIO_GITHUB_API_URL
 * (`notify.githubApiUrl`) at `url`.
 *
 *   const github = await startFakeGitHub({ token: 'ghp_test', repositories: ['acme/app'] })
 *   ... github.received[0].body.title, github.received[0].headers.authorization ...
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubCall {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: any
}

export interface FakeGitHub {
  url: string
  received: GitHubCall[]
  close(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest/issues/issues#create-an-issue'

export async function startFakeGitHub(options: {
  token: string
  repositories: string[]
}): Promise<FakeGitHub> {
  const numbers = new Map<string, number>()
  const fake: FakeGitHub = {
    url: '',
    received: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(body))
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      let body: any = null
      try {
        body = text ? JSON.parse(text) : null
      } catch {
        return answer(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS })
      }
      const path = req.url ?? ''
      fake.received.push({ method: req.method ?? '', path, headers: req.headers, body })
      const route = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(path)
      if (req.method !== 'POST' || !route) {
        return answer(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      }
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        return answer(res, 401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        })
      }
      const repository = `${route[1]}/${route[2]}`
      if (!options.repositories.includes(repository)) {
        return answer(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      }
      if (typeof body?.title !== 'string' || body.title === '') {
        return answer(res, 422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
          documentation_url: DOCS,
          status: '422',
        })
      }
      const number = (numbers.get(repository) ?? 0) + 1
      numbers.set(repository, number)
      answer(res, 201, {
        id: 1_000_000 + number,
        node_id: `I_fake${number}`,
        url: `${fake.url}/repos/${repository}/issues/${number}`,
        html_url: `https://github.com/${repository}/issues/${number}`,
        number,
        state: 'open',
        title: body.title,
        body: body.body ?? null,
        labels: [],
        created_at: new Date().toISOString(),
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}
