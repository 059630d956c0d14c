import { expect, it } from 'vitest'
import { dashboardRoot, parseLocation, routeUrl } from '../../src/dashboard/router'

const at = (pathname: string, hash = '') => parseLocation({ pathname, hash })

it('reads a shared request path, and its older hash form, as the backlog with the drawer open', () => {
  const opened = { page: 'project', projectId: 'shop-1', tab: 'backlog', requestId: 'r_a-b' }
  expect(at('/dashboard/p/shop-1/requests/r_a-b')).toEqual(opened)
  expect(at('/dashboard/p/shop-1/requests/r_a-b/')).toEqual(opened)
  expect(at('/dashboard/', '#/projects/shop-1/requests/r_a-b')).toEqual(opened)
  expect(routeUrl(opened as never, '/dashboard/')).toBe('/dashboard/p/shop-1/requests/r_a-b')
})

it('opens a project on Install unless a known tab is named', () => {
  expect(at('/dashboard/', '#/projects/shop-1')).toMatchObject({ tab: 'install' })
  expect(at('/dashboard/', '#/projects/shop-1/nope')).toMatchObject({ tab: 'install' })
  expect(at('/dashboard/', '#/projects/shop-1/changelog')).toMatchObject({ tab: 'changelog' })
  expect(routeUrl({ page: 'project', projectId: 'shop-1', tab: 'install' }, '/dashboard/')).toBe(
    '/dashboard/#/projects/shop-1/install',
  )
})

it('finds the dashboard root under any path, and shows the project list for broken links', () => {
  expect(dashboardRoot('/dashboard')).toBe('/dashboard/')
  expect(dashboardRoot('/dashboard/p/x/requests/y')).toBe('/dashboard/')
  expect(dashboardRoot('/dashboard/accept')).toBe('/dashboard/')
  expect(at('/dashboard/p/%E0%A4%A/requests/r_1')).toEqual({ page: 'projects' })
  expect(at('/dashboard/p/shop-1/requests')).toEqual({ page: 'projects' })
  expect(at('/dashboard/', '#/members')).toEqual({ page: 'members' })
  // A hash typed over a request's path wins: it is the newer intent.
  expect(at('/dashboard/p/shop-1/requests/r_1', '#/members')).toEqual({ page: 'members' })
})

it('reads a settings page in the Settings area, and the links from before it to the same page', () => {
  const settings = (section: string) => ({
    page: 'project',
    projectId: 'shop-1',
    tab: 'settings',
    section,
  })
  expect(at('/dashboard/', '#/projects/shop-1/settings/widget')).toEqual(settings('widget'))
  expect(at('/dashboard/', '#/projects/shop-1/settings/audit')).toEqual(settings('audit'))
  expect(at('/dashboard/', '#/projects/shop-1/settings/api-keys')).toEqual(settings('api-keys'))
  expect(at('/dashboard/', '#/projects/shop-1/settings/nope')).toEqual(settings('project'))
  // Links from before the Settings area: each opens its page there.
  expect(at('/dashboard/', '#/projects/shop-1/identity')).toEqual(settings('identity'))
  expect(at('/dashboard/', '#/projects/shop-1/settings')).toEqual(settings('project'))
  expect(at('/dashboard/', '#/projects/shop-1/audit')).toEqual(settings('audit'))
  expect(at('/dashboard/', '#/projects/shop-1/notifications')).toEqual(settings('notifications'))
  expect(routeUrl(settings('notifications') as never, '/dashboard/')).toBe(
    '/dashboard/#/projects/shop-1/settings/notifications',
  )
  expect(routeUrl({ page: 'project', projectId: 'shop-1', tab: 'settings' }, '/dashboard/')).toBe(
    '/dashboard/#/projects/shop-1/settings/project',
  )
})
