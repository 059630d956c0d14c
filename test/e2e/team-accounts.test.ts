import { describe, expect, it } from 'vitest'
import { createProject } from './support/backend'
import { eventually, useWorld } from './support/world'

/** Calls our own API from inside the page, as the dashboard does: same origin, the cookie. */
function callFromPage(method: string, path: string, body?: unknown) {
  return async (page: import('playwright-core').Page) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(path, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await res.text()
        return { status: res.status, code: text ? JSON.parse(text)?.error?.code : undefined }
      },
      { method, path, body },
    )
}

describe('team accounts in a real browser', () => {
  const world = useWorld()

  it('signs up the owner, invites a member who joins in another browser, keeps them out of owner things, and refuses the session after sign-out', async () => {
    const { project } = await createProject(world, 'Globex')
    // The owner's page must log no error at all (signed out is a 200 from /v1/auth/session).
    const owner = await world.openPage()
    await owner.page.goto(`${world.server.url}/dashboard`)
    await owner.page.getByRole('heading', { name: 'Create the owner account' }).waitFor()
    await owner.page.getByLabel('Admin token').fill(world.server.adminToken)
    await owner.page.getByLabel('Email').fill('olive@example.com')
    await owner.page.getByLabel('Name').fill('Olive')
    await owner.page.getByLabel('Password').fill('correct horse battery')
    await owner.page.getByRole('button', { name: 'Create the owner account' }).click()
    await owner.page.getByRole('button', { name: 'Olive (owner)' }).waitFor()

    // The session cookie as the browser keeps it.
    const [ownerCookie] = (await owner.context.cookies()).filter((c) => c.name === 'reqio_session')
    expect(ownerCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false })
    expect(await owner.page.evaluate(() => document.cookie)).not.toContain('reqio_session')
    expect(
      await owner.page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage })),
    ).not.toContain(world.server.adminToken)

    // The owner invites Sam as a member and copies the link.
    await owner.page.getByRole('button', { name: 'Members' }).click()
    await owner.page.getByLabel('Email', { exact: true }).fill('sam@example.com')
    await owner.page.getByLabel('Role', { exact: true }).selectOption('member')
    await owner.page.getByRole('button', { name: 'Create invite link' }).click()
    const inviteUrl = (
      await owner.page.getByRole('region', { name: 'Invite link' }).locator('code').innerText()
    ).trim()
    expect(inviteUrl).toMatch(/\/dashboard\/accept\?code=/)

    // Sam opens it on another device (a second browser context: its own cookies).
    // Sam's 401/403 answers below are expected; Chromium logs them as failed resources.
    const sam = await world.openPage({ allowNetworkFailureLogs: true })
    await sam.page.goto(inviteUrl)
    await sam.page.getByText('sam@example.com').waitFor()
    await sam.page.getByLabel('Your name').fill('Sam')
    await sam.page.getByLabel('Password').fill('sams own password')
    await sam.page.getByRole('button', { name: 'Join' }).click()
    await sam.page.getByRole('button', { name: 'Sam (member)' }).waitFor()
    expect(new URL(sam.page.url()).search).toBe('')

    // The owner sees Sam on the team.
    await owner.page.reload()
    await eventually(() =>
      owner.page.getByRole('table', { name: 'Members' }).innerText(),
    ).toContain('sam@example.com')

    // Sam cannot open Members, nor see the secret's tab: hidden, explained, and refused by the server.
    expect(await sam.page.getByRole('button', { name: 'Members' }).count()).toBe(0)
    await sam.page.goto(`${world.server.url}/dashboard/#/members`)
    await sam.page.getByText('Only owners can open the Members page.').waitFor()
    await sam.page.getByText("Why can't I manage members?").click()
    await sam.page.getByText('Only owners invite people').waitFor()
    await sam.page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/backlog`)
    await sam.page.getByRole('tab', { name: 'Backlog' }).waitFor()
    await sam.page.getByRole('tab', { name: 'Settings' }).click()
    await sam.page.getByRole('navigation', { name: 'Settings' }).waitFor()
    expect(await sam.page.getByRole('link', { name: 'Identity' }).count()).toBe(0)

    expect(await callFromPage('GET', '/v1/admin/members')(sam.page)).toEqual({
      status: 403,
      code: 'forbidden',
    })
    expect(
      await callFromPage('POST', `/v1/admin/projects/${project.id}/secret`, {})(sam.page),
    ).toEqual({ status: 403, code: 'forbidden' })
    expect(await callFromPage('GET', `/v1/admin/projects/${project.id}/backlog`)(sam.page)).toEqual(
      {
        status: 200,
        code: undefined,
      },
    )

    // Sam signs out: the page asks to sign in, and the old cookie no longer works anywhere.
    const [samCookie] = (await sam.context.cookies()).filter((c) => c.name === 'reqio_session')
    expect(samCookie?.value).toBeTruthy()
    await sam.page.getByRole('button', { name: 'Sign out' }).click()
    await sam.page.getByRole('heading', { name: 'Reqio dashboard' }).waitFor()
    expect(await callFromPage('GET', '/v1/auth/me')(sam.page)).toEqual({
      status: 401,
      code: 'unauthorized',
    })
    const replayed = await fetch(`${world.server.url}/v1/admin/projects`, {
      headers: { Cookie: `reqio_session=${samCookie?.value}` },
    })
    expect(replayed.status).toBe(401)

    // The owner's own session is untouched, and the audit log names who did what.
    const audit = await callFromPage('GET', `/v1/admin/projects/${project.id}/audit`)(owner.page)
    expect(audit.status).toBe(200)
    await owner.page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/audit`)
    const log = owner.page.getByRole('region', { name: 'Audit log' })
    await eventually(() => log.innerText()).toContain('Olive invited sam@example.com as member')
    expect(await log.innerText()).toContain('olive@example.com')
  })
})
