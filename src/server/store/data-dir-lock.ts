import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { readFile, stat, utimes } from 'node:fs/promises'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { currentProcessIdentity, holderState, type ProcessIdentity } from './process-identity'

/**
 * The embedded database has one writer: two processes on one data dir would each keep their
 * own view of the files and lose each other's writes. The first process creates a lock file
 * (O_EXCL, so of two racing processes exactly one succeeds) naming itself; any later one
 * exits with the holder's pid. A lock whose holder is gone (kill -9, a crash, a power cut) is
 * taken over: at once when the holder lived in this pid namespace and its pid no longer names
 * it, else once the holder's heartbeat (the file's mtime, touched every second) has stood
 * still for STALE_AFTER_MS.
 */

const HEARTBEAT_MS = 1_000
/** No heartbeat for this long, watched from here: the holder in another namespace is gone. */
export const STALE_AFTER_MS = 5_000
const RETRY_MS = 100
/** A takeover guard older than this was left by a process that died taking over. */
const GUARD_STALE_MS = 10_000
/** Gives up rather than loop forever on a lock file that keeps changing under us. */
const GIVE_UP_AFTER_MS = 15_000

interface LockRecord extends ProcessIdentity {
  host: string
  since: string
  token: string
}

export interface DataDirLock {
  readonly path: string
  /** Removes the lock file if it is still ours. */
  release(): void
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: Pick<LockRecord, 'pid' | 'host' | 'since'>,
  ) {
    super(
      `the embedded database is in use by another Reqio process (pid ${holder.pid} on ` +
        `${holder.host}, since ${holder.since}; lock file ${lockPath}). It allows one process ` +
        'at a time: stop that one first, or use PostgreSQL (DATABASE_URL) to run several.',
    )
    this.name = 'DataDirLockedError'
  }
}

/**
 * Locks this process holds or is taking. A lock file naming this very pid is otherwise judged
 * left over from an earlier process with the same pid, so a second open in one process must be
 * refused here, before the file is looked at.
 */
const heldHere = new Set<string>()

export async function lockDataDir(
  lockPath: string,
  options: {
    /** The lock was taken away (deleted, or taken over by a process that judged us gone). */
    onLost: (reason: string) => void
  },
): Promise<DataDirLock> {
  const record: LockRecord = {
    ...currentProcessIdentity(),
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  }
  const key = resolve(lockPath)
  if (heldHere.has(key)) throw new DataDirLockedError(lockPath, record)
  heldHere.add(key)
  try {
    await acquire(lockPath, record)
  } catch (error) {
    heldHere.delete(key)
    throw error
  }
  const releaseOnExit = () => releaseIfOurs(lockPath, record.token)
  process.on('exit', releaseOnExit)
  let lost = false
  const heartbeat = setInterval(() => {
    void beat(lockPath, record).then((problem) => {
      if (!problem || lost) return
      lost = true
      heldHere.delete(key)
      clearInterval(heartbeat)
      process.off('exit', releaseOnExit)
      options.onLost(problem)
    })
  }, HEARTBEAT_MS)
  heartbeat.unref()
  return {
    path: lockPath,
    release() {
      clearInterval(heartbeat)
      process.off('exit', releaseOnExit)
      if (!lost) releaseIfOurs(lockPath, record.token)
      heldHere.delete(key)
    },
  }
}

async function acquire(lockPath: string, record: LockRecord): Promise<void> {
  const giveUpAt = Date.now() + GIVE_UP_AFTER_MS
  let unreadableSince: number | null = null
  while (Date.now() < giveUpAt) {
    if (createExclusive(lockPath, record)) return
    const holder = readRecord(lockPath)
    if (holder === 'missing') continue
    if (holder === 'unreadable') {
      // Created a moment ago and not written yet, or left half-written by a crash.
      unreadableSince ??= Date.now()
      if (Date.now() - unreadableSince < STALE_AFTER_MS) {
        await sleep(RETRY_MS)
        continue
      }
    } else {
      const state = holderState(holder)
      if (state === 'alive') throw new DataDirLockedError(lockPath, holder)
      if (state === 'unknown' && (await heartbeatMoves(lockPath)))
        throw new DataDirLockedError(lockPath, holder)
    }
    await takeOver(lockPath, holder === 'unreadable' ? null : holder.token)
    unreadableSince = null
  }
  throw new Error(`could not take the lock ${lockPath}: it kept changing for 15 s`)
}

/** O_EXCL: exactly one of any number of racing processes creates the file. */
function createExclusive(lockPath: string, record: LockRecord): boolean {
  let fd: number
  try {
    fd = openSync(lockPath, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, `${JSON.stringify(record)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return true
}

function readRecord(lockPath: string): LockRecord | 'missing' | 'unreadable' {
  let text: string
  try {
    text = readFileSync(lockPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = JSON.parse(text) as LockRecord
    return typeof parsed.pid === 'number' && typeof parsed.token === 'string'
      ? parsed
      : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

/** Watches the holder's heartbeat for STALE_AFTER_MS: true as soon as it moves. */
async function heartbeatMoves(lockPath: string): Promise<boolean> {
  const first = await mtimeOf(lockPath)
  if (first === null) return false
  const until = Date.now() + STALE_AFTER_MS
  while (Date.now() < until) {
    await sleep(RETRY_MS * 2)
    const now = await mtimeOf(lockPath)
    if (now !== first) return true
  }
  return false
}

/**
 * Removes a stale lock so that the next exclusive create can win it. Two processes may judge
 * the same lock stale at once: a guard file (O_EXCL again) lets one of them at a time check
 * that the lock is still the one judged stale and remove it; the other finds the new lock.
 */
async function takeOver(lockPath: string, staleToken: string | null): Promise<void> {
  const guard = `${lockPath}.takeover`
  let fd: number
  try {
    fd = openSync(guard, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const age = Date.now() - ((await mtimeOf(guard)) ?? Date.now())
    if (age > GUARD_STALE_MS) unlinkQuietly(guard)
    await sleep(RETRY_MS)
    return
  }
  closeSync(fd)
  try {
    const current = readRecord(lockPath)
    const stillStale =
      current === 'unreadable'
        ? staleToken === null
        : current !== 'missing' && current.token === staleToken
    if (stillStale) unlinkQuietly(lockPath)
  } finally {
    unlinkQuietly(guard)
  }
}

/** Touches the lock; answers why it is no longer ours, or null. */
async function beat(lockPath: string, record: LockRecord): Promise<string | null> {
  try {
    const text = await readFile(lockPath, 'utf8')
    const { token } = JSON.parse(text) as { token?: string }
    if (token !== record.token) return 'another process took the lock over'
    const now = new Date()
    await utimes(lockPath, now, now)
    return null
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // Deleted by hand: take it again, unless someone else already has.
      return createExclusive(lockPath, record) ? null : 'the lock file was replaced'
    }
    // A read that failed for another reason says nothing about who holds it.
    return null
  }
}

function releaseIfOurs(lockPath: string, token: string): void {
  const current = readRecord(lockPath)
  if (current !== 'missing' && current !== 'unreadable' && current.token === token)
    unlinkQuietly(lockPath)
}

async function mtimeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return null
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
