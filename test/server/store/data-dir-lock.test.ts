/**
 * The embedded database's lock on its own (src/server/store/data-dir-lock.ts): racing
 * processes, a second open in one process, and locks written from another pid namespace
 * (another container on a shared volume), judged by their heartbeat.
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type DataDirLock,
  DataDirLockedError,
  lockDataDir,
} from '../../../src/server/store/data-dir-lock'

const REPO_ROOT = resolve(import.meta.dirname, '../../..')
const CONTENDER = join(import.meta.dirname, 'fixtures/hold-data-dir-lock.ts')

const dirs: string[] = []
const locks: DataDirLock[] = []
afterEach(() => {
  for (const lock of locks.splice(0)) lock.release()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function freshLockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reqio-lock-'))
  dirs.push(dir)
  return join(dir, 'pglite.lock')
}
const noLoss = { onLost: (reason: string) => expect.fail(`lock lost: ${reason}`) }

/** A lock as a process in another container (another pid namespace) would have left it. */
function writeForeignLock(lockPath: string, pid: number) {
  writeFileSync(
    lockPath,
    JSON.stringify({
      pid,
      namespace: 'another-boot/pid:[4026531999]',
      startTicks: 123,
      host: 'other-container',
      since: new Date().toISOString(),
      token: 'foreign',
    }),
  )
}

/**
 * Starts one contender per lock attempt and answers each one's line (`won <pid>` or
 * `refused <message>`) once all have answered; only then does the winner let go of the lock.
 */
async function raceContenders(lockPath: string, count: number): Promise<string[]> {
  // Far enough ahead for every contender to have loaded by then.
  const startAt = Date.now() + 8_000
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', CONTENDER, lockPath, String(startAt)], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  )
  const exits = children.map(
    (child) => new Promise<number | null>((done) => child.once('close', (code) => done(code))),
  )
  try {
    return await Promise.all(
      children.map(
        (child, index) =>
          new Promise<string>((done, fail) => {
            let output = ''
            const collect = (chunk: Buffer) => {
              output += chunk.toString()
              const answer = /^(won|refused) .*$/m.exec(output)
              if (answer) done(answer[0])
            }
            child.stdout.on('data', collect)
            child.stderr.on('data', collect)
            void exits[index]?.then((code) => fail(new Error(`exited ${code}: ${output}`)))
          }),
      ),
    )
  } finally {
    for (const child of children) child.stdin.end()
    await Promise.all(exits)
  }
}

describe('the embedded data dir lock', () => {
  it('lets exactly one of several processes racing for a fresh lock win, and names the winner to the rest', async () => {
    const lockPath = freshLockPath()
    const outcomes = await raceContenders(lockPath, 4)
    const winners = outcomes.filter((line) => line.startsWith('won '))
    expect(winners).toHaveLength(1)
    const winnerPid = (winners[0] as string).slice(4)
    for (const line of outcomes.filter((line) => !line.startsWith('won ')))
      expect(line).toContain(
        `refused the embedded database is in use by another Reqio process (pid ${winnerPid} `,
      )
    expect(existsSync(lockPath)).toBe(false)
  }, 60_000)

  it('lets exactly one of several processes racing to take over a stale lock win', async () => {
    const lockPath = freshLockPath()
    // Left by a killed process of this namespace: a pid that runs no more.
    const mine = await lockDataDir(lockPath, noLoss)
    const record = JSON.parse(readFileSync(lockPath, 'utf8'))
    mine.release()
    writeFileSync(lockPath, JSON.stringify({ ...record, pid: 2 ** 22 + 7, token: 'killed' }))

    const outcomes = await raceContenders(lockPath, 4)
    expect(outcomes.filter((line) => line.startsWith('won '))).toHaveLength(1)
    expect(outcomes.filter((line) => line.startsWith('refused '))).toHaveLength(3)
  }, 60_000)

  it('refuses a second open of the same data dir in one process', async () => {
    const lockPath = freshLockPath()
    locks.push(await lockDataDir(lockPath, noLoss))
    await expect(lockDataDir(lockPath, noLoss)).rejects.toBeInstanceOf(DataDirLockedError)
  })

  it('refuses a lock from another pid namespace while its heartbeat moves', async () => {
    const lockPath = freshLockPath()
    writeForeignLock(lockPath, 1)
    const beating = setInterval(() => {
      const now = new Date()
      utimesSync(lockPath, now, now)
    }, 300)
    try {
      await expect(lockDataDir(lockPath, noLoss)).rejects.toThrow(/pid 1 on other-container/)
    } finally {
      clearInterval(beating)
    }
  }, 15_000)

  it('takes over a lock from another pid namespace whose heartbeat stood still, and keeps its own beating', async () => {
    const lockPath = freshLockPath()
    writeForeignLock(lockPath, 1)
    const lock = await lockDataDir(lockPath, noLoss)
    locks.push(lock)
    const ours = JSON.parse(readFileSync(lockPath, 'utf8'))
    expect(ours.pid).toBe(process.pid)
    const before = statSync(lockPath).mtimeMs
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(statSync(lockPath).mtimeMs).toBeGreaterThan(before)
  }, 20_000)
})
