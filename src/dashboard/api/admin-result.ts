/** What every admin call resolves to: the answer, or the error the server (or the network) gave. */
export type AdminResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string }
