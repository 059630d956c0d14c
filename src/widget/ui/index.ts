import type { CreateUi } from '../types'

/** Placeholder until the Preact board lands (issue: widget UI). */
export const createUi: CreateUi = () => ({
  open() {},
  close() {},
  destroy() {},
})
