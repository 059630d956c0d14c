import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mintToken } from '../helpers/tokens'
import { createProject, fileRequest, voteThroughApi } from './support/backend'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('the dashboard', () => {
  const world = useWorld()

  it('signs in, generates a secret, shows the snippet with the project id, checks a token and ranks the backlog by revenue', async () => {
    const { project } = await createProject(world, 'Globex')
    // The wrong admin token is answered 401, which Chromium logs as a failed resource.
    const { page } = await world.openPage({
      viewport: { width: 1280, height: 900 },
      allowNetworkFailureLogs: true,
    })
    await page.goto(`${world.server.url}/dashboard`)

    // First start: nobody has an account, so the admin token creates the owner.
    await page.getByLabel('Admin token').fill('not-the-admin-token')
    await page.getByLabel('Email').fill('olive@example.com')
    await page.getByLabel('Name').fill('Olive')
    await page.getByLabel('Password').fill('correct horse battery')
    await page.getByRole('button', { name: 'Create the owner account' }).click()
    await eventually(() => page.getByRole('alert').innerText()).toContain('not accepted')
    await page.getByLabel('Admin token').fill(world.server.adminToken)
    await page.getByRole('button', { name: 'Create the owner account' }).click()

    await page.getByRole('button', { name: 'Globex' }).click()
    await page.getByRole('tab', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'Identity' }).click()

    // Step 2: the secret, shown once.
    await page.getByRole('button', { name: 'Generate secret' }).click()
    const revealed = page.getByRole('region', { name: 'New signing secret' })
    const secret = (
      await revealed.locator('figure', { hasText: 'Signing secret' }).locator('code').innerText()
    ).trim()
    expect(secret.length).toBeGreaterThanOrEqual(32)
    expect(await revealed.innerText()).toContain(`REQIO_SECRET=${secret}`)

    // Steps 3 and 4: the snippets carry this project's id and audience.
    const mint = page.locator('section', {
      has: page.getByRole('heading', { name: /Mint a token/ }),
    })
    expect(await mint.innerText()).toContain(project.audience)
    const embed = page.locator('section', {
      has: page.getByRole('heading', { name: /Embed the widget/ }),
    })
    expect(await embed.innerText()).toContain(`data-project-id="${project.id}"`)
    expect(await embed.innerText()).toContain(`${world.server.url}/widget.js`)

    // Step 5: a token minted with the new secret is accepted, with its revenue.
    const pro = {
      sub: 'pro-1',
      email: 'pat@example.com',
      traits: { plan: 'pro', amount: 4900, interval: 'month' as const },
    }
    const token = await mintToken(secret, { aud: project.audience, ...pro })
    await page.getByLabel('Token', { exact: true }).fill(token)
    await page.getByRole('button', { name: 'Check token' }).click()
    const outcome = page.getByRole('status').filter({ hasText: 'Verified.' })
    await outcome.waitFor()
    expect(await outcome.innerText()).toContain('pro-1')
    expect(await outcome.innerText()).toContain('$49.00')

    // The backlog: more votes is not more revenue.
    const as = (sub: string, plan: string, amount: number, interval: 'month' | 'year') =>
      mintToken(secret, { aud: project.audience, sub, traits: { plan, amount, interval } })
    const audit = await fileRequest(world, project.id, 'Audit log')
    const sso = await fileRequest(world, project.id, 'Single sign-on')
    const api = await fileRequest(world, project.id, 'Public API')
    for (const sub of ['free-1', 'free-2', 'free-3'])
      await voteThroughApi(world, project.id, audit.id, await as(sub, 'free', 0, 'month'))
    await voteThroughApi(world, project.id, sso.id, await as('ent-1', 'enterprise', 120000, 'year'))
    await voteThroughApi(world, project.id, api.id, token)

    // The secret was read off the screen, never copied: leaving asks first (issue 19).
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', async (dialog) => {
        resolve(dialog.message())
        await dialog.accept()
      }),
    )
    await page.getByRole('tab', { name: 'Backlog' }).click()
    expect(await asked).toMatch(/^You have not copied the secret/)
    expect(await page.getByRole('button', { name: 'Revenue' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    const table = page.getByRole('table', { name: 'Backlog' })
    const titles = table.getByRole('rowheader')
    await eventually(() => titles.allInnerTexts()).toEqual([
      'Single sign-on',
      'Public API',
      'Audit log',
    ])
    const rows = await table.getByRole('row').allInnerTexts()
    expect(rows[1]).toContain('$100.00')
    expect(rows[2]).toContain('$49.00')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-backlog.png'), fullPage: true })

    await page.getByRole('button', { name: 'Votes' }).click()
    await eventually(async () => (await titles.allInnerTexts())[0]).toBe('Audit log')
  })
})
