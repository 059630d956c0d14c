import type { Page } from 'playwright-core'

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
