import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { type Harness, REPO_ROOT } from './harnesses'

/**
 * Writes the harness into a fresh scratch dir and runs it; resolves with the token it printed.
 * Rejects with the reason (missing interpreter, library error, non-token output) so a
 * language that cannot run fails its test loudly instead of being skipped.
 */
export async function runHarness(
  harness: Harness,
  secret: string,
  timeoutMs = 120_000,
): Promise<string> {
  const token = await runHarnessLine(harness, secret, timeoutMs)
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    throw new Error(`${harness.command} printed no JWT: ${JSON.stringify(token)}`)
  }
  return token
}

/** Runs the harness like runHarness; resolves with the last line it printed, whatever it is. */
export async function runHarnessLine(
  harness: Harness,
  secret: string,
  timeoutMs = 120_000,
): Promise<string> {
  if (!existsSync(harness.command)) {
    throw new Error(`${harness.command} is not installed (see .ci/run for the Debian packages)`)
  }
  const dir = await mkdtemp(join(tmpdir(), 'reqio-snippet-'))
  try {
    return await runIn(dir, harness, secret, timeoutMs)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function runIn(
  dir: string,
  harness: Harness,
  secret: string,
  timeoutMs: number,
): Promise<string> {
  // ES modules ignore NODE_PATH, so the scratch project sees the repo's jose through a link.
  await symlink(resolve(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  for (const [path, content] of Object.entries(harness.files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
  const output = await new Promise<string>((resolvePromise, reject) => {
    execFile(
      harness.command,
      harness.args,
      {
        cwd: dir,
        timeout: timeoutMs,
        env: { ...process.env, ...harness.env, REQIO_SECRET: secret },
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `${harness.command} ${harness.args.join(' ')} failed: ${error.message}\n${stderr}`,
            ),
          )
        } else {
          resolvePromise(stdout)
        }
      },
    )
  })
  return output.trim().split('\n').pop() ?? ''
}
