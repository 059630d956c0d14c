import { act, renderHook, waitFor } from '@testing-library/preact'
import { expect, it } from 'vitest'
import { type LoadResult, useLoad } from '../../../src/dashboard/ui/use-load'

/** A load whose answer the test gives when it chooses, to put answers out of order. */
function deferred<T>() {
  let answer: (result: LoadResult<T>) => void = () => {}
  const promise = new Promise<LoadResult<T>>((resolve) => {
    answer = resolve
  })
  return { promise, answer }
}

it('shows only the latest answer when an earlier one arrives after it', async () => {
  const slow = deferred<string>()
  const fast = deferred<string>()
  const loads = [slow, fast]
  let calls = 0
  const { result } = renderHook(() =>
    useLoad(() => (loads[calls++] ?? fast).promise, [], {
      failure: 'The list could not be loaded',
    }),
  )
  // A reload (a poll, a filter typed) overtakes the first load.
  act(() => {
    void result.current.reload()
  })
  await act(async () => fast.answer({ ok: true, data: 'latest' }))
  await waitFor(() => expect(result.current.data).toBe('latest'))
  await act(async () => slow.answer({ ok: true, data: 'stale' }))
  expect(result.current.data).toBe('latest')
})

it('names what failed, keeps the last data on screen, and clears the error once a load succeeds', async () => {
  const answers: LoadResult<number>[] = [
    { ok: true, data: 1 },
    { ok: false, message: 'the server is not answering' },
    { ok: true, data: 3 },
  ]
  let calls = 0
  const { result } = renderHook(() =>
    useLoad(async () => answers[calls++] ?? { ok: true, data: 0 }, [], {
      failure: 'The install check failed',
    }),
  )
  await waitFor(() => expect(result.current.data).toBe(1))
  await act(() => result.current.reload())
  expect(result.current.error).toBe('The install check failed: the server is not answering')
  expect(result.current.data).toBe(1)
  await act(() => result.current.reload())
  expect(result.current.error).toBeNull()
  expect(result.current.data).toBe(3)
})

it('loads again when what it depends on changes', async () => {
  const seen: string[] = []
  const { result, rerender } = renderHook(
    ({ id }: { id: string }) =>
      useLoad(
        async () => {
          seen.push(id)
          return { ok: true, data: `project ${id}` }
        },
        [id],
        { failure: 'The project could not be loaded' },
      ),
    { initialProps: { id: 'a' } },
  )
  await waitFor(() => expect(result.current.data).toBe('project a'))
  rerender({ id: 'b' })
  await waitFor(() => expect(result.current.data).toBe('project b'))
  expect(seen).toEqual(['a', 'b'])
})
