import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { PageOptions, World } from './world'

/**
 * A fresh server's dashboard opens on "Create the owner account": the admin token creates the
 * owner, who is then signed in. Answers the owner's name, which team replies are signed with.
 */
export async function createOwner(page: Page, adminToken: string): Promise<string> {
  const name = 'Olive'
  await page.getByLabel('Admin token').fill(adminToken)
  await page.getByLabel('Email').fill('olive@example.com')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Create the owner account' }).click()
  return name
}

/** A team member's sign-in details, as the e2e files make their owner. */
export interface Owner {
  email: string
  name: string
  password: string
}

/** The owner account made through the API, for files whose subject comes after signing up. */
export async function createOwnerThroughApi(world: World, owner: Owner): Promise<void> {
  const res = await fetch(`${world.server.url}/v1/auth/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ adminToken: world.server.adminToken, ...owner }),
  })
  expect(res.status).toBe(201)
}

/**
 * A new page (a context of its own) signed in as `owner`, on the dashboard's Projects list, for
 * files whose subject comes after signing in. `viewport` defaults to 1280 × 900; the other
 * context options pass through (`bypassCSP` lets axe's script past the dashboard's strict CSP).
 */
export async function signedInPage(
  world: World,
  owner: Owner,
  { viewport = { width: 1280, height: 900 }, ...options }: PageOptions = {},
): Promise<Page> {
  const { page } = await world.openPage({ viewport, ...options })
  page.setDefaultTimeout(15_000)
  await page.goto(`${world.server.url}/dashboard/`)
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
  return page
}
