// The MCP tools that list (search_requests, list_companies) page the way REST does: a small
// `limit` answers `nextCursor`, passed back as `cursor` it gives the rest, and walking the pages
// sees every row exactly once, ties in the order included (several requests with the same MRR).
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeBackends } from '../../helpers/backends'
import { callTool, connectMcp, createApiKey } from '../../helpers/mcp-client'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { customerFeedback, PRO, STARTER } from './customer-feedback'

interface Page {
  ids: string[]
  nextCursor: string | null
}

const sorted = (ids: string[]) => [...ids].sort()

/** Calls `tool` from the first page to the last; answers every page's ids and cursor. */
async function walk(mcp: Client, tool: string, key: string, args: Record<string, unknown>) {
  const pages: Page[] = []
  let cursor: string | undefined
  do {
    const result = await callTool(mcp, tool, { ...args, ...(cursor && { cursor }) })
    expect(result.isError, result.text).toBeFalsy()
    const body = result.structuredContent as Record<string, unknown> & { nextCursor: string | null }
    pages.push({
      ids: (body[key] as Array<{ id: string }>).map((row) => row.id),
      nextCursor: body.nextCursor,
    })
    cursor = body.nextCursor ?? undefined
  } while (cursor && pages.length < 10)
  return pages
}

describe.each(storeBackends())('MCP cursor pages on $name', (backend) => {
  let server: TestServer
  let mcp: Client
  let requestIds: string[]
  let companyIds: string[]

  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend.databaseUrl })
    const { project, secret } = await server.createProject('Paging')
    const feedback = customerFeedback(server, project.id, secret)
    // Five requests, three of them at the same revenue (one pro customer each), so a page
    // boundary falls inside a tie; five companies, two at the same MRR.
    const authors = [
      { sub: 'ann', traits: PRO, company: { id: 'acme', name: 'Acme' } },
      { sub: 'bob', traits: PRO, company: { id: 'bolt', name: 'Bolt' } },
      { sub: 'cat', traits: PRO, company: { id: 'cove', name: 'Cove' } },
      { sub: 'dan', traits: STARTER, company: { id: 'dune', name: 'Dune' } },
      { sub: 'eve', traits: STARTER, company: { id: 'edge', name: 'Edge' } },
    ]
    requestIds = []
    for (const [i, author] of authors.entries())
      requestIds.push(await feedback.submit(author, `Request number ${i + 1}`))
    companyIds = authors.map((author) => author.company.id)
    mcp = await connectMcp(server.url, await createApiKey(server, project.id, 'pager', ['read']))
  })

  afterAll(async () => {
    await mcp?.close()
    await server?.close()
  })

  it('walks search_requests in pages of 3: every request exactly once, then nextCursor null', async () => {
    const pages = await walk(mcp, 'search_requests', 'requests', { limit: 3 })
    expect(pages.map((page) => page.ids.length)).toEqual([3, 2])
    expect(pages[0]?.nextCursor).toEqual(expect.any(String))
    expect(pages[1]?.nextCursor).toBeNull()
    const seen = pages.flatMap((page) => page.ids)
    expect(sorted(seen)).toEqual(sorted(requestIds))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('keeps the query and sort across pages of search_requests: the order of one long page', async () => {
    const args = { query: 'request', sort: 'new' }
    const pages = await walk(mcp, 'search_requests', 'requests', { ...args, limit: 2 })
    expect(pages.map((page) => page.ids.length)).toEqual([2, 2, 1])
    const [whole] = await walk(mcp, 'search_requests', 'requests', { ...args, limit: 200 })
    expect(whole?.ids).toHaveLength(5)
    expect(pages.flatMap((page) => page.ids)).toEqual(whole?.ids)
  })

  it('walks list_companies in pages of 2: every company exactly once', async () => {
    const pages = await walk(mcp, 'list_companies', 'companies', { limit: 2 })
    expect(pages.map((page) => page.ids.length)).toEqual([2, 2, 1])
    expect(pages.at(-1)?.nextCursor).toBeNull()
    const seen = pages.flatMap((page) => page.ids)
    expect(sorted(seen)).toEqual(sorted(companyIds))
    expect(new Set(seen).size).toBe(seen.length)
  })
})
