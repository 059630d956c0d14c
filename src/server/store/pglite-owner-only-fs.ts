import { chmodSync, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { NodeFS } from '@electric-sql/pglite/nodefs'

/** Group and other bits: nothing under REQIO_DATA_DIR is for anyone but its owner. */
const NOT_OWNER = 0o077

/** The two places of Emscripten's NODEFS (PGlite 0.5) where a mode reaches the disk. */
type NodeFsModule = {
  NODEFS: {
    doSetAttr: (arg: unknown, node: unknown, attr: { mode?: number }, ...rest: unknown[]) => void
    node_ops: { mknod: (parent: unknown, name: string, mode: number, dev: unknown) => unknown }
  }
}

/**
 * PGlite's files on disk, readable by their owner only. Emscripten's NODEFS creates a file and
 * then chmods it to the mode asked for inside the WASM (0666 for everything PGlite writes from
 * JavaScript, such as the initial data directory), and chmod ignores the process umask: the
 * umask alone left ~1,000 files 0666. Every chmod it makes is masked to the owner's bits here.
 */
export class OwnerOnlyNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts)
    const ownerOnly = ({ NODEFS }: NodeFsModule) => {
      const setAttr = NODEFS.doSetAttr.bind(NODEFS)
      NODEFS.doSetAttr = (arg, node, attr, ...rest) =>
        setAttr(
          arg,
          node,
          attr.mode === undefined ? attr : { ...attr, mode: attr.mode & ~NOT_OWNER },
          ...rest,
        )
      // New files and folders too, whatever the umask of the process that opens the database.
      const mknod = NODEFS.node_ops.mknod
      NODEFS.node_ops.mknod = (parent, name, mode, dev) =>
        mknod(parent, name, mode & ~NOT_OWNER, dev)
    }
    const preRun = result.emscriptenOpts.preRun ?? []
    result.emscriptenOpts.preRun = [
      ownerOnly as never,
      ...(Array.isArray(preRun) ? preRun : [preRun]),
    ]
    return result
  }
}

/**
 * Takes group and other bits off every file and folder under `dir` (symlinks are left alone):
 * a data directory written before the mask above, or by hand, ends up owner-only at the start.
 * Answers how many entries changed.
 */
export function tightenToOwner(dir: string): number {
  let changed = 0
  const visit = (path: string) => {
    const info = lstatSync(path)
    if (info.isSymbolicLink()) return
    if ((info.mode & NOT_OWNER) !== 0) {
      chmodSync(path, info.mode & 0o7777 & ~NOT_OWNER)
      changed += 1
    }
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(dir)
  return changed
}
