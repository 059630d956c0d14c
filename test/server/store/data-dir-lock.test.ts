/**
 * The embedded database's lock on its own (src/server/store/data-dir-lock.ts): racing
 * processes, a second open in one process, and locks written from another pid namespace
 * (another container on a shared volume), judged by their heartbeat.
 */
import { type ChildProcess, spawn } from 'node:child_process'
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

/** Resolves with the first line of `child`'s output that matches, rejects if it exits first. */
function lineOf(child: ChildProcess, exited: Promise<number | null>, pattern: RegExp) {
  return new Promise<string>((done, fail) => {
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      const line = pattern.exec(output)
      if (line) done(line[0])
    }
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    void exited.then((code) => fail(new Error(`exited ${code}: ${output}`)))
  })
}

/**
 * Starts one contender per lock attempt and answers each one's line (`won <pid>` or
 * `refused <message>`) once all have answered; only then does the winner let go of the lock.
 * Every contender is loaded (it said `ready`) before it is told the moment to try, a little
 * ahead, so that they all try at once however long each took to load.
 */
async function raceContenders(lockPath: string, count: number): Promise<string[]> {
  const contenders = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, lockPath], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)))
    return { child, exited }
  })
  try {
    await Promise.all(contenders.map(({ child, exited }) => lineOf(child, exited, /^ready$/m)))
    const answers = contenders.map(({ child, exited }) =>
      lineOf(child, exited, /^(won|refused) .*$/m),
    )
    const startAt = Date.now() + 300
    for (const { child } of contenders) child.stdin.write(`${startAt}\n`)
    return await Promise.all(answers)
  } finally {
    for (const { child } of contenders) child.stdin.end()
    await Promise.all(contenders.map(({ exited }) => exited))
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
