import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { TITLE_MAX_LENGTH } from '../../../src/shared/limits'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

async function openForm(w: ReturnType<typeof startWidget>) {
  w.reqio.open()
  fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
  return {
    title: w.ui().getByRole('textbox', { name: 'Title' }),
    details: w.ui().getByRole('textbox', { name: 'Details (optional)' }),
    send: w.ui().getByRole('button', { name: 'Send' }),
  }
}

describe('suggesting a feature', () => {
  it('sends title and details with an Idempotency-Key and lists the new request', async () => {
    const w = startWidget()
    const form = await openForm(w)
    await waitFor(() => expect(w.focused()).toBe(form.title))
    fireEvent.input(form.title, { target: { value: 'Dark mode' } })
    fireEvent.input(form.details, { target: { value: 'My eyes hurt at night' } })
    fireEvent.click(form.send)
    expect(await w.ui().findByText('Thanks! Your request is in.')).toBeTruthy()
    const [post] = w.server.writes()
    expect(post?.body).toEqual({ title: 'Dark mode', body: 'My eyes hurt at night' })
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(w.ui().getByText('Dark mode')).toBeTruthy()
    expect(w.eventsNamed('submit')).toEqual([
      { request: expect.objectContaining({ title: 'Dark mode' }), pending: false },
    ])
  })

  it('suggests similar requests once the user pauses typing, ignoring case and accents', async () => {
    const [cafe] = await currentServer().seed([
      { title: 'Café menu export', votes: 3 },
      { title: 'Dark mode' },
    ])
    const w = startWidget()
    const form = await openForm(w)
    for (const typed of ['C', 'CAF', 'CAFE EX', 'CAFE EXPO']) {
      fireEvent.input(form.title, { target: { value: typed } })
    }
    const similar = await w.ui().findByRole('region', { name: 'Is it one of these?' })
    expect(similar.textContent).toContain('Café menu export')
    expect(similar.textContent).not.toContain('Dark mode')
    const asked = w.server.calls.filter((call) => call.query.has('similar'))
    expect(asked.map((call) => call.query.get('similar'))).toEqual(['CAFE EXPO'])

    fireEvent.click(w.ui().getByRole('button', { name: 'Vote for Café menu export: 3' }))
    const voted = await w.ui().findByRole('button', { name: 'Vote for Café menu export: 4' })
    expect(voted.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() =>
      expect(w.server.writes()[0]?.path).toBe(
        `/v1/projects/${w.server.projectId}/requests/${cafe}/vote`,
      ),
    )
  })

  it('flags a title over the limit instead of cutting it, and will not send it', async () => {
    const w = startWidget()
    const form = await openForm(w)
    const long = 'x'.repeat(TITLE_MAX_LENGTH + 1)
    fireEvent.input(form.title, { target: { value: long } })
    const hint = await w.ui().findByText(`At most ${TITLE_MAX_LENGTH} characters. 161/160`)
    expect(hint.classList.contains('err')).toBe(true)
    expect(form.title.getAttribute('aria-describedby')).toBe(hint.id)
    expect((form.title as HTMLInputElement).value).toBe(long)
    expect(form.title.getAttribute('aria-invalid')).toBe('true')
    expect((form.send as HTMLButtonElement).disabled).toBe(true)
    // The similar-requests lookup would be refused with a 400: it is never sent.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(w.server.calls.filter((c) => c.query.has('similar'))).toEqual([])
  })

  it('has a heading and counts characters as they are typed', async () => {
    const w = startWidget()
    const form = await openForm(w)
    expect(w.ui().getByRole('heading', { name: 'Suggest a feature' })).toBeTruthy()
    fireEvent.input(form.title, { target: { value: 'Dark mode' } })
    expect(await w.ui().findByText('9/160')).toBeTruthy()
  })

  it('keeps the draft when the panel is closed and opened again', async () => {
    const w = startWidget()
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Half a thought' } })
    w.reqio.close()
    await waitFor(() => expect(w.ui().queryByRole('dialog')).toBeNull())
    w.reqio.open()
    expect(
      ((await w.ui().findByRole('textbox', { name: 'Title' })) as HTMLInputElement).value,
    ).toBe('Half a thought')
  })

  it('keeps the text in the form when the server refuses it', async () => {
    const w = startWidget()
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Refused idea' } })
    // The server refuses what the widget lets through (today both check the same limits): the
    // network hands over such a refusal.
    w.server.answerNext({
      status: 400,
      body: { error: { code: 'validation_failed', message: '' } },
    })
    fireEvent.click(form.send)
    expect(await w.ui().findByText('Please check your text.')).toBeTruthy()
    expect((w.ui().getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe(
      'Refused idea',
    )
    expect(JSON.parse(localStorage.getItem(`reqio:outbox:${w.server.projectId}`) ?? '[]')).toEqual(
      [],
    )
  })
})
