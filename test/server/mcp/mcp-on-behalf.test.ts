// Feedback filed by an agent for a customer: create_request and add_vote on behalf, their
// revenue and company counted, REST's validation and audit applying.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { callTool, connectMcp, createApiKey } from '../../helpers/mcp-client'
import type { TestServer } from '../../helpers/start-server'
import { customerFeedback, PRO, STARTER } from './customer-feedback'

let server: TestServer
let projectId: string
let feedback: ReturnType<typeof customerFeedback>
let mcp: Client

serverWithFreshProject({ demo: false }, 'Acme Analytics', (fresh) => {
  ;({ server, projectId } = fresh)
  feedback = customerFeedback(server, projectId, fresh.secret)
})
beforeEach(async () => {
  mcp = await connectMcp(server.url, await createApiKey(server, projectId, 'sales-bot', ['write']))
})
afterEach(async () => {
  await mcp.close()
})

const acmeBuyer = {
  sub: 'ann',
  email: 'ann@acme.example',
  name: 'Ann',
  traits: PRO,
  company: { id: 'acme', name: 'Acme Inc' },
}

describe('MCP on a customer’s behalf', () => {
  it('files a request for a customer, whose vote counts with their company’s revenue', async () => {
    const created = await callTool(mcp, 'create_request', {
      title: 'Salesforce sync',
      body: 'Asked for on the renewal call.',
      onBehalfOf: acmeBuyer,
    })
    expect(created.isError).toBeFalsy()
    const request = (created.structuredContent as { request: { id: string } }).request
    expect(request).toMatchObject({
      title: 'Salesforce sync',
      votes: 1,
      accounts: 1,
      mrrCents: 4900,
      author: { sub: 'ann', email: 'ann@acme.example', company: { id: 'acme' } },
      untrusted: true,
    })
    const [entry] = await feedback.backlog()
    expect(entry).toMatchObject({ id: request.id, votes: 1, mrrCents: 4900 })
    expect(await feedback.audit()).toContainEqual(
      expect.objectContaining({ actor: 'api-key:sales-bot', target: request.id }),
    )
  })

  it('files once when an agent retries create_request with the same idempotencyKey', async () => {
    const call = () =>
      callTool(mcp, 'create_request', {
        title: 'Okta groups',
        onBehalfOf: acmeBuyer,
        idempotencyKey: 'call-2026-12-06-ann',
      })
    const first = await call()
    const again = await call()
    expect(first.isError).toBeFalsy()
    expect(again.isError).toBeFalsy()
    const idOf = (result: typeof first) =>
      (result.structuredContent as { request: { id: string } }).request.id
    expect(idOf(again)).toBe(idOf(first))
    expect((await feedback.backlog()).map((entry) => entry.title)).toEqual(['Okta groups'])
  })

  it('adds customers’ votes once each, counting each account once', async () => {
    const id = await feedback.submit({ sub: 'zed', traits: STARTER }, 'Salesforce sync')
    const first = await callTool(mcp, 'add_vote', { requestId: id, onBehalfOf: acmeBuyer })
    expect(first.structuredContent).toMatchObject({
      request: { id, votes: 2, accounts: 2, mrrCents: 900 + 4900 },
    })
    // Again for Ann (idempotent), then a colleague of hers: Acme's MRR still counts once.
    await callTool(mcp, 'add_vote', { requestId: id, onBehalfOf: acmeBuyer })
    const colleague = await callTool(mcp, 'add_vote', {
      requestId: id,
      onBehalfOf: { sub: 'bob', traits: PRO, company: { id: 'acme' } },
    })
    expect(colleague.structuredContent).toMatchObject({
      request: { votes: 3, accounts: 2, mrrCents: 5800 },
    })
    const detail = await feedback.detail(id)
    expect(detail.voters.map((voter) => voter.sub).sort()).toEqual(['ann', 'bob', 'zed'])
  })

  it('refuses a malformed customer with REST’s validation error, storing nothing', async () => {
    const result = await callTool(mcp, 'create_request', {
      title: 'Bad customer',
      onBehalfOf: { sub: 'x'.repeat(300) },
    })
    expect(result.isError).toBe(true)
    expect(result.text).toMatch(/^validation_failed \(HTTP 400\).*sub/)
    expect(await feedback.backlog()).toEqual([])
  })
})
