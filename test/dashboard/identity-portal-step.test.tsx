import { fireEvent, screen } from '@testing-library/preact'
import { beforeAll, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { useDashboardServer } from './helpers/dashboard-world'
import { codeBlockText, renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()
let created: CreatedProjectResponse

beforeAll(async () => {
  created = await server.createProject('Portal Co')
})

const identityHash = () => `#/projects/${created.project.id}/identity`

it('shows, for every stack, a sign-in handler that sends a fresh token to this portal’s /sso', async () => {
  renderSignedIn(server, identityHash())
  await screen.findByRole('heading', { name: '6. Sign in to your portal' })
  const sso = `/p/${created.project.id}/sso`
  const stacks: [string, string, string, string][] = [
    ['Next.js', 'lib/reqio-portal.ts', 'app/reqio/sign-in/route.ts', 'mintReqioToken(user)'],
    ['Node.js', 'reqio-portal.mjs', 'server.mjs', 'mintReqioToken(user)'],
    ['Python', 'reqio_portal.py', 'app.py', 'mint_reqio_token(user)'],
    ['PHP', 'reqio_portal.php', 'reqio-sign-in.php', 'mintReqioToken($user)'],
    [
      'Ruby',
      'lib/reqio_portal.rb',
      'app/controllers/reqio_sign_ins_controller.rb',
      'ReqioToken.mint(user)',
    ],
    ['Go', 'reqio/portal.go', 'main.go', 'MintToken(user)'],
  ]
  for (const [stack, portalPath, handlerPath, mints] of stacks) {
    fireEvent.click(await screen.findByRole('radio', { name: stack }))
    const portal = codeBlockText(`Portal, ${stack}: ${portalPath}`)
    expect(portal).toContain(`/p/${created.project.id}`)
    expect(portal).toContain('/sso')
    expect(portal).toContain('return_to')
    expect(portal).toContain(mints)
    const handler = codeBlockText(`Portal, ${stack}: ${handlerPath}`)
    expect(handler).toContain('return_to')
    expect(handler).toContain('no-store')
  }
  expect(document.body.textContent).toContain(sso)
})

it('the AI agent prompt asks for the portal sign-in route too', async () => {
  renderSignedIn(server, identityHash())
  fireEvent.click(await screen.findByRole('radio', { name: 'Go' }))
  const prompt = codeBlockText('AI agent prompt')
  expect(prompt).toContain(`/p/${created.project.id}/sso?token=<token>&return_to=`)
  expect(prompt).toContain('SSO URL in Settings > Portal')
  expect(prompt).toContain('never to whatever return_to names')
})
