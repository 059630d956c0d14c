// Issue 30 in Chromium on the built dashboard (spec/api.md v3 "The team's tools"): Settings ›
// Integrations sets up Slack (and sends a test message that says what Slack answered), GitHub
// (its inbound secret shown once, the very one the server checks) and Linear; the request
// drawer creates a GitHub issue, lists it linked, links one by URL and unlinks. Fake Slack,
// GitHub and Linear servers on 127.0.0.1; axe at 1280 and 375 px, with screenshots.
import { createHmac } from 'node:crypto'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeGitHub, startFakeGitHub } from '../helpers/fake-github'
import { type FakeLinear, startFakeLinear } from '../helpers/fake-linear'
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack'
import type { TestServerOptions } from '../helpers/start-server'
import { createProject, fileRequest } from './support/backend'
import { signedInPage } from './support/dashboard'
import {
  createOwnerThroughApi,
  OWNER,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('Settings › Integrations and the drawer’s linked issues', () => {
  const GITHUB_TOKEN = 'github_pat_e2e'
  const LINEAR_TOKEN = 'lin_api_e2e'
  const LINEAR_TEAM = '5c3f7e0a-team-eng'
  let fakeSlack: FakeSlack
  let fakeGitHub: FakeGitHub
  let fakeLinear: FakeLinear
  // The fakes' addresses are known only once they listen: the server options are filled in
  // before useWorld's own beforeAll reads them.
  const serverOptions: TestServerOptions = {}
  beforeAll(async () => {
    ;[fakeSlack, fakeGitHub, fakeLinear] = await Promise.all([
      startFakeSlack(),
      startFakeGitHub({ token: GITHUB_TOKEN, repositories: ['acme/web-app'] }),
      startFakeLinear({ token: LINEAR_TOKEN, teams: { [LINEAR_TEAM]: 'ENG' } }),
    ])
    serverOptions.notify = { githubApiUrl: fakeGitHub.url, linearApiUrl: fakeLinear.url }
  })
  const world = useWorld(serverOptions)
  afterAll(() => Promise.all([fakeSlack?.close(), fakeGitHub?.close(), fakeLinear?.close()]))

  beforeAll(async () => {
    await createOwnerThroughApi(world)
  })

  async function openIntegrations(
    projectId: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<Page> {
    const page = await signedInPage(world, OWNER, {
      viewport,
      bypassCSP: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/settings/integrations`)
    await page.getByRole('heading', { level: 2, name: 'Integrations' }).waitFor()
    return page
  }

  const card = (page: Page, tool: string) => page.getByRole('region', { name: tool, exact: true })

  async function setUpGitHub(page: Page): Promise<string> {
    const github = card(page, 'GitHub')
    await github.getByLabel('Token').fill(GITHUB_TOKEN)
    await github.getByLabel('Repository').fill('acme/web-app')
    await github.getByRole('button', { name: 'Save and connect' }).click()
    const secret = page
      .getByRole('region', { name: 'GitHub webhook set-up' })
      .locator('.secret-line code')
      .nth(1)
    await secret.waitFor()
    return secret.innerText()
  }

  /** A GitHub delivery for an issue nobody linked, signed with `secret`: its status code. */
  async function githubDelivery(projectId: string, secret: string): Promise<number> {
    const body = JSON.stringify({
      action: 'closed',
      issue: { number: 999, html_url: 'https://github.com/acme/web-app/issues/999' },
      repository: { full_name: 'acme/web-app' },
    })
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
    const res = await fetch(`${world.server.url}/v1/integrations/github/${projectId}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-GitHub-Event': 'issues',
        'X-Hub-Signature-256': signature,
      },
      body,
    })
    return res.status
  }

  it('sets up Slack, sends a test message that says what Slack answered, and removes it asking first', async () => {
    const { project } = await createProject(world, 'Slack Co')
    const page = await openIntegrations(project.id)
    const slack = card(page, 'Slack')
    expect(await slack.locator('.integration-status').innerText()).toContain('Not set up')
    expect(await slack.getByRole('button', { name: 'Send test message' }).count()).toBe(0)

    await slack.getByText('How to get one').click()
    await slack.getByText('Add New Webhook to Workspace').waitFor()
    await slack.getByLabel('Incoming webhook URL').fill(fakeSlack.webhookUrl)
    await slack.getByLabel('A changelog entry is published').uncheck()
    await slack.getByRole('button', { name: 'Save and connect' }).click()
    await slack.getByRole('status').filter({ hasText: 'Slack is connected' }).waitFor()
    expect(await slack.locator('.integration-status').innerText()).toContain('Connected')
    const stored = await world.server.adminFetch(
      `/v1/admin/projects/${project.id}/integrations/slack`,
    )
    expect(((await stored.json()) as { slack: { events: string[] } }).slack.events).toEqual([
      'request.created',
      'comment.created',
      'request.updated',
    ])

    await slack.getByRole('button', { name: 'Send test message' }).click()
    await slack.getByText('Sent. Slack answered 200 “ok”').waitFor()
    expect(fakeSlack.messages.length).toBe(1)

    // Slack refusing is said in Slack's own words.
    fakeSlack.failures.push({ status: 404 })
    await slack.getByRole('button', { name: 'Send test message' }).click()
    await slack.getByRole('alert').filter({ hasText: 'Slack answered 404 “no_service”' }).waitFor()

    await slack.getByRole('button', { name: 'Remove Slack' }).click()
    const question = slack.getByRole('group', { name: /Remove Slack\?/ })
    await question.getByRole('button', { name: 'Cancel' }).click()
    expect(await slack.locator('.integration-status').innerText()).toContain('Connected')
    await slack.getByRole('button', { name: 'Remove Slack' }).click()
    await slack.getByRole('button', { name: 'Remove Slack', exact: true }).last().click()
    await eventually(() => slack.locator('.integration-status').innerText()).toContain('Not set up')
  })

  it('sets up GitHub and shows its webhook URL and secret once, the secret the server checks', async () => {
    const { project } = await createProject(world, 'GitHub Co')
    const page = await openIntegrations(project.id)
    const github = card(page, 'GitHub')
    expect(await github.locator('.integration-status').innerText()).toContain('Not set up')
    const secret = await setUpGitHub(page)
    const setUp = page.getByRole('region', { name: 'GitHub webhook set-up' })
    const hookUrl = `${world.server.url}/v1/integrations/github/${project.id}`
    expect(await setUp.locator('.secret-line code').first().innerText()).toBe(hookUrl)
    expect(await setUp.innerText()).toContain('application/json')
    expect(await setUp.innerText()).toContain('Issues')
    await setUp.getByRole('button', { name: 'Copy GitHub webhook secret' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
    await setUp.getByRole('button', { name: 'Copy GitHub webhook URL' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hookUrl)
    await eventually(() => github.locator('.integration-status').innerText()).toContain(
      'issues of acme/web-app',
    )
    // The secret shown is the one GitHub's deliveries are checked with.
    expect(await githubDelivery(project.id, secret)).toBeLessThan(300)
    expect(await githubDelivery(project.id, 'not-the-secret')).toBe(401)

    // Shown once: opened again, the page has the URL but no secret, and no answer carries it.
    await page.reload()
    await github.locator('.integration-status').filter({ hasText: 'Connected' }).waitFor()
    expect(await page.getByRole('region', { name: 'GitHub webhook set-up' }).count()).toBe(0)
    expect(await page.content()).not.toContain(secret)
    expect(await github.innerText()).toContain(hookUrl)

    // Rotating asks first, then shows a new secret; the old one is refused from then on.
    await github.getByRole('button', { name: 'Rotate secret of the GitHub webhook' }).click()
    await github.getByRole('button', { name: 'Rotate secret', exact: true }).click()
    const rotated = await page
      .getByRole('region', { name: 'GitHub webhook set-up' })
      .locator('.secret-line code')
      .nth(1)
      .innerText()
    expect(rotated).not.toBe(secret)
    expect(await githubDelivery(project.id, secret)).toBe(401)
    expect(await githubDelivery(project.id, rotated)).toBeLessThan(300)
  })

  it('creates GitHub and Linear issues from a request, lists them linked, links one by URL and unlinks', async () => {
    const { project } = await createProject(world, 'Tracker Co')
    const request = await fileRequest(world, project.id, 'Export invoices as CSV')
    const settings = await openIntegrations(project.id)
    await setUpGitHub(settings)
    const linear = card(settings, 'Linear')
    await linear.getByLabel('API key').fill(LINEAR_TOKEN)
    await linear.getByLabel('Team id').fill(LINEAR_TEAM)
    await linear.getByRole('button', { name: 'Save and connect' }).click()
    const linearSetUp = settings.getByRole('region', { name: 'Linear webhook set-up' })
    const linearSecret = await linearSetUp.locator('.secret-line code').nth(1).innerText()
    // The command that adds the webhook in Linear carries that secret, the URL and the team.
    const command = await linearSetUp.locator('pre').innerText()
    expect(command).toContain(`"secret":"${linearSecret}"`)
    expect(command).toContain(`/v1/integrations/linear/${project.id}`)
    expect(command).toContain(`"teamId":"${LINEAR_TEAM}"`)

    const page = await signedInPage(world, OWNER, { bypassCSP: true })
    await page.goto(`${world.server.url}/dashboard/p/${project.id}/requests/${request.id}`)
    const drawer = page.getByRole('dialog', { name: 'Request: Export invoices as CSV' })
    const linked = drawer.getByRole('region', { name: 'Linked issues' })
    await linked.getByText('No issue linked').waitFor()
    await linked.getByRole('button', { name: 'Create GitHub issue' }).waitFor()
    await linked.getByRole('button', { name: 'Create Linear issue' }).waitFor()

    await linked.getByRole('button', { name: 'Create GitHub issue' }).click()
    await linked.getByRole('status').filter({ hasText: 'in GitHub and linked it' }).waitFor()
    const created = fakeGitHub.received.filter((call) => call.method === 'POST')
    expect(created.map((call) => [call.path, call.body.title])).toEqual([
      ['/repos/acme/web-app/issues', 'Export invoices as CSV'],
    ])
    const issueLink = linked.getByRole('link', { name: 'acme/web-app#1' })
    expect(await issueLink.getAttribute('href')).toBe('https://github.com/acme/web-app/issues/1')
    expect(await linked.getByRole('listitem').first().innerText()).toContain('GitHub')

    await linked.getByRole('button', { name: 'Create Linear issue' }).click()
    await linked.getByRole('status').filter({ hasText: 'ENG-1 in Linear and linked it' }).waitFor()
    expect([...fakeLinear.issues.values()].map((issue) => issue.title)).toEqual([
      'Export invoices as CSV',
    ])

    await linked.getByLabel('Issue URL').fill('https://linear.app/acme/issue/ENG-42/export-csv')
    await linked.getByRole('button', { name: 'Link issue' }).click()
    await linked.getByRole('link', { name: 'ENG-42' }).waitFor()
    expect(await linked.getByRole('listitem').count()).toBe(3)

    await linked.getByRole('button', { name: 'Unlink acme/web-app#1' }).click()
    await linked.getByRole('status').filter({ hasText: 'Unlinked' }).waitFor()
    const res = await world.server.adminFetch(
      `/v1/admin/projects/${project.id}/requests/${request.id}/links`,
    )
    const { links } = (await res.json()) as { links: Array<{ url: string; kind: string }> }
    expect(links.map((link) => link.kind)).toEqual(['linear', 'linear'])
    // Kept by its identifier: the slug is not part of the issue.
    expect(links.map((link) => link.url)).toContain('https://linear.app/acme/issue/ENG-42')
  })

  it('has no serious axe violations and fits 375 px, screenshots at 1280 and 375', async () => {
    const { project } = await createProject(world, 'Tally Books')
    const request = await fileRequest(world, project.id, 'Two-factor authentication')
    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const page = await openIntegrations(project.id, { width, height: 900 })
      if (width === 1280) {
        const slack = card(page, 'Slack')
        await slack.getByLabel('Incoming webhook URL').fill(fakeSlack.webhookUrl)
        await slack.getByRole('button', { name: 'Save and connect' }).click()
        await slack.getByRole('button', { name: 'Send test message' }).click()
        await slack.getByText('Sent. Slack answered 200').waitFor()
        await setUpGitHub(page)
        const linear = card(page, 'Linear')
        await linear.getByLabel('API key').fill(LINEAR_TOKEN)
        await linear.getByLabel('Team id').fill(LINEAR_TEAM)
        await linear.getByRole('button', { name: 'Save and connect' }).click()
        await page.getByRole('region', { name: 'Linear webhook set-up' }).waitFor()
      } else {
        // Every state at once on the phone: a secret shown, a question pending.
        await card(page, 'GitHub')
          .getByRole('button', { name: 'Rotate secret of the GitHub webhook' })
          .click()
        await card(page, 'GitHub')
          .getByRole('button', { name: 'Rotate secret', exact: true })
          .click()
        await page.getByRole('region', { name: 'GitHub webhook set-up' }).waitFor()
        await card(page, 'Slack').getByRole('button', { name: 'Remove Slack' }).click()
      }
      await page.waitForLoadState('networkidle')
      found[`integrations-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-integrations-${width}.png`),
        fullPage: true,
      })
      expect(await pastTheRightEdge(page, '.settings-page')).toEqual([])

      await page.goto(`${world.server.url}/dashboard/p/${project.id}/requests/${request.id}`)
      const linked = page.getByRole('region', { name: 'Linked issues' })
      if (width === 1280) {
        await linked.getByRole('button', { name: 'Create GitHub issue' }).click()
        await linked.getByRole('status').filter({ hasText: 'linked it' }).waitFor()
      }
      await linked.getByRole('listitem').first().waitFor()
      await linked.scrollIntoViewIfNeeded()
      await page.waitForLoadState('networkidle')
      found[`drawer-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-linked-issues-${width}.png`),
      })
      expect(await pastTheRightEdge(page, '.linked-issues')).toEqual([])
    }
    expect(found).toEqual({
      'integrations-1280': [],
      'drawer-1280': [],
      'integrations-375': [],
      'drawer-375': [],
    })
  })
})
