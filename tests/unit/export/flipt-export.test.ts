import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportFlipt } from '@shared/export/flipt.writer'
import { fliptSchemaErrors } from './flipt-schema'
import { fliptSemantics } from './flipt-semantics'
import { GOLDEN_CASES, GOLDEN_6_1 } from './golden-workspaces'
import { account, credential, environment, repository, workspace } from './workspace-builders'

const FIXTURES = join(process.cwd(), 'tests/fixtures/flipt')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')
const CANARY = 'ghp_CANARY0123456789abcdefghijklmnopqrstu'

describe('Flipt export: golden files for flipt-v2.md §6', () => {
  it.each(GOLDEN_CASES)('$name is written byte for byte as the golden file', ({ ws, golden }) => {
    expect(exportFlipt(ws, { secrets: 'env' }).yaml).toBe(fixture(golden))
  })
  it.each(GOLDEN_CASES)('$name means the same as the docs example', ({ golden, example }) => {
    expect(fliptSemantics(fixture(golden))).toEqual(fliptSemantics(fixture(example)))
  })
  it.each(GOLDEN_CASES)('$name validates against Flipt v2 JSON schema and has no findings', ({ ws }) => {
    const out = exportFlipt(ws, { secrets: 'env' })
    expect(fliptSchemaErrors(out.yaml)).toEqual([])
    expect(out.warnings).toEqual([])
  })
  it('the schema check can fail: a storage name, a bare poll interval and scm without credentials', () => {
    const bad =
      'storage:\n  default:\n    name: x\n    poll_interval: 30\nenvironments:\n  default:\n    storage: default\n    scm:\n      type: github\n'
    expect(fliptSchemaErrors(bad).length).toBeGreaterThanOrEqual(3)
  })
})

describe('Flipt export: document shape (flipt-v2.md §6.4)', () => {
  const yaml = exportFlipt(GOLDEN_6_1, { secrets: 'env' }).yaml
  it('starts with the schema header and a quoted version', () => {
    expect(yaml.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/flipt-io/flipt/v2/config/flipt.schema.json',
      'version: "2.0"',
    ])
  })
  it('quotes durations, never writes storage.<id>.name, and always writes scm.credentials', () => {
    expect(yaml).toContain('poll_interval: "30s"')
    const doc = parse(yaml) as {
      storage: Record<string, object>
      environments: Record<string, { scm?: object }>
    }
    for (const s of Object.values(doc.storage)) expect(s).not.toHaveProperty('name')
    for (const e of Object.values(doc.environments)) if (e.scm) expect(e.scm).toHaveProperty('credentials')
  })
  it('writes exactly one default when the workspace has none, and says so', () => {
    const ws = workspace({
      repositories: [repository({ id: 'r', remote: 'https://github.com/a/b.git' })],
      environments: [
        environment({ id: 'a', repositoryId: 'r', directory: 'a' }),
        environment({ id: 'b', repositoryId: 'r', directory: 'b' }),
      ],
    })
    const out = exportFlipt(ws, { secrets: 'env' })
    const envs = (parse(out.yaml) as { environments: Record<string, { default: boolean }> }).environments
    expect(Object.values(envs).filter((e) => e.default)).toHaveLength(1)
    expect(out.warnings.map((w) => w.id)).toContain('export.default_environment')
    expect(fliptSchemaErrors(out.yaml)).toEqual([])
  })
  it('exports only the chosen environments with their storages and credentials', () => {
    const ws = GOLDEN_CASES[2].ws
    const doc = parse(exportFlipt(ws, { secrets: 'env', environmentIds: ['production'] }).yaml) as Record<
      string,
      Record<string, unknown>
    >
    expect(Object.keys(doc.environments ?? {})).toEqual(['production'])
    expect(Object.keys(doc.storage ?? {})).toEqual(['production'])
    expect(Object.keys(doc.credentials ?? {})).toEqual(['azure'])
  })
  it('reports environments sharing a storage and directory', () => {
    const ws = workspace({
      repositories: [repository({ id: 'r', remote: 'https://github.com/a/b.git' })],
      environments: [
        environment({ id: 'a', repositoryId: 'r', default: true }),
        environment({ id: 'b', repositoryId: 'r' }),
      ],
    })
    expect(exportFlipt(ws, { secrets: 'env' }).warnings.map((w) => w.id)).toContain(
      'export.directory_conflict',
    )
  })
})

describe('Flipt export: SCM api_url per provider (flipt-v2.md §3.2)', () => {
  const scmWs = (
    provider: 'azure' | 'gitea' | 'github',
    remote: string,
    apiUrl: string | null,
    host: string,
  ) =>
    workspace({
      accounts: [
        account({
          id: 'acc',
          provider,
          host,
          deployment: host.includes('.example') ? 'self_hosted' : 'cloud',
          username: 'bot',
        }),
      ],
      repositories: [repository({ id: 'r', remote, accountId: 'acc' })],
      environments: [
        environment({
          id: 'e',
          repositoryId: 'r',
          default: true,
          scm: { type: provider, apiUrl, accountId: 'acc', credentialId: null },
        }),
      ],
    })
  const scmOf = (yaml: string): Record<string, unknown> =>
    (parse(yaml) as { environments: { e: { scm: Record<string, unknown> } } }).environments.e.scm
  it('derives the Gitea api_url at the server root (required for gitea)', () => {
    const out = exportFlipt(
      scmWs('gitea', 'https://gitea.acme.example/ops/flags.git', null, 'gitea.acme.example'),
      { secrets: 'env' },
    )
    expect(scmOf(out.yaml).api_url).toBe('https://gitea.acme.example')
  })
  it('derives a GitHub Enterprise api_url and none for github.com', () => {
    expect(
      scmOf(
        exportFlipt(scmWs('github', 'https://ghe.acme.example/o/r.git', null, 'ghe.acme.example'), {
          secrets: 'env',
        }).yaml,
      ).api_url,
    ).toBe('https://ghe.acme.example/api/v3')
    expect(
      scmOf(
        exportFlipt(scmWs('github', 'https://github.com/o/r.git', null, 'github.com'), { secrets: 'env' })
          .yaml,
      ),
    ).not.toHaveProperty('api_url')
  })
  it('writes no Azure api_url by default, and keeps but flags one that carries the organisation', () => {
    const remote = 'https://dev.azure.com/acme/platform/_git/flags'
    expect(
      scmOf(exportFlipt(scmWs('azure', remote, null, 'dev.azure.com'), { secrets: 'env' }).yaml),
    ).not.toHaveProperty('api_url')
    const out = exportFlipt(scmWs('azure', remote, 'https://dev.azure.com/acme/_apis', 'dev.azure.com'), {
      secrets: 'env',
    })
    expect(scmOf(out.yaml).api_url).toBe('https://dev.azure.com/acme/_apis')
    const w = out.warnings.find((f) => f.id === 'export.scm_azure_api_url_path')
    expect(w?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'environments.e.scm.api_url',
      value: 'https://dev.azure.com',
    })
  })
  it('flags a Gitea api_url ending in /api/v1 without changing it', () => {
    const out = exportFlipt(
      scmWs(
        'gitea',
        'https://gitea.acme.example/o/r.git',
        'https://gitea.acme.example/api/v1',
        'gitea.acme.example',
      ),
      { secrets: 'env' },
    )
    expect(scmOf(out.yaml).api_url).toBe('https://gitea.acme.example/api/v1')
    expect(out.warnings.map((w) => w.id)).toContain('export.scm_gitea_api_suffix')
  })
})

describe('Flipt export: secret modes and the canary (security.md vector 46)', () => {
  const ws = workspace({
    ...GOLDEN_6_1,
    accounts: [
      ...GOLDEN_6_1.accounts,
      account({ id: 'gl', provider: 'gitlab', host: 'gitlab.com', username: 'alice' }),
    ],
    repositories: [
      ...GOLDEN_6_1.repositories,
      repository({ id: 'other', remote: 'https://gitlab.com/acme/flags.git', accountId: 'gl' }),
    ],
    environments: [...GOLDEN_6_1.environments, environment({ id: 'other', repositoryId: 'other' })],
  })
  const inlineSecrets = (): string => CANARY
  const all = (o: ReturnType<typeof exportFlipt>): string => JSON.stringify(o)

  it.each(['env', 'file'] as const)('%s mode writes no secret even when the token is available', (mode) => {
    const out = exportFlipt(ws, { secrets: mode, inlineSecrets })
    expect(all(out)).not.toContain(CANARY)
    expect(all(out)).not.toMatch(/ghp_[A-Za-z0-9]{20}|glpat-|github_pat_/)
    expect(fliptSchemaErrors(out.yaml)).toEqual([])
  })
  it('env mode references ${env:…} and lists each variable, without values, in the template', () => {
    const out = exportFlipt(ws, { secrets: 'env' })
    expect(out.yaml).toContain('access_token: ${env:GITHUB_TOKEN}')
    expect(out.yaml).toContain('access_token: ${env:GITLAB_TOKEN}')
    expect(out.envTemplate).toMatch(/^# .*github\.com.*\nGITHUB_TOKEN=$/m)
    expect(out.envTemplate).toMatch(/^GITLAB_TOKEN=$/m)
    expect(out.secretFiles).toEqual([])
  })
  it('names stay the same whichever environments are exported', () => {
    const full = exportFlipt(ws, { secrets: 'env' }).yaml
    const one = exportFlipt(ws, { secrets: 'env', environmentIds: ['other'] }).yaml
    expect(full).toContain('${env:GITLAB_TOKEN}')
    expect(one).toContain('${env:GITLAB_TOKEN}')
    expect(one).not.toContain('GITHUB_TOKEN')
  })
  it('file mode references ${secret:file:…}, turns on the file provider and lists the files', () => {
    const out = exportFlipt(ws, { secrets: 'file', fileBasePath: '/run/flipt' })
    const doc = parse(out.yaml) as { secrets: unknown; credentials: { github: { access_token: string } } }
    expect(doc.credentials.github.access_token).toBe('${secret:file:github-token}')
    expect(doc.secrets).toEqual({ providers: { file: { enabled: true, base_path: '/run/flipt' } } })
    expect(out.secretFiles).toEqual([
      { name: 'github-token', accountId: 'github' },
      { name: 'gitlab-token', accountId: 'gl' },
    ])
  })
  it('file mode uses /etc/flipt/secrets unless told otherwise', () => {
    expect(exportFlipt(ws, { secrets: 'file' }).yaml).toContain('base_path: /etc/flipt/secrets')
  })
  it('inline mode writes the token only then, and warns', () => {
    const out = exportFlipt(ws, { secrets: 'inline', inlineSecrets })
    expect(out.yaml).toContain(`access_token: ${CANARY}`)
    expect(out.warnings.map((w) => w.id)).toContain('export.inline_secrets')
    expect(JSON.stringify(out.warnings)).not.toContain(CANARY)
  })
  it('inline mode falls back to a reference when main has no token', () => {
    const out = exportFlipt(ws, { secrets: 'inline', inlineSecrets: () => null })
    expect(out.yaml).toContain('${env:GITHUB_TOKEN}')
    expect(out.warnings.map((w) => w.id)).toContain('export.inline_secret_unavailable')
  })
  it.each(['env', 'file', 'inline'] as const)(
    '%s mode keeps carried env/secret references exactly',
    (mode) => {
      const carried = workspace({
        credentials: [
          credential({ id: 'a', type: 'access_token', secret: { kind: 'env', name: 'MY_TOKEN' } }),
          credential({
            id: 'b',
            type: 'basic',
            username: 'u',
            secret: { kind: 'secret', provider: 'vault', key: 'flipt' },
          }),
        ],
        repositories: [repository({ id: 'r', remote: 'https://github.com/a/b.git', credentialId: 'a' })],
        environments: [environment({ id: 'e', repositoryId: 'r', default: true })],
      })
      const doc = parse(exportFlipt(carried, { secrets: mode, inlineSecrets }).yaml) as {
        credentials: Record<string, Record<string, unknown>>
      }
      expect(doc.credentials.a?.access_token).toBe('${env:MY_TOKEN}')
      expect(doc.credentials.b?.basic).toEqual({ username: 'u', password: '${secret:vault:flipt}' })
    },
  )
  it('pending (unconfirmed) inline secrets are written as a reference with a warning', () => {
    const pending = workspace({
      credentials: [
        credential({ id: 'a', type: 'access_token', secret: { kind: 'pending', hint: 'ghp_…a1b2' } }),
      ],
      repositories: [repository({ id: 'r', remote: 'https://github.com/a/b.git', credentialId: 'a' })],
      environments: [environment({ id: 'e', repositoryId: 'r', default: true })],
    })
    const out = exportFlipt(pending, { secrets: 'inline', inlineSecrets })
    expect(out.yaml).toContain('access_token: ${env:A_ACCESS_TOKEN}')
    expect(out.warnings.map((w) => w.id)).toContain('export.pending_secret')
  })
})
