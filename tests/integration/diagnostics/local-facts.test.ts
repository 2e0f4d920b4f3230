import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnose } from '@shared/diagnostics/diagnose'
import type { LocalFacts } from '@shared/diagnostics/diagnose.types'
import { LocalFactsSchema } from '@shared/diagnostics/diagnose.types'
import { newRepository, type Repository } from '@shared/domain/repository'
import { secretHint } from '@shared/logic/redact'
import { collectLocalFacts, type ReadGitConfig } from '../../../electron/services/diagnostics/local-facts'
import { parseNetrc } from '../../../electron/services/diagnostics/local-git-env'
import { CANARY, canaryFragments } from '../../support/canary'
import { git, isolatedGitEnv } from '../../support/git-env'

/**
 * The local-facts collector against real files and real git: an isolated HOME with credential
 * helpers, a .netrc, a clone whose origin URL embeds a token, symlinks, CA files. The collector reads
 * git only through the injected port; here the port runs real git (tests may use child_process).
 */

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ==\n-----END CERTIFICATE-----\n'
const NETRC_PASSWORD = 'netrc-Pa55word-not-kept'
const root = mkdtempSync(join(tmpdir(), 'gitkeys-local-facts-'))
const home = join(root, 'home')
const work = join(root, 'work')
mkdirSync(home)
mkdirSync(work)
const env = isolatedGitEnv(home)
const readGitConfig: ReadGitConfig = async (args, cwd) => {
  const r = await git(args, { env, ...(cwd ? { cwd } : {}) })
  if (r.code !== 0) throw new Error(`git exited ${r.code}`)
  return r.stdout
}

const repo = (id: string, over: Partial<Repository>): Repository =>
  newRepository({ id, remote: 'https://github.com/acme/flags.git', ...over })

let facts: LocalFacts
const repositories: Repository[] = [
  repo('clone', { localPath: join(work, 'clone') }),
  repo('empty', { localPath: join(work, 'empty'), caCertPath: join(work, 'ca.pem') }),
  repo('junk', { localPath: join(work, 'junk'), caCertPath: join(work, 'ca.der') }),
  repo('file', { localPath: join(work, 'a-file'), caCertPath: join(work, 'missing.pem') }),
  repo('out', { localPath: join(work, 'link-out') }),
  repo('in', { localPath: join(work, 'link-in') }),
  repo('missing', { localPath: join(work, 'nope', 'deeper') }),
  repo('bare', {
    remote: 'https://github.com/acme/other.git',
    backend: { type: 'local', path: join(work, 'backend') },
  }),
  repo('ro', { localPath: join(work, 'read-only') }),
]

beforeAll(async () => {
  for (const [k, v] of [
    ['credential.helper', 'store'],
    ['credential.https://github.com.helper', '!gh auth git-credential'],
  ] as const)
    expect((await git(['config', '--global', '--add', k, v], { env })).code).toBe(0)
  writeFileSync(
    join(home, '.netrc'),
    `machine github.com\n  login octo\n  password ${NETRC_PASSWORD}\nmacdef init\n  cd /tmp\n\ndefault login anonymous password x\n`,
  )
  expect((await git(['init', '-q', join(work, 'clone')], { env })).code).toBe(0)
  expect(
    (
      await git(['remote', 'add', 'origin', `https://octo:${CANARY}@github.com/acme/flags.git`], {
        env,
        cwd: join(work, 'clone'),
      })
    ).code,
  ).toBe(0)
  expect(
    (
      await git(['remote', 'add', 'mirror', 'https://gitlab.com/acme/flags.git'], {
        env,
        cwd: join(work, 'clone'),
      })
    ).code,
  ).toBe(0)
  expect((await git(['init', '-q', '--bare', join(work, 'backend')], { env })).code).toBe(0)
  expect(
    (
      await git(['config', 'remote.origin.url', 'https://github.com/acme/other.git'], {
        env,
        cwd: join(work, 'backend'),
      })
    ).code,
  ).toBe(0)
  mkdirSync(join(work, 'empty'))
  mkdirSync(join(work, 'junk'))
  writeFileSync(join(work, 'junk', 'notes.txt'), 'x')
  writeFileSync(join(work, 'a-file'), 'x')
  mkdirSync(join(root, 'elsewhere'))
  symlinkSync(join(root, 'elsewhere'), join(work, 'link-out'))
  mkdirSync(join(work, 'sub'))
  symlinkSync(join(work, 'sub'), join(work, 'link-in'))
  mkdirSync(join(work, 'read-only'))
  chmodSync(join(work, 'read-only'), 0o555)
  writeFileSync(join(work, 'ca.pem'), PEM)
  writeFileSync(join(work, 'ca.der'), Buffer.from([0x30, 0x82, 0x01, 0xb3]))
  facts = await collectLocalFacts(repositories, {
    readGitConfig,
    env: { GH_TOKEN: CANARY, GITLAB_TOKEN: '', PATH: '/usr/bin' },
    homeDir: home,
    now: new Date('2026-09-01T12:00:00Z'),
  })
})

afterAll(() => {
  chmodSync(join(work, 'read-only'), 0o755)
  rmSync(root, { recursive: true, force: true })
})

const pathOf = (id: string) => facts.paths.find((p) => p.repositoryId === id)

describe('collectLocalFacts', () => {
  it('describes folders: empty, other files, a file, missing, symlinks in and out, a bare repository', () => {
    expect(pathOf('empty')).toMatchObject({
      exists: true,
      isDirectory: true,
      writable: true,
      empty: true,
      isGitRepo: false,
      absolute: true,
    })
    expect(pathOf('junk')).toMatchObject({ exists: true, isDirectory: true, empty: false, isGitRepo: false })
    expect(pathOf('file')).toMatchObject({ exists: true, isDirectory: false, empty: null })
    expect(pathOf('missing')).toMatchObject({ exists: false, parentExists: false, parentWritable: false })
    expect(pathOf('out')).toMatchObject({ isSymlink: true, realpathOutsideParent: true, isDirectory: true })
    expect(pathOf('in')).toMatchObject({ isSymlink: true, realpathOutsideParent: false })
    expect(pathOf('bare')).toMatchObject({
      role: 'backend',
      isGitRepo: true,
      gitRemoteUrl: 'https://github.com/acme/other.git',
    })
    // root may write anywhere; everyone else is refused by mode 0555.
    expect(pathOf('ro')?.writable).toBe(process.getuid?.() === 0)
  })

  it("reads a clone's origin with its token redacted", () => {
    expect(pathOf('clone')).toMatchObject({
      isGitRepo: true,
      gitRemoteUrl: 'https://octo:***@github.com/acme/flags.git',
    })
  })

  it('reads CA files: PEM, not PEM, missing', () => {
    expect(facts.caCerts).toEqual([
      { repositoryId: 'empty', path: join(work, 'ca.pem'), readable: true, isPem: true },
      { repositoryId: 'junk', path: join(work, 'ca.der'), readable: true, isPem: false },
      { repositoryId: 'file', path: join(work, 'missing.pem'), readable: false, isPem: false },
    ])
  })

  it('lists credential helpers from the real git config, in order, with scope and URL pattern', () => {
    expect(facts.git?.helpers).toEqual([
      { scope: 'global', origin: `file:${join(home, '.gitconfig')}`, urlPattern: null, value: 'store' },
      {
        scope: 'global',
        origin: `file:${join(home, '.gitconfig')}`,
        urlPattern: 'https://github.com',
        value: '!gh auth git-credential',
      },
    ])
  })

  it('keeps .netrc machines and logins, never passwords', () => {
    expect(facts.git?.netrc).toEqual([
      { file: join(home, '.netrc'), machine: 'github.com', login: 'octo', hasPassword: true },
      { file: join(home, '.netrc'), machine: 'default', login: 'anonymous', hasPassword: true },
    ])
  })

  it('analyses token variables without keeping them', () => {
    expect(facts.git?.envTokens.map((t) => [t.name, t.empty, t.analysis?.hint ?? null])).toEqual([
      ['GH_TOKEN', false, secretHint(CANARY)],
      ['GITLAB_TOKEN', true, null],
    ])
  })

  it('finds the clone whose origin embeds a token, redacted', () => {
    expect(facts.git?.clones).toEqual([
      {
        path: join(work, 'clone'),
        repositoryId: 'clone',
        remote: 'origin',
        url: 'https://octo:***@github.com/acme/flags.git',
        host: 'github.com',
        username: 'octo',
        hasPassword: true,
      },
    ])
  })

  it('holds no secret at all and crosses IPC as is', () => {
    const text = JSON.stringify(facts)
    for (const frag of canaryFragments()) expect(text).not.toContain(frag)
    expect(text).not.toContain(NETRC_PASSWORD)
    expect(LocalFactsSchema.safeParse(facts).success).toBe(true)
  })

  it('feeds the offline rules: which credential plain git would use, and what shadows it', () => {
    const findings = diagnose(
      {
        accounts: [],
        credentials: [],
        repositories,
        environments: [],
        secrets: [],
        local: facts,
        probes: [],
      },
      new Date('2026-09-01T12:00:00Z'),
    )
    const ids = findings.map((f) => `${f.id} ${f.subject}`)
    expect(ids).toEqual(
      expect.arrayContaining([
        'local.helper_shadows local.git.credential_helper',
        'local.helper_plaintext local.git.credential_helper.store',
        'local.env_token local.env.GH_TOKEN',
        'local.netrc_entry local.netrc.github.com',
        `local.url_credentials local.clone.${join(work, 'clone')}`,
        'local.effective_credential local.git.effective.github.com',
        'path.not_empty repositories.junk.local_path',
        'path.not_directory repositories.file.local_path',
        'path.parent_not_writable repositories.missing.local_path',
        'path.symlink_outside repositories.out.local_path',
        'storage.ca_unreadable storage.file.ca_cert_path',
        'storage.ca_not_pem storage.junk.ca_cert_path',
      ]),
    )
    expect(ids).not.toContain('path.other_remote repositories.clone.local_path')
    expect(ids).not.toContain('path.other_remote storage.bare.backend.path')
    const effective = findings.find((f) => f.id === 'local.effective_credential')
    expect(effective?.title).toBe(`Plain git on github.com would use the ${join(home, '.netrc')} entry`)
    for (const frag of canaryFragments()) expect(JSON.stringify(findings)).not.toContain(frag)
  })
})

describe('parseNetrc', () => {
  it('skips macdef bodies and account values, and never returns a password', () => {
    const entries = parseNetrc(
      'machine a.example login u password p1 account acc\nmacdef x\nmachine fake\n\nmachine b.example\n',
      '/n',
    )
    expect(entries).toEqual([
      { file: '/n', machine: 'a.example', login: 'u', hasPassword: true },
      { file: '/n', machine: 'b.example', login: null, hasPassword: false },
    ])
  })
})
