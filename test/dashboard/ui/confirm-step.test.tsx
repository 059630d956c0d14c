import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { useState } from 'preact/hooks'
import { afterEach, expect, it, vi } from 'vitest'
import { AskFirstButton } from '../../../src/dashboard/ui/ask-first-button'
import { ConfirmStep } from '../../../src/dashboard/ui/confirm-step'

afterEach(() => {
  document.body.innerHTML = ''
})

/** A button that opens a step below it, as the changelog's Publish and Delete do. */
function Asker({ tone, onConfirm }: { tone: 'primary' | 'danger'; onConfirm(): void }) {
  const [open, setOpen] = useState(false)
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Ask
      </button>
      {open ? (
        <ConfirmStep
          question="Publish “Spring”?"
          confirmLabel="Publish"
          tone={tone}
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        >
          <p>3 people will be emailed.</p>
        </ConfirmStep>
      ) : null}
    </div>
  )
}

it('names the step by its question, reads its consequence, and starts on the act when it can be undone', async () => {
  const onConfirm = vi.fn()
  render(<Asker tone="primary" onConfirm={onConfirm} />)
  const ask = screen.getByRole('button', { name: 'Ask' })
  ask.focus()
  fireEvent.click(ask)
  const step = await screen.findByRole('alertdialog', { name: 'Publish “Spring”?' })
  expect(step.getAttribute('aria-describedby')).toBeTruthy()
  expect(document.getElementById(step.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
    '3 people will be emailed.',
  )
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Publish'))
  fireEvent.click(screen.getByRole('button', { name: 'Publish' }))
  expect(onConfirm).toHaveBeenCalledTimes(1)
})

it('starts on Cancel for what cannot be undone, and Escape closes it with focus back on the asker', async () => {
  const onConfirm = vi.fn()
  render(<Asker tone="danger" onConfirm={onConfirm} />)
  const ask = screen.getByRole('button', { name: 'Ask' })
  ask.focus()
  fireEvent.click(ask)
  const step = await screen.findByRole('alertdialog')
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'))
  fireEvent.keyDown(step, { key: 'Escape' })
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
  expect(document.activeElement).toBe(ask)
  expect(onConfirm).not.toHaveBeenCalled()
})

it('says "Keep" as its safe answer where the page asks it to, as a group in place of a row’s buttons', async () => {
  const onCancel = vi.fn()
  render(
    <ConfirmStep
      role="group"
      question="Remove sam@example.com from the team?"
      confirmLabel="Remove"
      cancelLabel="Keep"
      tone="danger"
      onConfirm={() => {}}
      onCancel={onCancel}
    />,
  )
  const step = screen.getByRole('group', { name: 'Remove sam@example.com from the team?' })
  expect(step.hasAttribute('aria-describedby')).toBe(false)
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Keep'))
  fireEvent.click(screen.getByRole('button', { name: 'Keep' }))
  expect(onCancel).toHaveBeenCalledTimes(1)
})

it('acts only on the second press of a button that asks first, and hands focus back to it', async () => {
  const onConfirm = vi.fn()
  render(
    <AskFirstButton
      label="Delete"
      name="Delete https://example.com/hook"
      question="Delete the endpoint?"
      confirmLabel="Delete endpoint"
      danger
      onConfirm={onConfirm}
    />,
  )
  fireEvent.click(screen.getByRole('button', { name: 'Delete https://example.com/hook' }))
  expect(onConfirm).not.toHaveBeenCalled()
  const step = screen.getByRole('group', { name: 'Delete the endpoint?' })
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'))
  fireEvent.keyDown(step, { key: 'Escape' })
  const button = await screen.findByRole('button', { name: 'Delete https://example.com/hook' })
  await waitFor(() => expect(document.activeElement).toBe(button))
  fireEvent.click(button)
  fireEvent.click(screen.getByRole('button', { name: 'Delete endpoint' }))
  await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1))
  await waitFor(() =>
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Delete https://example.com/hook' }),
    ),
  )
})
