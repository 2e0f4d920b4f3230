import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The built CLI (`npm run build` produces it before the integration layer runs). */
export const GITKEYS_JS = join(process.cwd(), 'out', 'cli', 'gitkeys.js')

/** True when the CLI has been built; the tests say so plainly when it has not. */
export const cliBuilt = (): boolean => existsSync(GITKEYS_JS)

/** What one run of the built CLI printed and returned. */
export type BuiltRun = { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/**
 * Runs `node out/cli/gitkeys.js …` as a separate process with exactly the given environment (no
 * inheritance beyond it), stdin, and working directory.
 */
export function gitkeys(
  argv: readonly string[],
  opts: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<BuiltRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GITKEYS_JS, ...argv], {
      cwd: opts.cwd ?? process.cwd(),
      env: opts.env ?? { PATH: process.env.PATH },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(opts.stdin ?? '')
  })
}

/** A usage error of the built CLI: exit 2, nothing on stdout, one line on stderr. */
export const oneLineUsageError = (r: BuiltRun): boolean =>
  r.code === 2 && r.stdout === '' && r.stderr.trimEnd().split('\n').length === 1
