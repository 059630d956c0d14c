import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { World } from './world'

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
