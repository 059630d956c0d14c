import { readFileSync, readlinkSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * Telling whether the process that wrote a lock file still runs. A pid alone is not enough:
 * after a crash the same pid may belong to another process (in a container, Reqio is pid 1 on
 * every start), and a pid means nothing in another pid namespace (another container on the
 * same volume, another host on a network disk). So a lock records where its pid lives (boot
 * id and pid namespace) and when that process started; only a lock from this same namespace
 * can be judged by its pid.
 */
export interface ProcessIdentity {
  pid: number
  /** Boot id and pid namespace on Linux; the host name elsewhere. */
  namespace: string
  /** Start time in clock ticks since boot (Linux), null where unknown. */
  startTicks: number | null
}

export function currentProcessIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    namespace: pidNamespace(),
    startTicks: processStartTicks(process.pid) ?? null,
  }
}

/** 'alive', 'gone', or 'unknown' when the holder lives where its pid cannot be looked up. */
export function holderState(holder: ProcessIdentity): 'alive' | 'gone' | 'unknown' {
  if (holder.namespace !== pidNamespace()) return 'unknown'
  // A lock naming this very process was left by an earlier one that had the same pid.
  if (holder.pid === process.pid) return 'gone'
  const ticks = processStartTicks(holder.pid)
  if (ticks === undefined) return signalReaches(holder.pid) ? 'alive' : 'gone'
  if (ticks === null) return 'gone'
  // Same pid, another start time: the pid was reused.
  return holder.startTicks === null || holder.startTicks === ticks ? 'alive' : 'gone'
}

let cachedNamespace: string | undefined

function pidNamespace(): string {
  if (cachedNamespace) return cachedNamespace
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    cachedNamespace = `${boot}/${readlinkSync('/proc/self/ns/pid')}`
  } catch {
    cachedNamespace = `host:${hostname()}`
  }
  return cachedNamespace
}

/**
 * From /proc/<pid>/stat: the start time, null when no such process runs (or only its zombie
 * is left), undefined when /proc cannot tell (not Linux).
 */
function processStartTicks(pid: number): number | null | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return pidNamespace().startsWith('host:') ? undefined : null
    }
    return undefined
  }
  // The command name (field 2) is in parentheses and may hold spaces: count after its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const state = fields[0]
  if (state === 'Z' || state === 'X') return null
  const ticks = Number(fields[19])
  return Number.isFinite(ticks) ? ticks : undefined
}

function signalReaches(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
