import { describe, expect, it } from 'vitest'
import { importFlipt } from '@shared/export/flipt.importer'
import { readInlineSecret } from '@shared/export/flipt-inline-secret'
import { exportFlipt } from '@shared/export/flipt.writer'
import { account, workspace } from './workspace-builders'

const INLINE = 'ghp_INLINEtest0123456789abcdefghijklmnop'
const CONFIG = `version: "2.0"
credentials:
  GitHub:
    type: access_token
    access_token: ${INLINE}
  azure:
    type: basic
    basic:
      username: flipt-bot
      password: \${env:AZURE_PAT}
storage:
  default:
    remote: https://github.com/acme/flags.git
    credentials: github
  az:
    remote: https://dev.azure.com/acme/platform/_git/flags
    credentials: azure
environments:
  prod:
    storage: default
    default: true
  az:
    storage: az
    directory: x
`

describe('Flipt import: errors name the field and the line', () => {
  it('bad YAML gives line and column', () => {
    const r = importFlipt('storage:\n  default:\n    remote: "unclosed\n')
    expect(r.problems[0]?.path).toBe('(yaml)')
    expect(r.problems[0]?.message).toMatch(/\(line \d+, column \d+\)/)
    expect(r.workspace.repositories).toEqual([])
  })
  it('a reference is resolved as Flipt does: ids lowercased, references not', () => {
    const r = importFlipt(
      'credentials:\n  GitHub:\n    type: access_token\n    access_token: ${env:T}\nstorage:\n  default:\n    credentials: GitHub\n',
    )
    const p = r.problems.find((x) => x.path === 'storage.default.credentials')
    expect(p?.message).toContain('references undefined credential "GitHub"')
    expect(p?.message).toContain('(line 7, column 18)')
    expect(r.workspace.repositories[0]?.credentialId).toBeNull()
    expect(exportFlipt(r.workspace, { secrets: 'env' }).yaml).toContain('credentials: GitHub')
  })
  it('an environment pointing at a missing storage is reported with its line', () => {
    const r = importFlipt('storage:\n  main: {}\nenvironments:\n  prod:\n    storage: Main\n')
    expect(r.problems).toContainEqual({
      path: 'environments.prod.storage',
      message: 'environments: "prod" references undefined storage "Main" (line 5, column 14)',
    })
  })
  it('an unknown credential type is reported and the entry is carried verbatim', () => {
    const r = importFlipt('credentials:\n  x:\n    type: oauth\n    client: abc\n')
    expect(r.problems).toContainEqual({
      path: 'credentials.x.type',
      message: 'credentials: x credentials: type unexpected credential type "oauth" (line 3, column 11)',
    })
    expect(r.workspace.credentials).toEqual([])
    expect(exportFlipt(r.workspace, { secrets: 'env' }).yaml).toMatch(/x:\n {4}type: oauth\n {4}client: abc/)
  })
  it('reports Flipt validation rules: default count, shared directory, poll interval, half basic', () => {
    const r = importFlipt(
      'credentials:\n  b:\n    type: basic\n    basic:\n      username: u\nstorage:\n  s:\n    poll_interval: 500ms\nenvironments:\n  a:\n    storage: s\n  c:\n    storage: s\n',
    )
    const messages = r.problems.map((p) => p.message).join('\n')
    expect(messages).toContain('both username and password for basic auth non-empty value is required')
    expect(messages).toContain('poll interval must be at least 1 second')
    expect(messages).toContain('environments: default environment non-empty value is required')
    expect(messages).toContain(
      'environments: directory environments [a, c] share the same storage "s" and directory ""',
    )
  })
  it('a YAML number where Flipt wants a string is read as Flipt reads it, and reported', () => {
    const r = importFlipt('storage:\n  default:\n    branch: 0x10\n')
    expect(r.workspace.repositories[0]?.branch).toBe('16')
    expect(r.problems[0]?.path).toBe('storage.default.branch')
  })
  it('refuses __proto__ keys without touching any prototype', () => {
    const r = importFlipt('__proto__:\n  polluted: true\nserver:\n  __proto__:\n    polluted: true\n')
    expect(r.problems.map((p) => p.path)).toEqual(['__proto__', 'server.__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(r.workspace.flipt?.extra.server as object)).toEqual([])
  })
})

describe('Flipt import: secrets, defaults and accounts', () => {
  const current = workspace({
    accounts: [
      account({
        id: 'az',
        provider: 'azure',
        host: 'dev.azure.com',
        pathPrefix: 'acme',
        username: 'flipt-bot',
      }),
    ],
  })
  const r = importFlipt(CONFIG, current)

  it('keeps an inline secret out of the workspace and lists it as pending', () => {
    expect(JSON.stringify(r.workspace)).not.toContain(INLINE)
    expect(JSON.stringify(r)).not.toContain(INLINE)
    expect(r.pendingSecrets).toEqual([{ credentialId: 'github', field: 'access_token', hint: 'ghp_…mnop' }])
    expect(r.workspace.credentials.find((c) => c.id === 'github')?.secret).toEqual({
      kind: 'pending',
      hint: 'ghp_…mnop',
    })
  })
  it('gives the raw value only through readInlineSecret, after confirmation', () => {
    expect(readInlineSecret(CONFIG, 'github', 'access_token')).toBe(INLINE)
    expect(readInlineSecret(`\uFEFF${CONFIG}`, 'github', 'access_token')).toBe(INLINE)
    expect(readInlineSecret(CONFIG, 'azure', 'basic.password')).toBeNull()
    expect(readInlineSecret(CONFIG, 'nope', 'access_token')).toBeNull()
    expect(readInlineSecret(CONFIG, 'github', 'type')).toBeNull()
  })
  it('keeps env references as references', () => {
    expect(r.workspace.credentials.find((c) => c.id === 'azure')?.secret).toEqual({
      kind: 'env',
      name: 'AZURE_PAT',
    })
  })
  it('links a credential to the account with the same host, path prefix and username', () => {
    expect(r.workspace.credentials.find((c) => c.id === 'azure')?.accountId).toBe('az')
    expect(r.workspace.repositories.find((x) => x.id === 'az')?.accountId).toBe('az')
    const other = importFlipt(CONFIG.replace('username: flipt-bot', 'username: someone'), current)
    expect(other.workspace.credentials.find((c) => c.id === 'azure')?.accountId).toBeNull()
  })
  it('never creates accounts', () => {
    expect(r.workspace.accounts).toEqual(current.accounts)
  })
  it('applies Flipt defaults: name = id, branch main, poll 30s, a single environment is the default', () => {
    const d = importFlipt(
      'storage:\n  s:\n    remote: https://github.com/a/b.git\nenvironments:\n  Prod:\n    storage: s\n',
    )
    expect(d.workspace.environments[0]).toMatchObject({
      id: 'prod',
      name: 'prod',
      default: true,
      directory: '',
    })
    expect(d.workspace.repositories[0]).toMatchObject({
      branch: 'main',
      pollInterval: '30s',
      fetchPolicy: 'strict',
    })
    expect(d.problems).toEqual([])
  })
  it('creates storage.default and environments.default when the sections are absent, as Flipt does', () => {
    const d = importFlipt('version: "2.0"\n')
    expect(d.workspace.repositories.map((x) => x.id)).toEqual(['default'])
    expect(d.workspace.environments).toMatchObject([
      { id: 'default', name: 'default', default: true, repositoryId: 'default' },
    ])
  })
  it('reports unmodelled keys and carries them', () => {
    const d = importFlipt('server:\n  http_port: 8080\nstorage:\n  default:\n    name: Flags\n')
    expect(d.unmodelled.map((u) => u.path)).toEqual(['storage.default.name', 'server'])
    expect(d.workspace.repositories[0]?.extra).toEqual({ name: 'Flags' })
    expect(d.workspace.flipt?.extra).toEqual({ server: { http_port: 8080 } })
  })
  it('previews the import as a field-level diff against the current workspace', () => {
    const again = importFlipt(
      CONFIG.replace('directory: x', 'directory: y').replace(/ {2}prod:\n(.*\n){2}/, ''),
      r.workspace,
    )
    expect(again.diff.environments.removed).toEqual(['prod'])
    expect(again.diff.environments.changed).toEqual([
      {
        id: 'az',
        fields: [
          { field: 'default', before: false, after: true },
          { field: 'directory', before: 'x', after: 'y' },
        ],
      },
    ])
    expect(again.diff.empty).toBe(false)
  })
})
