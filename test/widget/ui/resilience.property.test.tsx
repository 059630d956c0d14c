import { fireEvent } from '@testing-library/preact'
import fc from 'fast-check'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { TOKEN_ERROR_CODES } from '../../../src/shared/errors'
import type { CannedAnswer } from './helpers/network'
import { createRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

afterEach(resetPage)

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const failure = (status: number, code: string, headers?: Record<string, string>) => ({
  status,
  body: { error: { code, message: `random ${code}` } },
  ...(headers ? { headers } : {}),
})

/**
 * Every kind of answer a real network and server can give, and some they should not: the
 * network hands them over in place of the real server's (which answers everything else).
 */
const anyAnswer: fc.Arbitrary<CannedAnswer> = fc.oneof(
  fc.constant<CannedAnswer>('offline'),
  fc.constant({ status: 500, body: '<html>Bad gateway</html>' }),
  fc.constant({ status: 200, body: 'not json at all' }),
  fc.constant({ status: 200, body: { request: 42, requests: 'nope' } }),
  fc.constant(failure(500, 'internal_error')),
  fc.constant(failure(400, 'validation_failed')),
  fc.constant(failure(404, 'request_not_found')),
  fc.constant(failure(429, 'rate_limited', { 'Retry-After': '2' })),
  fc.constantFrom(...TOKEN_ERROR_CODES).map((code) => failure(401, code)),
)

type Action =
  | { kind: 'open' | 'close' | 'suggest' | 'send' | 'online' | 'escape' | 'new' | 'reload' }
  | { kind: 'type'; title: string }
  | { kind: 'submit'; title: string }
  | { kind: 'vote'; index: number }
  | { kind: 'answer'; answer: CannedAnswer }
  | { kind: 'offline'; offline: boolean }
  | { kind: 'search'; query: string }

const anyAction: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom<Action>(
    { kind: 'open' },
    { kind: 'close' },
    { kind: 'suggest' },
    { kind: 'send' },
    { kind: 'online' },
    { kind: 'escape' },
    { kind: 'reload' },
    { kind: 'new' },
  ),
  fc.string({ maxLength: 40 }).map((title): Action => ({ kind: 'type', title })),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((title): Action => ({ kind: 'type', title })),
  fc.string({ minLength: 1, maxLength: 40 }).map((title): Action => ({ kind: 'submit', title })),
  fc.nat(3).map((index): Action => ({ kind: 'vote', index })),
  anyAnswer.map((answer): Action => ({ kind: 'answer', answer })),
  fc.boolean().map((offline): Action => ({ kind: 'offline', offline })),
  fc.string({ maxLength: 8 }).map((query): Action => ({ kind: 'search', query })),
)

describe('whatever users and servers do', () => {
  let runsThatSent = 0
  afterAll(() => {
    // A property that never reaches the interesting part proves nothing.
    expect(runsThatSent).toBeGreaterThan(5)
  })

  it('never lets an error reach the host and never loses a title the user sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyAction, { maxLength: 30 }), async (actions) => {
        resetPage()
        // A project of its own per run, on the real server.
        const server = await createRealServer()
        // Two requests to vote for (their authors' votes only: every write costs the run time).
        await Promise.all([
          server.seed([{ title: 'Dark mode' }]),
          server.seed([{ title: 'CSV export' }]),
        ])
        let w = startWidget({ server })
        const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
        const hostErrors: unknown[] = []
        const onError = (event: ErrorEvent) => hostErrors.push(event.error)
        window.addEventListener('error', onError)
        /** Titles the user pressed Send for: each must end up sent, kept, or back in the form. */
        const sentTitles: string[] = []
        const outboxTitles = () =>
          (
            JSON.parse(localStorage.getItem(`reqio:outbox:${server.projectId}`) ?? '[]') as Array<{
              title?: string
            }>
          ).map((e) => e.title)
        /**
         * Typing over a refused title that the form gave back is the user's own edit, not a loss:
         * that title no longer has to be found anywhere.
         */
        const typeTitle = async (input: HTMLInputElement, text: string) => {
          const shown = input.value.trim()
          const index = sentTitles.indexOf(shown)
          const elsewhere =
            index >= 0 &&
            (outboxTitles().includes(shown) || (await server.titles()).includes(shown))
          if (index >= 0 && !elsewhere && text.trim() !== shown) sentTitles.splice(index, 1)
          fireEvent.input(input, { target: { value: text } })
        }
        /** The whole path a user takes to suggest something, one step at a time. */
        const submit = async (text: string) => {
          w.reqio.open()
          await settle()
          const suggest = w.ui().queryByRole('button', { name: 'Suggest a feature' })
          if (suggest) fireEvent.click(suggest)
          await settle()
          const title = w.ui().queryByRole('textbox', { name: 'Title' }) as HTMLInputElement | null
          if (title) await typeTitle(title, text)
          await settle()
          const send = w.ui().queryByRole('button', { name: 'Send' }) as HTMLButtonElement | null
          const typed = title?.value.trim()
          if (send && !send.disabled && typed) {
            sentTitles.push(typed)
            fireEvent.click(send)
          }
        }
        try {
          for (const action of actions) {
            if (action.kind === 'submit') await submit(action.title)
            const ui = w.ui()
            const title = ui.queryByRole('textbox', { name: 'Title' }) as HTMLInputElement | null
            const send = ui.queryByRole('button', { name: 'Send' }) as HTMLButtonElement | null
            if (action.kind === 'reload') {
              // A page reload: only localStorage and the server remember anything.
              const stored = { ...localStorage }
              resetPage()
              for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value)
              w = startWidget({ server })
            }
            if (action.kind === 'open') w.reqio.open()
            if (action.kind === 'close') w.reqio.close()
            if (action.kind === 'online') window.dispatchEvent(new Event('online'))
            if (action.kind === 'answer') server.answerNext(action.answer)
            if (action.kind === 'offline') server.setOffline(action.offline)
            if (action.kind === 'escape') {
              const dialog = ui.queryByRole('dialog')
              if (dialog) fireEvent.keyDown(dialog, { key: 'Escape' })
            }
            if (action.kind === 'suggest') {
              const button = ui.queryByRole('button', { name: 'Suggest a feature' })
              if (button) fireEvent.click(button)
            }
            if (action.kind === 'new') {
              const button = ui.queryByRole('button', { name: 'New' })
              if (button) fireEvent.click(button)
            }
            if (action.kind === 'search') {
              const box = ui.queryByRole('searchbox')
              if (box) fireEvent.input(box, { target: { value: action.query } })
            }
            if (action.kind === 'type' && title) await typeTitle(title, action.title)
            if (action.kind === 'vote') {
              const votes = ui.queryAllByRole('button', { name: /^Vote for / })
              const vote = votes[action.index % Math.max(1, votes.length)]
              if (vote) fireEvent.click(vote)
            }
            if (action.kind === 'send' && title && send && !send.disabled) {
              sentTitles.push(title.value.trim())
              fireEvent.click(send)
            }
            await settle()
          }
          // Every request that went out has reached the real server and been answered.
          for (let round = 0; round < 3; round++) {
            await server.idle()
            await settle()
          }
          if (sentTitles.length) runsThatSent++

          expect(hostErrors).toEqual([])
          // The widget logs every error it catches in its own code; server failures are not that.
          expect(consoleError).not.toHaveBeenCalled()
          const onServer = await server.titles()
          const inOutbox = outboxTitles()
          const draft = JSON.parse(
            localStorage.getItem(`reqio:draft:${server.projectId}`) ?? '{}',
          ) as {
            title?: string
          }
          for (const sent of sentTitles) {
            const kept =
              onServer.includes(sent) || inOutbox.includes(sent) || draft.title?.trim() === sent
            expect(kept, `"${sent}" was lost`).toBe(true)
          }
          // Exactly once: the same submission never lands twice.
          for (const sent of new Set(sentTitles)) {
            const sends = sentTitles.filter((t) => t === sent).length
            expect(onServer.filter((t) => t === sent).length).toBeLessThanOrEqual(sends)
          }
        } finally {
          window.removeEventListener('error', onError)
          consoleError.mockRestore()
        }
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
