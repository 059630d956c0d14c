import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { issueLabel } from '../../../src/dashboard/integrations/issue-label'
import { linearWebhookCommand } from '../../../src/dashboard/integrations/linear-webhook-command'

describe('linked issues’ names and the Linear webhook command', () => {
  it('names a GitHub issue owner/repo#n and a Linear issue by its identifier, whatever its slug', () => {
    expect(issueLabel({ kind: 'github', url: 'https://github.com/acme/web-app/issues/12' })).toBe(
      'acme/web-app#12',
    )
    expect(
      issueLabel({ kind: 'linear', url: 'https://linear.app/acme/issue/ENG-42/export-to-csv' }),
    ).toBe('ENG-42')
    expect(issueLabel({ kind: 'linear', url: 'https://linear.app/acme/issue/eng-7' })).toBe('ENG-7')
    // Neither shape: the URL itself, never an empty name.
    expect(issueLabel({ kind: 'github', url: 'https://example.com/x' })).toBe(
      'https://example.com/x',
    )
  })

  it('gives a shell command whose body is Linear’s webhookCreate with our URL, team and secret, even with a quote in them', () => {
    const command = linearWebhookCommand({
      url: "https://reqio.example/v1/integrations/linear/o'brien",
      secret: "s3cr'et",
      teamId: 'team-1',
    })
    // What the shell passes to curl as --data: run through a real shell, as a person would.
    const data = execFileSync('sh', ['-c', command.replace(/^curl /, 'printf %s ')], {
      encoding: 'utf8',
    })
    const [json] = data.match(/\{.*\}$/s) ?? []
    const body = JSON.parse(json ?? '') as { query: string; variables: { input: object } }
    expect(body.query).toContain('webhookCreate(input: $input)')
    expect(body.variables.input).toEqual({
      url: "https://reqio.example/v1/integrations/linear/o'brien",
      teamId: 'team-1',
      resourceTypes: ['Issue'],
      secret: "s3cr'et",
      label: 'Reqio',
    })
    expect(command).toContain("-H 'Authorization: YOUR_LINEAR_API_KEY'")
  })
})
