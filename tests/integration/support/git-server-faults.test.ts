import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from '../../support/git-server'
import { T } from './flavor-cases'
import { createGitSandbox, type GitSandbox } from './git-harness'

const auth = { user: 'octo', pass: T.ghClassic }
const LOW_SPEED = ['-c', 'http.lowSpeedLimit=1000', '-c', 'http.lowSpeedTime=1']

describe('faults, as real git meets them', () => {
  let server: GitServer
  let sb: GitSandbox
  let n = 0
  const clone = (extra: string[] = []) =>
    sb.git([...extra, 'clone', '-q', server.url('acme/widgets'), `c${n++}`], { auth })
  const lsRemote = (extra: string[] = []) =>
    sb.git([...extra, 'ls-remote', server.url('acme/widgets')], { auth })

  beforeAll(async () => {
    ;[server, sb] = await Promise.all([
      startGitServer({
        flavor: 'github',
        credentials: [{ token: T.ghClassic, kind: 'classic_pat', username: 'octo' }],
        repos: [{ name: 'acme/widgets', commits: 40 }],
      }),
      createGitSandbox(),
    ])
  })
  beforeEach(() => server.setFaults([]))
  afterAll(() => Promise.all([server.close(), sb.dispose()]))

  it('hang: git gives up through http.lowSpeedLimit/Time', async () => {
    server.setFaults([{ kind: 'hang' }])
    const run = await lsRemote(LOW_SPEED)
    expect(run.code).toBe(128)
    expect(run.stderr).toMatch(
      /: Operation too slow\. Less than 1000 bytes\/sec transferred the last 1 seconds$/m,
    )
    expect(run.ms).toBeLessThan(5_000)
    expect(server.requests.at(-1)).toMatchObject({ outcome: 'hang', status: 0 })
  })

  it('hang: a kill timer ends git, and the server still answers the next request', async () => {
    server.setFaults([{ kind: 'hang', times: 1 }])
    const hung = await sb.git(['ls-remote', server.url('acme/widgets')], { auth, timeoutMs: 250 })
    expect(hung.signal).toBe('SIGKILL')
    expect((await lsRemote()).code).toBe(0)
  })

  it('latencyMs: every request is answered that much later (a simulated round trip)', async () => {
    server.setLatency(150)
    try {
      const before = server.requests.length
      const run = await lsRemote()
      const requests = server.requests.length - before
      expect(run.code, run.stderr).toBe(0)
      // ls-remote with a credential: the anonymous 401, info/refs, then ls-refs.
      expect(requests).toBeGreaterThanOrEqual(3)
      expect(run.ms).toBeGreaterThanOrEqual(150 * requests)
    } finally {
      server.setLatency(0)
    }
  })

  it('slowDrip: a pack sent a few bytes at a time trips the low-speed limit', async () => {
    server.setFaults([{ kind: 'slowDrip', bytes: 8, everyMs: 200, method: 'POST' }])
    const run = await clone(['-c', 'http.lowSpeedLimit=100000', '-c', 'http.lowSpeedTime=1'])
    expect(run.code).toBe(128)
    expect(run.stderr).toMatch(/^error: RPC failed; curl 28 Operation too slow\./m)
  })

  it('slowDrip: without a limit the clone arrives intact, just late', async () => {
    server.setFaults([{ kind: 'slowDrip', bytes: 256, everyMs: 2 }])
    const run = await clone()
    expect(run.code, run.stderr).toBe(0)
    const count = await sb.git(['rev-list', '--count', 'HEAD'], { cwd: `${sb.dir}/c${n - 1}` })
    expect(count.stdout.trim()).toBe('40')
    expect(server.requests.filter((r) => r.outcome === 'slowDrip').length).toBeGreaterThan(1)
  })

  it('status500: git shows the body and the status', async () => {
    server.setFaults([{ kind: 'status500' }])
    const run = await lsRemote()
    expect(run.stderr).toMatch(
      /^remote: Internal Server Error\nfatal: unable to access '.+': The requested URL returned error: 500$/m,
    )
  })

  it('truncate: a pack cut half way ends in "early EOF"', async () => {
    server.setFaults([{ kind: 'truncate' }])
    const run = await clone()
    expect(run.code).toBe(128)
    expect(run.stderr).toMatch(/^fetch-pack: unexpected disconnect while reading sideband packet$/m)
    expect(run.stderr).toMatch(/^fatal: early EOF$/m)
    expect(server.requests.filter((r) => r.outcome === 'truncate')).toHaveLength(1)
  })

  it('reset: a socket destroyed mid-pack is a curl 56', async () => {
    server.setFaults([{ kind: 'reset' }])
    const run = await clone()
    expect(run.code).toBe(128)
    expect(run.stderr).toMatch(/^error: RPC failed; curl 56 Recv failure: Connection reset by peer$/m)
  })

  it('hugeStderr: every line of a long error body reaches stderr as remote:', async () => {
    server.setFaults([{ kind: 'hugeStderr', lines: 5000 }])
    const run = await lsRemote()
    expect(run.stderr.match(/^remote: noise \d{6}: /gm)).toHaveLength(5000)
    expect(run.stderr.length).toBeGreaterThan(500_000)
    expect(run.stderr).toMatch(/The requested URL returned error: 403\n$/)
  })

  it('narrows a fault by path and limits it with times', async () => {
    server.setFaults([{ kind: 'status500', path: '/info/refs', times: 1 }])
    expect((await lsRemote()).code).toBe(128)
    expect((await lsRemote()).code).toBe(0)
  })
})
