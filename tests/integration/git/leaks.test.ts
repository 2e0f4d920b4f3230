import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from '../../support/git-server'
import { CANARY, filesContaining } from '../../support/canary'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import {
  addAccount,
  pickFolder,
  probeWrite,
  runOp,
  saveRepo,
  testConnection,
} from '../../support/world-actions'

// Issue 4 leak tests: argv and environment of every git process (a recording `git` wrapper on PATH),
// every file in the app data directory and the clone, ~/.git-credentials with a global
// credential.helper=store, an environment dump from a hook, the logs, IPC responses and events.

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()

describe('a canary token never leaks through git', () => {
  let server: GitServer
  let world: TestWorld
  let wrapperLog = ''
  let hookDump = ''
  let clone = ''
  let cleanup = (): void => undefined
  const responses: string[] = []

  beforeAll(async () => {
    server = await startGitServer({
      flavor: 'github',
      credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
      repos: [{ name: 'acme/flags', commits: 5 }],
    })
    const scratch = mkdtempSync(join(tmpdir(), 'gitkeys-leak-'))
    const bin = join(scratch, 'wrapper-bin')
    mkdirSync(bin)
    wrapperLog = join(scratch, 'git-invocations.log')
    hookDump = join(scratch, 'hook-env.txt')
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\n{ printf 'ARGV:'; printf ' %s' "$@"; printf '\\n'; env; printf '%s\\n' '----'; } >> '${wrapperLog}'\nexec '${realGit}' "$@"\n`,
    )
    chmodSync(join(bin, 'git'), 0o755)
    // A template hook runs at checkout during clone and dumps its environment; a global
    // credential.helper=store is the user's own config, which the broker must keep from the token.
    const templates = join(scratch, 'templates')
    mkdirSync(join(templates, 'hooks'), { recursive: true })
    writeFileSync(join(templates, 'hooks', 'post-checkout'), `#!/bin/sh\nenv >> '${hookDump}'\n`)
    chmodSync(join(templates, 'hooks', 'post-checkout'), 0o755)
    cleanup = () => rmSync(scratch, { recursive: true, force: true })
    world = await createTestWorld({ env: { PATH: `${bin}:${process.env.PATH ?? ''}` } })
    writeFileSync(
      join(world.home, '.gitconfig'),
      `[credential]\n\thelper = store\n[init]\n\ttemplateDir = ${templates}\n`,
      { flag: 'a' },
    )

    const account = await addAccount(
      world,
      { provider: 'github', tokenKind: 'classic_pat', username: 'octo', host: new URL(server.origin).host },
      CANARY,
    )
    clone = join(await pickFolder(world, join(world.root, 'clones')), 'flags')
    const repo = await saveRepo(world, {
      remote: server.url('acme/flags'),
      accountId: account.id,
      localPath: clone,
    })
    for (const r of [
      await testConnection(world, repo.id),
      await probeWrite(world, repo.id),
      await runOp(world, repo.id, 'clone'),
      await runOp(world, repo.id, 'fetch'),
      await runOp(world, repo.id, 'pull'),
    ])
      responses.push(JSON.stringify(r))
    writeFileSync(join(clone, 'change.txt'), 'x')
    execFileSync(
      realGit,
      ['-C', clone, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '-qam', 'x', '--allow-empty'],
      { env: world.env },
    )
    responses.push(JSON.stringify(await runOp(world, repo.id, 'push')))
  })
  afterAll(async () => {
    await server.close()
    await world.dispose()
    cleanup()
  })

  it('every operation succeeded (so the sweep below looked at real work)', () => {
    expect(responses).toHaveLength(6)
    for (const r of responses) expect(JSON.parse(r)).toMatchObject({ ok: true, value: { ok: true } })
    const log = readFileSync(wrapperLog, 'utf8')
    for (const op of ['ls-remote', 'push --dry-run', 'clone', 'fetch', 'pull', 'push --progress'])
      expect(log).toContain(`ARGV: ${op}`)
    // The helper git runs (from its exec-path) is configured through the environment: a socket, no secret.
    expect(log).toMatch(/GIT_CONFIG_VALUE_1=!.* git credential-cache --socket '[^']+' get;/)
  })

  it('no git process had the token in its argv or environment', () => {
    const log = readFileSync(wrapperLog, 'utf8')
    expect(log.split('----').length).toBeGreaterThan(6)
    expect(log).not.toContain(CANARY)
    expect(log).not.toContain('CANARY')
  })

  it('a hook run during the clone saw no token in its environment', () => {
    expect(existsSync(hookDump)).toBe(true)
    expect(readFileSync(hookDump, 'utf8')).not.toContain('CANARY')
  })

  it('~/.git-credentials never received the token, despite credential.helper=store', () => {
    const stored = join(world.home, '.git-credentials')
    expect(existsSync(stored) ? readFileSync(stored, 'utf8') : '').not.toContain('CANARY')
  })

  it('no file in the app data directory, the clone (.git/config included) or HOME holds it', () => {
    expect(filesContaining(world.appData)).toEqual([])
    expect(filesContaining(clone)).toEqual([])
    expect(filesContaining(world.home)).toEqual([])
    expect(readFileSync(join(clone, '.git', 'config'), 'utf8')).not.toMatch(/@127\.0\.0\.1/)
  })

  it('no log record, IPC response or event carries it', () => {
    expect(JSON.stringify(world.logs)).not.toContain('CANARY')
    expect(responses.join('\n')).not.toContain('CANARY')
    expect(JSON.stringify(world.events.seen)).not.toContain('CANARY')
  })

  it('the server saw the token only as a matching password from the broker', () => {
    const authed = server.requests.filter((r) => r.passwordMatched)
    expect(authed.length).toBeGreaterThan(0)
    expect(authed.every((r) => r.username === 'octo')).toBe(true)
  })
})
