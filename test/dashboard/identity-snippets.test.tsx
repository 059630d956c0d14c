import { fireEvent, screen } from '@testing-library/preact'
import { beforeAll, beforeEach, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { useDashboardServer } from './helpers/dashboard-world'
import { codeBlockText, renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()
let created: CreatedProjectResponse
let copied: string[]

beforeAll(async () => {
  created = await server.createProject('Snippet Co')
})
beforeEach(() => {
  // The browser's clipboard is the boundary: record what the page writes to it.
  copied = []
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  })
})

const identityHash = () => `#/projects/${created.project.id}/identity`

it('switching the stack changes the snippet, and the choice is remembered', async () => {
  const view = renderSignedIn(server, identityHash())
  await screen.findByRole('radio', { name: 'Next.js', checked: true })
  expect(codeBlockText('Next.js: lib/reqio-token.ts')).toContain("from 'jose'")

  fireEvent.click(screen.getByRole('radio', { name: 'Python' }))
  const python = codeBlockText('Python: reqio_token.py')
  expect(python).toContain('import jwt')
  expect(python).toContain(`REQIO_AUDIENCE = "${created.project.audience}"`)
  expect(python).toContain('iat + TOKEN_LIFETIME_SECONDS')
  expect(screen.queryByRole('button', { name: 'Copy Next.js: lib/reqio-token.ts' })).toBeNull()

  view.unmount()
  renderSignedIn(server, identityHash())
  await screen.findByRole('radio', { name: 'Python', checked: true })
  expect(codeBlockText('Python: reqio_token.py')).toContain('os.environ["REQIO_SECRET"]')
})

it('every stack shows its library with the real project id and audience filled in', async () => {
  renderSignedIn(server, identityHash())
  const expectations: [string, string, string][] = [
    ['Node.js', 'Node.js: reqio-token.mjs', "import { SignJWT } from 'jose'"],
    ['PHP', 'PHP: reqio_token.php', 'use Firebase\\JWT\\JWT;'],
    ['Ruby', 'Ruby: lib/reqio_token.rb', 'require "jwt"'],
    ['Go', 'Go: reqio/token.go', '"github.com/golang-jwt/jwt/v5"'],
  ]
  for (const [stack, title, libraryLine] of expectations) {
    fireEvent.click(await screen.findByRole('radio', { name: stack }))
    const code = codeBlockText(title)
    expect(code).toContain(libraryLine)
    expect(code).toContain(created.project.audience)
    expect(code).toContain('REQIO_SECRET')
  }
  expect(codeBlockText('Script tag')).toContain(`data-project-id="${created.project.id}"`)
  expect(codeBlockText('Script tag')).toContain('data-identity-token=')
  expect(codeBlockText('Single-page app')).toContain('window.Reqio.identify(token)')
})

it('copy buttons put exactly the shown text on the clipboard and say so', async () => {
  renderSignedIn(server, identityHash())
  fireEvent.click(await screen.findByRole('radio', { name: 'Ruby' }))

  const copyPrompt = screen.getByRole('button', { name: 'Copy AI agent prompt' })
  fireEvent.click(copyPrompt)
  await screen.findByText('Copied')
  const prompt = copied[0] ?? ''
  expect(prompt).toBe(codeBlockText('AI agent prompt'))
  for (const fact of [
    created.project.id,
    created.project.audience,
    'jwt gem',
    'REQIO_SECRET',
    'iat + 300',
    'never send it to the browser',
    'data-identity-token',
    'window.Reqio.identify(token)',
    '"interval": "month" or "year"',
  ])
    expect(prompt).toContain(fact)

  fireEvent.click(screen.getByRole('button', { name: 'Copy Ruby: lib/reqio_token.rb' }))
  await screen.findAllByText('Copied')
  expect(copied[1]).toBe(codeBlockText('Ruby: lib/reqio_token.rb'))
})

it("embeds the token with each stack's own template expression, never a placeholder to fill in", async () => {
  renderSignedIn(server, identityHash())
  const expressions: [string, string][] = [
    ['Next.js', 'data-identity-token={user ? await mintReqioToken(user) : undefined}'],
    ['Node.js', 'data-identity-token="${req.user ? await mintReqioToken(req.user) : \'\'}"'],
    ['Python', 'data-identity-token="{{ reqio_token }}"'],
    [
      'PHP',
      "data-identity-token=\"<?= isset($_SESSION['user']) ? htmlspecialchars(mintReqioToken($_SESSION['user'])) : '' ?>\"",
    ],
    ['Ruby', 'data-identity-token="<%= ReqioToken.mint(current_user) if current_user %>"'],
    ['Go', 'data-identity-token="{{.ReqioToken}}"'],
  ]
  for (const [stack, attribute] of expressions) {
    fireEvent.click(await screen.findByRole('radio', { name: stack }))
    const tag = codeBlockText('Script tag')
    expect(tag).toContain(attribute)
    expect(tag).toContain(`data-project-id="${created.project.id}"`)
    // Whatever a template language looks like, a bare <words> value is a placeholder.
    expect(tag).not.toMatch(/data-identity-token="<(?![?%]=)/)
    const page = document.body.textContent ?? ''
    expect(page).not.toContain('minted by your server>')
    expect(page).not.toContain('data-identity-token="TOKEN"')
    expect(codeBlockText('AI agent prompt')).toContain(attribute)
  }
})

it('says to send the same claims on every token: on the page, in every stack’s token code and in the prompt', async () => {
  renderSignedIn(server, identityHash())
  await screen.findByText('Send the same claims on every token.')
  const mintFiles: [string, string][] = [
    ['Next.js', 'Next.js: lib/reqio-token.ts'],
    ['Node.js', 'Node.js: reqio-token.mjs'],
    ['Python', 'Python: reqio_token.py'],
    ['PHP', 'PHP: reqio_token.php'],
    ['Ruby', 'Ruby: lib/reqio_token.rb'],
    ['Go', 'Go: reqio/token.go'],
  ]
  for (const [stack, title] of mintFiles) {
    fireEvent.click(await screen.findByRole('radio', { name: stack }))
    expect(codeBlockText(title)).toContain('Send the same claims on every token')
    expect(codeBlockText(title)).toContain('a claim left out is cleared')
    expect(codeBlockText('AI agent prompt')).toContain('Send the same claims on every token')
  }
})
