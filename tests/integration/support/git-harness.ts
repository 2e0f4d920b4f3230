import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What a git run left behind. */
export type GitRun = {
  code: number | null
  signal: string | null
  stdout: string
  stderr: string
  ms: number
}

/**
 * A credential helper that answers `get` with $GK_USER/$GK_PASS, and only for host $GK_ONLY_HOST
 * when that is set (the way GitKeys' broker checks the host). Test code only: the secret travels in
 * this process's environment, never in argv.
 */
const HELPER =
  '!f(){ test "$1" = get || exit 0; h=; while IFS= read -r l && [ -n "$l" ]; do case "$l" in host=*) h="${l#host=}";; esac; done; ' +
  'if [ -z "$GK_ONLY_HOST" ] || [ "$h" = "$GK_ONLY_HOST" ]; then printf "username=%s\\npassword=%s\\n" "$GK_USER" "$GK_PASS"; fi; }; f'

/** How a test hands git its credential. */
export type GitAuth =
  | { readonly user: string; readonly pass: string; readonly onlyHost?: string }
  | { readonly header: string }
  | null

/** A throwaway HOME plus a git runner isolated from every system and user config. */
export type GitSandbox = {
  readonly dir: string
  git(args: readonly string[], opts?: { auth?: GitAuth; cwd?: string; timeoutMs?: number }): Promise<GitRun>
  dispose(): Promise<void>
}

/** Creates a sandbox: HOME in a temp dir, GIT_CONFIG_NOSYSTEM=1, GIT_TERMINAL_PROMPT=0, C locale. */
export async function createGitSandbox(): Promise<GitSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'gitkeys-git-client-'))
  return {
    dir,
    git(args, opts = {}) {
      const auth = opts.auth ?? null
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_TERMINAL_PROMPT: '0',
        LANG: 'C',
        LC_ALL: 'C',
      }
      const pre: string[] = [
        '-c',
        'credential.helper=',
        '-c',
        'init.defaultBranch=main',
        '-c',
        'protocol.version=2',
      ]
      if (auth && 'user' in auth) {
        pre.push('-c', `credential.helper=${HELPER}`)
        env.GK_USER = auth.user
        env.GK_PASS = auth.pass
        if (auth.onlyHost) env.GK_ONLY_HOST = auth.onlyHost
      } else if (auth) {
        env.GIT_CONFIG_COUNT = '1'
        env.GIT_CONFIG_KEY_0 = 'http.extraHeader'
        env.GIT_CONFIG_VALUE_0 = auth.header
      }
      const started = performance.now()
      return new Promise((resolve) => {
        execFile(
          'git',
          [...pre, ...args],
          {
            cwd: opts.cwd ?? dir,
            env,
            timeout: opts.timeoutMs ?? 20_000,
            killSignal: 'SIGKILL',
            maxBuffer: 64 * 1024 * 1024,
          },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : null) : 0
            resolve({ code, signal: error?.signal ?? null, stdout, stderr, ms: performance.now() - started })
          },
        )
      })
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Basic credentials as an `http.extraHeader` value. */
export const basicHeader = (user: string, pass: string) =>
  `Authorization: Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`

/** The `host[:port]` git puts in a credential request for an origin. */
export const hostOf = (origin: string) => new URL(origin).host
