import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer } from '../../support/git-server'
import { startProviderApi } from '../../support/provider-api'
import { T } from './flavor-cases'
import { createGitSandbox, type GitSandbox } from './git-harness'

const credentials = [{ token: T.ghClassic, kind: 'classic_pat', username: 'octo' }] as const
const auth = { user: 'octo', pass: T.ghClassic }

let sb: GitSandbox
beforeAll(async () => {
  sb = await createGitSandbox()
})
afterAll(() => sb.dispose())

/** Whether a process runs: a killed one may linger as a zombie until it is reaped, which counts as gone. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('lifecycle', () => {
  it('listens on 127.0.0.1 only, and close() removes everything once', async () => {
    const s = await startGitServer({ flavor: 'github', credentials, repos: [{ name: 'acme/widgets' }] })
    expect(new URL(s.origin).hostname).toBe('127.0.0.1')
    await expect(fetch(`http://[::1]:${new URL(s.origin).port}/`)).rejects.toThrow()
    const root = dirname(dirname(s.repoDir('acme/widgets')))
    expect(existsSync(root)).toBe(true)
    await Promise.all([s.close(), s.close()])
    await s.closed
    expect(existsSync(root)).toBe(false)
    await expect(fetch(`${s.origin}/acme/widgets.git/info/refs`)).rejects.toThrow()
  })

  it('closes itself after the idle time, and each request pushes the deadline back', async () => {
    const s = await startGitServer({ flavor: 'gitea', credentials: [], repos: [], idleTimeoutMs: 150 })
    let closed = false
    void s.closed.then(() => (closed = true))
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 60))
      await fetch(`${s.origin}/x/y.git/info/refs`).then((r) => r.arrayBuffer())
    }
    expect(closed).toBe(false)
    await s.closed
    const api = await startProviderApi({ flavor: 'gitea', credentials: [], maxLifetimeMs: 50 })
    await api.closed
  })

  it('keeps no timer or listener that would hold the Node process open', async () => {
    const count = () =>
      process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'Timeout').length
    const before = count()
    const [s, api] = await Promise.all([
      startGitServer({ flavor: 'github', credentials, repos: [] }),
      startProviderApi({ flavor: 'github', credentials }),
    ])
    expect(count()).toBe(before)
    await Promise.all([s.close(), api.close()])
  })

  it('close() kills the backend and the hooks it started, by process group', async () => {
    const pidFile = join(sb.dir, 'hook.pid')
    const s = await startGitServer({
      flavor: 'github',
      credentials,
      repos: [
        { name: 'acme/slow', hooks: { 'pre-receive': `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 30\n` } },
      ],
    })
    await sb.git(['clone', '-q', s.url('acme/slow'), 'slow'], { auth })
    const push = sb.git(['push', 'origin', 'HEAD:refs/heads/next'], { auth, cwd: join(sb.dir, 'slow') })
    await waitFor(() => existsSync(pidFile))
    const pid = Number((await readFile(pidFile, 'utf8')).trim())
    await waitFor(() => alive(pid))
    await s.close()
    await waitFor(() => !alive(pid))
    const run = await push
    expect(run.code).not.toBe(0)
    expect(run.ms).toBeLessThan(10_000)
  })
})

describe('repositories built from a spec', () => {
  it('serves an empty repository, a public one, branches, files and .gitmodules', async () => {
    const s = await startGitServer({
      flavor: 'github',
      credentials,
      repos: [
        { name: 'acme/empty', empty: true },
        {
          name: 'acme/open',
          public: true,
          branches: ['trunk', 'feature/x'],
          commits: 5,
          files: { 'config.yml': 'a: 1\n' },
          gitmodules: '[submodule "evil"]\n\tpath = evil\n\turl = https://evil.example/x.git\n',
        },
      ],
    })
    const empty = await sb.git(['clone', s.url('acme/empty'), 'e'], { auth })
    expect(empty.stderr).toMatch(/^warning: You appear to have cloned an empty repository\.$/m)
    const open = await sb.git(['clone', '-q', s.url('acme/open'), 'o'])
    expect(open.code, open.stderr).toBe(0)
    const o = join(sb.dir, 'o')
    expect((await sb.git(['rev-list', '--count', 'HEAD'], { cwd: o })).stdout.trim()).toBe('5')
    expect((await sb.git(['symbolic-ref', '--short', 'HEAD'], { cwd: o })).stdout.trim()).toBe('trunk')
    expect((await sb.git(['branch', '-r'], { cwd: o })).stdout).toMatch(/origin\/feature\/x/)
    expect(await readFile(join(o, 'config.yml'), 'utf8')).toBe('a: 1\n')
    expect(await readFile(join(o, '.gitmodules'), 'utf8')).toContain('https://evil.example/x.git')
    expect(existsSync(join(o, 'evil', '.git'))).toBe(false)
    const anonymousPush = await sb.git(['push', 'origin', 'HEAD:refs/heads/y'], { cwd: o })
    expect(anonymousPush.stderr).toMatch(/could not read Username/)
    const branch = await sb.git(['clone', '-b', 'nope', s.url('acme/open'), 'n'])
    expect(branch.stderr).toMatch(/^fatal: Remote branch nope not found in upstream origin$/m)
    await s.close()
  })

  it('runs server-side hooks, so a provider refusal can come from pre-receive', async () => {
    const refusal = 'GitLab: You are not allowed to push code to protected branches on this project.'
    const s = await startGitServer({
      flavor: 'gitlab',
      credentials: [{ token: T.glPat, kind: 'pat', username: 'alice' }],
      repos: [
        { name: 'group/project', hooks: { 'pre-receive': `#!/bin/sh\necho '${refusal}' >&2\nexit 1\n` } },
      ],
    })
    const a = { user: 'alice', pass: T.glPat }
    const p = join(sb.dir, 'p')
    await sb.git(['clone', '-q', s.url('group/project'), 'p'], { auth: a })
    await sb.git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'x'], {
      cwd: p,
    })
    const run = await sb.git(['push', 'origin', 'HEAD:refs/heads/main'], { auth: a, cwd: p })
    await s.close()
    expect(run.stderr).toMatch(new RegExp(`^remote: ${refusal.replace(/\./g, '\\.')}\\s*$`, 'm'))
    expect(run.stderr).toMatch(/^ ! \[remote rejected\] HEAD -> main \(pre-receive hook declined\)$/m)
  })
})
