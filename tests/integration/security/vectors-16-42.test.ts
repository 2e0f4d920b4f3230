import { execFileSync } from 'node:child_process'
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCredentialBroker } from '../../../electron/services/git/credential-broker'
import { createGitRunner } from '../../../electron/services/git/git-runner'
import { withConfig } from '../../../electron/services/git/git-env'
import { createLogger, memorySink } from '../../../electron/services/logging/logger'
import { CANARY, filesContaining } from '../../support/canary'
import { git, isolatedGitEnv } from '../../support/git-env'
import { startGitServer, type GitServer } from '../../support/git-server'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import {
  addAccount,
  addOctoAccount,
  must,
  opId,
  pickFolder,
  repoDraft,
  runOp,
  saveRepo,
  testConnection,
} from '../../support/world-actions'

// security.md §8 vectors 16-42, table-driven, through the same dispatcher the UI uses and real git.

let world: TestWorld
let server: GitServer
let accountId = ''
let clones = ''
const marker = join(mkdtempSync(join(tmpdir(), 'gitkeys-marker-')), 'pwned')

beforeAll(async () => {
  server = await startGitServer({
    flavor: 'github',
    credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
    repos: [
      { name: 'acme/flags', commits: 2 },
      {
        name: 'acme/subs',
        commits: 1,
        gitmodules: '[submodule "evil"]\n\tpath = evil\n\turl = https://evil.example/x.git\n',
      },
    ],
  })
  world = await createTestWorld({ timeouts: { connectMs: 4000, idleMs: 2000 } })
  accountId = (await addOctoAccount(world, { host: new URL(server.origin).host })).id
  clones = await pickFolder(world, join(world.root, 'clones'))
})
afterAll(async () => {
  await server.close()
  await world.dispose()
})

const save = (over: Parameters<typeof repoDraft>[0]) =>
  world.dispatcher.dispatch('repositories:save', { repository: repoDraft(over) })
const spawnedGit = () => server.requests.length

describe('remote URL field (vectors 16-24)', () => {
  const rows: Array<[string, string]> = [
    ['16', 'http://%0dprotocol=https%0dhost=github.com%0d@localhost:13337/'],
    ['16', 'https://example%0d.com/r.git'],
    ['17', 'https://one.example.com?%0ahost=two.example.com/'],
    ['17', 'http://%0Ahost=github.com%0Aprotocol=https%0A@localhost:13337/'],
    ...['\n', '\r', '\u0000', '\u0007', '\u001b[', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e'].map(
      (c): [string, string] => ['18', `https://github.com/acme/fl${c}ags.git`],
    ),
    ['19', 'https:///github.com/o/r'],
    ['19', 'http::github.com/o/r'],
    ['19', '://github.com/o/r'],
    ['19', 'https://:443/o/r'],
    ['20', `https://user:${CANARY}@github.com/o/r.git`],
    ['21', `--upload-pack=touch ${marker}`],
    ['21', `-u touch ${marker}`],
    ['21', '--config=core.sshCommand=touch /tmp/x'],
    ['21', '-cprotocol.ext.allow=always'],
    ['21', '--template=/tmp'],
    ['22', `ext::sh -c touch% ${marker}`],
    ['22', 'fd::3'],
    ['22', 'file:///home'],
    ['22', '/srv/git/repo.git'],
    ['22', 'git://example.com/r'],
    ['22', 'http://example.com/r'],
  ]
  it.each(rows)('vector %s: %j is refused before git runs', async (_v, remote) => {
    const before = spawnedGit()
    const r = await save({ remote, accountId: null })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(r)).not.toContain('CANARY0000')
    expect(spawnedGit()).toBe(before)
    expect(existsSync(marker)).toBe(false)
  })

  it('vector 20: the stored remote never has userinfo', async () => {
    const repo = await saveRepo(world, { remote: server.url('acme/flags'), accountId })
    expect(repo.remote).not.toContain('@')
  })

  it('vector 22: even past validation, GIT_ALLOW_PROTOCOL makes git refuse ext:: and file://', async () => {
    const runner = createGitRunner({
      broker: createCredentialBroker({ logger: createLogger(memorySink()) }),
      env: world.env,
      logger: createLogger(memorySink()),
    })
    for (const url of [`ext::sh -c touch% ${marker}`, `file://${world.root}`]) {
      const r = await runner.run({ args: ['ls-remote', '--', url], timeoutMs: 5000 })
      expect(r.ok).toBe(false)
    }
    expect(existsSync(marker)).toBe(false)
  })

  it('vector 23: case-bypassed protocol overrides are blocked by the runner (simple-git ≥ 3.32.3)', async () => {
    const runner = createGitRunner({
      broker: createCredentialBroker({ logger: createLogger(memorySink()) }),
      env: world.env,
      logger: createLogger(memorySink()),
    })
    for (const c of ['PROTOCOL.EXT.ALLOW=always', 'Protocol.File.Allow=always']) {
      const r = await runner.run({
        args: ['-c', c, 'ls-remote', '--', `ext::sh -c touch% ${marker}`],
        timeoutMs: 5000,
      })
      expect(r.ok).toBe(false)
    }
    expect(existsSync(marker)).toBe(false)
  })

  it.each([
    'https://github.com.evil.example/o/r',
    'https://evilgithub.com/o/r',
    'https://api.github.com.evil/o/r',
    'https://gіthub.com/o/r',
    'https://xn--gthub-n4a.com/o/r',
    'https://user@github.com%2f@evil.example/',
  ])('vector 24: look-alike %s is never given the token of an account on github.com', async (remote) => {
    const gh = await addOctoAccount(world, { label: `gh ${opId()}` })
    const r = await save({ remote, accountId: gh.id })
    expect(r.ok).toBe(false)
  })
})

describe('helper requests (vectors 25, 36, 37)', () => {
  const broker = createCredentialBroker({ logger: createLogger(memorySink()) })
  it.each([
    ['25', 'protocol=http\nhost=gitea.example.com\n'],
    ['25', 'protocol=https\nhost=gitea.example.com:8443\n'],
    ['36', 'protocol=https\nhost=\n'],
    ['36', 'protocol=https\nhost=evil.example\n'],
    ['36', 'protocol=https\nhost=gitea.example.com\r\r\n'],
  ])('vector %s: %j gets no password from git credential fill', async (_v, req) => {
    const session = await broker.open({
      protocol: 'https',
      host: 'gitea.example.com',
      username: 'dev',
      secret: CANARY,
    })
    const r = await git(['credential', 'fill'], {
      env: withConfig(isolatedGitEnv(), session.config),
      input: `${req}\n`,
    })
    await session.close()
    expect(r.stdout).not.toContain(CANARY)
  })
})

describe('redirects, submodules, LFS (vectors 26-28)', () => {
  it('vector 26: a redirect to another origin receives no Authorization', async () => {
    const redirecting = await startGitServer({
      flavor: 'github',
      credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
      repos: [{ name: 'acme/moved', commits: 1 }],
      faults: [{ kind: 'redirect', when: 'beforeAuth' }],
    })
    const a = await addAccount(
      world,
      {
        provider: 'github',
        tokenKind: 'classic_pat',
        username: 'octo',
        host: new URL(redirecting.origin).host,
        label: `redir ${opId()}`,
      },
      CANARY,
    )
    const repo = await saveRepo(world, { remote: redirecting.url('acme/moved'), accountId: a.id })
    const r = must<{ ok: boolean }>(await testConnection(world, repo.id))
    expect(r.ok).toBe(false)
    expect(redirecting.redirectTarget.requests.length).toBeGreaterThan(0)
    expect(redirecting.redirectTarget.requests.every((q) => !q.authorizationPresent)).toBe(true)
    await redirecting.close()
  })

  it('vector 27: a .gitmodules pointing elsewhere is not followed, even with submodule.recurse=true globally', async () => {
    writeFileSync(join(world.home, '.gitconfig'), '[submodule]\n\trecurse = true\n', { flag: 'a' })
    const repo = await saveRepo(world, {
      remote: server.url('acme/subs'),
      accountId,
      localPath: join(clones, 'subs'),
    })
    const r = must<{ ok: boolean }>(await runOp(world, repo.id, 'clone'))
    expect(r.ok).toBe(true)
    const evil = join(clones, 'subs', 'evil')
    expect(existsSync(evil) ? readdirSync(evil) : []).toEqual([])
  })

  it('vector 28: LFS is not installed here, so a .lfsconfig cannot redirect credentials; the broker refuses other hosts anyway', () => {
    const lfs = (() => {
      try {
        execFileSync('git', ['lfs', 'version'], { stdio: 'ignore' })
        return true
      } catch {
        return false
      }
    })()
    expect(lfs).toBe(false)
  })
})

describe('repository content and local config (vectors 29-32)', () => {
  it('vector 31: a clone whose .git/config runs commands is refused, and no marker appears', async () => {
    const repo = await saveRepo(world, {
      remote: server.url('acme/flags'),
      accountId,
      localPath: join(clones, 'crafted'),
    })
    must(await runOp(world, repo.id, 'clone'))
    const cfg = join(clones, 'crafted', '.git', 'config')
    for (const line of [
      `\tfsmonitor = touch ${marker}`,
      `\thooksPath = ${world.root}`,
      '\tpager = touch /tmp/x',
    ]) {
      writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}[core]\n${line}\n`)
    }
    writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}[credential]\n\thelper = !touch ${marker}\n`)
    const r = await runOp(world, repo.id, 'fetch')
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(JSON.stringify(r)).toContain('core.fsmonitor')
    expect(existsSync(marker)).toBe(false)
  })

  it('vector 32: a clone owned by another user is refused by git and reported; GitKeys never sets safe.directory', async () => {
    const repo = await saveRepo(world, {
      remote: server.url('acme/flags'),
      accountId,
      localPath: join(clones, 'foreign'),
    })
    must(await runOp(world, repo.id, 'clone'))
    if (process.getuid?.() !== 0) return
    execFileSync('chown', ['-R', '12345:12345', join(clones, 'foreign')])
    const r = await runOp(world, repo.id, 'fetch')
    expect(r.ok).toBe(false)
    console.log(JSON.stringify(r))
    expect(JSON.stringify(r)).toMatch(/dubious ownership|not a clone/i)
    chownSync(join(clones, 'foreign'), 0, 0)
  })
})

describe('token field and exposure (vectors 33-35)', () => {
  it.each([
    ['a newline', 'ghp_a\nb'],
    ['NUL', 'ghp_a\u0000b'],
    ['U+2028', 'ghp_a\u2028b'],
    ['non-ASCII', 'ghp_ä'],
    ['empty', ''],
    ['5,000 chars', 'x'.repeat(5000)],
  ])('vector 33: a token with %s is refused before encryption and never logged', async (_n, token) => {
    const r = await world.dispatcher.dispatch('accounts:add', {
      fields: {
        provider: 'gitea',
        deployment: 'self_hosted',
        host: 'git.example.test',
        pathPrefix: null,
        label: 'bad',
        username: '',
        tokenKind: 'pat',
        scopes: [],
        expiresAt: null,
        apiUrl: null,
        labels: [],
      },
      token,
    })
    expect(r.ok).toBe(false)
    if (token.length > 3) expect(JSON.stringify(world.logs)).not.toContain(token)
  })

  it('vector 34: a rejected token gives an error without the token', async () => {
    const a = await addAccount(
      world,
      {
        provider: 'github',
        tokenKind: 'classic_pat',
        username: 'octo',
        host: new URL(server.origin).host,
        label: `wrong ${opId()}`,
      },
      'ghp_WRONGWRONGWRONGWRONGWRONGWRONGWRONG1',
    )
    const repo = await saveRepo(world, { remote: server.url('acme/flags'), accountId: a.id })
    const r = await testConnection(world, repo.id)
    expect(r.ok && r.value.ok).toBe(false)
    expect(JSON.stringify(r)).not.toContain('WRONGWRONG')
  })

  it('vector 35: during a slow clone no process has the token in its argv or environment', async () => {
    const slow = await startGitServer({
      flavor: 'github',
      credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
      repos: [{ name: 'acme/slow', commits: 200 }],
      faults: [{ kind: 'slowDrip', bytes: 512, everyMs: 20, method: 'POST' }],
    })
    const a = await addAccount(
      world,
      {
        provider: 'github',
        tokenKind: 'classic_pat',
        username: 'octo',
        host: new URL(slow.origin).host,
        label: `slow ${opId()}`,
      },
      CANARY,
    )
    const repo = await saveRepo(world, {
      remote: slow.url('acme/slow'),
      accountId: a.id,
      localPath: join(clones, 'slow'),
    })
    const id = opId()
    const pending = runOp(world, repo.id, 'clone', id)
    await new Promise((r) => setTimeout(r, 600))
    const leaks: string[] = []
    let gitSeen = 0
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      for (const f of ['cmdline', 'environ']) {
        try {
          const text = readFileSync(`/proc/${pid}/${f}`, 'latin1')
          if (f === 'cmdline' && /git/.test(text)) gitSeen++
          if (text.includes('CANARY0000')) leaks.push(`${pid}/${f}`)
        } catch {
          // processes come and go
        }
      }
    }
    await world.dispatcher.dispatch('git:cancel', { operationId: id })
    await pending
    await slow.close()
    expect(gitSeen).toBeGreaterThan(0)
    expect(leaks).toEqual([])
  })
})

describe('branch field (vectors 38-39)', () => {
  it.each([
    '-D',
    '--orphan',
    '--upload-pack=x',
    '-f',
    '+main',
    'a..b',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[',
    'a b',
    'a\\b',
    '@',
    'a@{1}',
    'x.lock',
    '.hidden',
    'a//b',
    'a/',
    'a.',
    '\u007f',
    'a\nb',
    'main\u202egnp.exe',
  ])('branch %j is refused', async (branch) => {
    const r = await save({ remote: server.url('acme/flags'), accountId, branch })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('local path (vectors 40-42)', () => {
  it.each([
    '../../.ssh',
    '~/.ssh',
    'C:\\Windows\\System32',
    '\\\\attacker\\share\\repo',
    'file:///tmp/x',
    '/tmp/a\nb',
    '/etc/cron.d/gitkeys',
  ])('vector 40: %j is refused as a clone destination', async (localPath) => {
    const r = await save({ remote: server.url('acme/flags'), accountId, localPath })
    expect(r.ok).toBe(false)
  })

  it('vector 41: a destination that is a symlink out of the chosen folder, or a non-empty folder, is refused', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'gitkeys-outside-'))
    symlinkSync(outside, join(clones, 'link'))
    mkdirSync(join(clones, 'full'))
    writeFileSync(join(clones, 'full', 'keep.txt'), 'keep')
    for (const name of ['link', 'full']) {
      const repo = await saveRepo(world, {
        remote: server.url('acme/flags'),
        accountId,
        localPath: join(clones, name),
      })
      const r = await runOp(world, repo.id, 'clone')
      expect(r.ok).toBe(false)
    }
    expect(readdirSync(outside)).toEqual([])
    expect(readFileSync(join(clones, 'full', 'keep.txt'), 'utf8')).toBe('keep')
  })

  it('vector 42: a folder named like an option is a path, never an option', async () => {
    for (const name of ['-C', '--git-dir=x']) {
      const repo = await saveRepo(world, {
        remote: server.url('acme/flags'),
        accountId,
        localPath: join(clones, name),
      })
      expect(must<{ ok: boolean }>(await runOp(world, repo.id, 'clone')).ok).toBe(true)
      expect(existsSync(join(clones, name, '.git'))).toBe(true)
    }
  })

  it('after all of the above, no file anywhere in the world holds the token', () => {
    expect(filesContaining(world.root)).toEqual([])
  })
})
