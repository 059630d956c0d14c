/**
 * The events moved to server/events/events.ts; this name stays for the tests and benchmarks
 * that queue events directly (mail, updates, the vote loop).
 */
export { enqueueEvent, type ReqioEvent } from '../events/events'
