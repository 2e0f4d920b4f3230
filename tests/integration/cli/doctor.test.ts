import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CANARY, filesContaining } from '../../support/canary'
import { isolatedGitEnv } from '../../support/git-env'
import { startGitServer, type GitServer } from '../../support/git-server'
import { cliBuilt, gitkeys, oneLineUsageError, type BuiltRun } from './built-cli'

// Issue 5 "done when": doctor against the local git server with a canary token in the environment
// that never appears in output, in git's argv or environment, or in any file the run created.

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
const READ_ONLY = `ghp_${'R'.repeat(36)}`

type DoctorJson = {
  ok: boolean
  findings: Array<{ id: string; severity: string; subject: string; title: string; fixes: unknown[] }>
  probes: Array<{ subject: string; ok: boolean; category: string | null; ms: number }>
}

describe('gitkeys doctor against a local git server', () => {
  let server: GitServer
  let scratch = ''
  let runTmp = ''
  let wrapperLog = ''
  let env: NodeJS.ProcessEnv = {}
  let config = ''
  const runs: BuiltRun[] = []

  /** Runs the built CLI and keeps its output for the sweep. */
  const doctor = async (argv: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<BuiltRun> => {
    const r = await gitkeys(['doctor', '--config', config, ...argv], {
      env: { ...env, ...extraEnv },
      timeoutMs: 90_000,
    })
    runs.push(r)
    return r
  }

  beforeAll(async () => {
    if (!cliBuilt()) throw new Error('out/cli/gitkeys.js is missing: run `npm run build` first')
    server = await startGitServer({
      flavor: 'github',
      credentials: [
        { token: CANARY, kind: 'classic_pat', username: 'octo' },
        { token: READ_ONLY, kind: 'fine_grained_pat', username: 'octo', readOnly: true },
      ],
      repos: [
        { name: 'acme/flags', commits: 2, branches: ['main', 'dev'] },
        { name: 'acme/empty-ish', commits: 1 },
      ],
    })
    scratch = mkdtempSync(join(tmpdir(), 'gitkeys-doctor-int-'))
    runTmp = join(scratch, 'tmp')
    mkdirSync(runTmp)
    const bin = join(scratch, 'bin')
    mkdirSync(bin)
    wrapperLog = join(scratch, 'git-invocations.log')
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\n{ printf 'ARGV:'; printf ' %s' "$@"; printf '\\n'; env; printf '%s\\n' '----'; } >> '${wrapperLog}'\nexec '${realGit}' "$@"\n`,
    )
    chmodSync(join(bin, 'git'), 0o755)
    const home = join(scratch, 'home')
    mkdirSync(home)
    // The user's own git config asks for credential.helper=store: the broker must keep the token from it.
    env = {
      ...isolatedGitEnv(home),
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      TMPDIR: runTmp,
      FLIPT_TOKEN: CANARY,
      FLIPT_READONLY_TOKEN: READ_ONLY,
    }
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n', { flag: 'a' })
    config = join(scratch, 'flipt.yml')
    writeFileSync(
      config,
      [
        'version: "2.0"',
        'credentials:',
        '  gh:',
        '    type: access_token',
        '    access_token: ${env:FLIPT_TOKEN}',
        '  reader:',
        '    type: basic',
        '    basic:',
        '      username: octo',
        '      password: ${env:FLIPT_READONLY_TOKEN}',
        'storage:',
        '  default:',
        `    remote: ${server.url('acme/flags')}`,
        '    branch: main',
        '    credentials: gh',
        '  release:',
        `    remote: ${server.url('acme/flags')}`,
        '    branch: release',
        '    credentials: gh',
        '  readonly:',
        `    remote: ${server.url('acme/empty-ish')}`,
        '    branch: main',
        '    credentials: reader',
        'environments:',
        '  production:',
        '    storage: default',
        '    default: true',
        '  staging:',
        '    storage: release',
        '  qa:',
        '    storage: readonly',
        '',
      ].join('\n'),
    )
  })
  afterAll(async () => {
    await server.close()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('probes every storage in parallel and folds the results into probes[] and findings', async () => {
    const r = await doctor(['--json'])
    const j = JSON.parse(r.stdout) as DoctorJson
    expect(Object.keys(j)).toEqual(['ok', 'findings', 'probes'])
    for (const f of j.findings)
      expect(Object.keys(f)).toEqual(['id', 'severity', 'subject', 'title', 'fixes'])
    const bySubject = Object.fromEntries(j.probes.map((p) => [p.subject, p]))
    expect(Object.keys(bySubject).sort()).toEqual(['storage.default', 'storage.readonly', 'storage.release'])
    for (const p of j.probes) expect(Object.keys(p)).toEqual(['subject', 'ok', 'category', 'ms'])
    expect(bySubject['storage.default']).toMatchObject({ ok: true, category: null })
    expect(bySubject['storage.release']).toMatchObject({ ok: false, category: 'branch_not_found' })
    expect(bySubject['storage.readonly']?.ok).toBe(false)
    expect(j.findings).toContainEqual(
      expect.objectContaining({ id: 'probe.ok', severity: 'ok', subject: 'storage.default' }),
    )
    const readonly = j.findings.find((f) => f.subject === 'storage.readonly' && f.id.startsWith('probe.'))
    expect(readonly?.severity).toBe('error')
    expect(j.ok).toBe(false)
    expect(r.code).toBe(1)
    // Flipt's username for access_token credentials, and the configured one for basic.
    const authed = server.requests.filter((q) => q.passwordMatched)
    expect(authed.some((q) => q.username === 'x-token-auth')).toBe(true)
    expect(authed.some((q) => q.username === 'octo')).toBe(true)
  })

  it('human output is a checklist with a summary line, and --verbose logs to stderr', async () => {
    const r = await doctor(['--verbose'])
    expect(r.stdout).toMatch(/✓ storage\.default: Online check passed/)
    expect(r.stdout).toMatch(/✗ storage\.readonly: /)
    expect(r.stdout).toMatch(/PROBLEMS: \d+ errors?, \d+ warnings?, \d+ notes?, \d+ ok/)
    expect(r.stdout).not.toContain('\u001b[')
    expect(r.stderr).toMatch(/info cli\.git/)
  })

  it('the canary never appears in stdout or stderr', () => {
    expect(runs.length).toBeGreaterThanOrEqual(2)
    for (const r of runs) {
      expect(r.stdout + r.stderr).not.toContain(CANARY)
      expect(r.stdout + r.stderr).not.toContain('CANARY')
    }
  })

  it('no git process had it in its argv or environment (recording wrapper first on PATH)', () => {
    const log = readFileSync(wrapperLog, 'utf8')
    expect(log).toContain('ARGV: ls-remote')
    expect(log).toContain('ARGV: push --dry-run')
    expect(log).toMatch(/GIT_CONFIG_VALUE_\d+=!.* git credential-cache --socket '[^']+' get;/)
    expect(log).not.toContain('CANARY')
    expect(log).not.toContain(READ_ONLY)
  })

  it('no file the run created holds it, nor HOME (~/.git-credentials despite helper=store)', () => {
    expect(filesContaining(runTmp)).toEqual([])
    expect(filesContaining(join(scratch, 'home'))).toEqual([])
    expect(filesContaining(scratch).filter((f) => f !== config)).toEqual([])
    expect(readFileSync(config, 'utf8')).not.toContain('CANARY')
  })

  it("local facts reach the rules: the user's credential.helper=store is reported", async () => {
    const j = JSON.parse((await doctor(['--offline', '--json'])).stdout) as DoctorJson
    expect(JSON.stringify(j.findings)).toMatch(/store/)
  })

  it('--offline makes no network request: the server log stays as it was, git only reads config', async () => {
    const requests = server.requests.length
    const logged = readFileSync(wrapperLog, 'utf8').length
    const r = await doctor(['--offline', '--json'])
    const j = JSON.parse(r.stdout) as DoctorJson
    expect(j.probes).toEqual([])
    expect(server.requests.length).toBe(requests)
    const calls = readFileSync(wrapperLog, 'utf8')
      .slice(logged)
      .split('\n')
      .filter((l) => l.startsWith('ARGV:'))
    expect(calls.every((l) => l.startsWith('ARGV: config '))).toBe(true)
    expect(r.stdout + r.stderr).not.toContain('CANARY')
  })

  it('a wrong token in the environment is an error finding with its category, exit 1', async () => {
    const r = await doctor(['--json'], { FLIPT_TOKEN: `ghp_${'W'.repeat(36)}` })
    const j = JSON.parse(r.stdout) as DoctorJson
    const p = j.probes.find((x) => x.subject === 'storage.default')
    expect(p?.ok).toBe(false)
    expect(['bad_credentials', 'credentials_missing', 'expired_token']).toContain(p?.category)
    expect(j.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', subject: 'storage.default' }),
    )
    expect(r.code).toBe(1)
  })

  it('an unreadable config is exit 2 with one line', async () => {
    expect(oneLineUsageError(await gitkeys(['doctor', '--config', join(scratch, 'nope.yml')], { env }))).toBe(
      true,
    )
  })
})
