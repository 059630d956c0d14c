/** What a portal write answered: the JSON body, or why there is none. Never throws. */
export interface WriteResult<T> {
  ok: boolean
  status: number
  data: T | null
  /** The server's message on refusal, when it sent one. */
  message: string | null
}

interface ErrorBody {
  error?: { message?: string }
}

/**
 * A same-origin JSON write to one of the portal's routes (they answer like the public API).
 * The browser sends the portal's cookies and Origin by itself; status 0 means it never arrived.
 */
export async function portalWrite<T>(
  url: string,
  method: 'POST' | 'DELETE',
  body?: unknown,
  idempotencyKey?: string,
): Promise<WriteResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
  try {
    const res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
    const json = (await res.json().catch(() => null)) as (T & ErrorBody) | null
    return {
      ok: res.ok,
      status: res.status,
      data: res.ok ? json : null,
      message: json?.error?.message ?? null,
    }
  } catch {
    return { ok: false, status: 0, data: null, message: null }
  }
}

/** A page of this portal as a document, to take fresh server-rendered parts from; null on failure. */
export async function portalPage(url: string, signal?: AbortSignal): Promise<Document | null> {
  try {
    const res = await fetch(url, { headers: { Accept: 'text/html' }, signal })
    if (!res.ok) return null
    return new DOMParser().parseFromString(await res.text(), 'text/html')
  } catch {
    return null
  }
}

/** One key per attempt to send a form, kept across retries so a retry never files twice. */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}
