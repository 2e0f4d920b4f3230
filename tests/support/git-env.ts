import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** HOME folders {@link isolatedGitEnv} made itself: removed when the test file or the process ends. */
const ownHomes: string[] = []

function removeOwnHomes(): void {
  for (const dir of ownHomes.splice(0)) rmSync(dir, { recursive: true, force: true })
}

// Vitest ends its workers with SIGTERM, which runs no 'exit' handler: there each test file that
// imports this module removes its homes when it ends. Elsewhere (Playwright, scripts), at exit.
if (process.env.VITEST) {
  const { afterAll } = await import('vitest')
  afterAll(removeOwnHomes)
} else process.once('exit', removeOwnHomes)

/** A fresh HOME that is removed with the test file or the process (the caller gave none). */
function ownHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitkeys-home-'))
  ownHomes.push(dir)
  return dir
}

/**
 * An isolated environment for raw git in tests: its own HOME, no system config, no prompts. Without
 * `home`, a temp folder is made and removed when the test file (or process) ends; a given `home` is
 * the caller's to remove.
 */
export function isolatedGitEnv(home = ownHome()): NodeJS.ProcessEnv {
  writeFileSync(
    join(home, '.gitconfig'),
    '[user]\n\tname = Test\n\temail = test@example.test\n[init]\n\tdefaultBranch = main\n',
  )
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  }
}

/** Runs git and resolves with its exit code and output (never rejects). */
export function git(
  args: readonly string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      { env: opts.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
    if (opts.input !== undefined) child.stdin?.end(opts.input)
  })
}
