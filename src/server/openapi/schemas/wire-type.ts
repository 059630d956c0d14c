import type * as v from 'valibot'

/**
 * Compile-time only: `true` when what a response schema describes and the wire type the route
 * answers with (src/shared/api) are assignable both ways, so the document cannot drift from the
 * types the server and its clients compile against. Use as
 * `type _ = Assert<DescribesWire<typeof FeedbackRequestSchema, FeedbackRequest>>`.
 */
export type DescribesWire<S extends v.GenericSchema, Wire> = SameShape<v.InferOutput<S>, Wire>

/** Assignable both ways. */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

export type Assert<T extends true> = T
