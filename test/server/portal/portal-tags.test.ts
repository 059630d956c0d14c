// The portal's tags (spec v3 "Tags"): chips on the board, the roadmap and a request's page, and a
// tag filter of plain links (?tag=) that works without JavaScript, on both databases.
import { describe, expect, it } from 'vitest'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { tagsApi } from '../tags/tags-helpers'
import { adminPatchRequest, submitRequest } from './portal-fixtures'

describe.each(storeBackends())('tags in the portal on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  const page = async (path = '') => {
    const res = await fetch(`${server.url}/p/${projectId}${path}`)
    expect(res.status).toBe(200)
    return res.text()
  }
  /** The board's rows, by title, in order. */
  const rowTitles = (html: string) =>
    [...html.matchAll(/<a class="row-title"[^>]*>([^<]*)<\/a>/g)].map((match) => match[1])

  async function tagged() {
    const api = tagsApi(server, projectId)
    const billing = await api.create('Billing', '#1d4ed8')
    const mobile = await api.create('Mobile', '#0f766e')
    const pdf = await submitRequest(server, projectId, { title: 'Invoices as PDF' })
    const phone = await submitRequest(server, projectId, { title: 'Invoices on the phone' })
    await submitRequest(server, projectId, { title: 'Dark mode' })
    await api.tagRequest(pdf, [billing.id])
    await api.tagRequest(phone, [billing.id, mobile.id])
    return { billing, mobile, pdf, phone }
  }

  it('offers every tag as a link that narrows the board, the current one marked', async () => {
    const { billing, mobile } = await tagged()
    const board = await page()
    expect(board).toContain('<nav aria-label="Tag">')
    expect(board).toContain(`href="/p/${projectId}?tag=${billing.id}"`)
    expect(board).toContain(`href="/p/${projectId}?tag=${mobile.id}"`)
    expect(rowTitles(board)).toHaveLength(3)

    const onlyMobile = await page(`?tag=${mobile.id}`)
    expect(rowTitles(onlyMobile)).toEqual(['Invoices on the phone'])
    expect(onlyMobile).toMatch(
      new RegExp(`href="/p/${projectId}\\?tag=${mobile.id}" aria-current="true"`),
    )
    expect(onlyMobile).toContain('1 request')
    const billingNew = await page(`?tag=${billing.id}&sort=new`)
    expect(rowTitles(billingNew)).toEqual(['Invoices on the phone', 'Invoices as PDF'])
    // The other choices keep the tag, and the search form carries it.
    expect(billingNew).toContain(`href="/p/${projectId}?tag=${billing.id}"`)
    expect(billingNew).toContain(`<input type="hidden" name="tag" value="${billing.id}"/>`)
  })

  it('keeps the tag with a status and a search, and shows an empty board for an unknown tag', async () => {
    const { billing, pdf } = await tagged()
    await adminPatchRequest(server, projectId, pdf, { status: 'planned' })
    expect(rowTitles(await page(`?tag=${billing.id}&status=planned`))).toEqual(['Invoices as PDF'])
    expect(rowTitles(await page(`?tag=${billing.id}&q=phone`))).toEqual(['Invoices on the phone'])
    const unknown = await page('?tag=tag_nope')
    expect(rowTitles(unknown)).toEqual([])
    expect(unknown).toContain('No requests found.')
    // A value no tag id can be is no filter, not an error page.
    expect(rowTitles(await page(`?tag=${'x'.repeat(100)}`))).toHaveLength(3)
  })

  it('shows a request’s tags as chips on the board, the roadmap and its page', async () => {
    const { phone } = await tagged()
    await adminPatchRequest(server, projectId, phone, { status: 'planned' })
    const chips =
      /<span class="tag"><svg[^>]*><circle[^>]*fill="#1d4ed8"[^>]*><\/circle><\/svg>Billing<\/span><span class="tag"><svg[^>]*><circle[^>]*fill="#0f766e"[^>]*><\/circle><\/svg>Mobile<\/span>/
    expect(await page()).toMatch(chips)
    expect(await page('/roadmap')).toMatch(chips)
    expect(await page(`/requests/${phone}`)).toMatch(chips)
  })

  it('shows no tag filter while the project has no tags, and a renamed tag at once', async () => {
    await submitRequest(server, projectId, { title: 'Dark mode' })
    expect(await page()).not.toContain('aria-label="Tag"')
    const api = tagsApi(server, projectId)
    const tag = await api.create('Billing')
    expect(await page()).toContain('aria-label="Tag"')
    await server.adminFetch(`${api.base}/tags/${tag.id}`, api.send('PATCH', { name: 'Invoices' }))
    expect(await page()).toContain('Invoices</a>')
  })
})
