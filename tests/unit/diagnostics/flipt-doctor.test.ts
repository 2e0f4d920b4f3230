import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { doctorFliptConfig } from '@shared/diagnostics/flipt-doctor'
import { CANARY, canaryFragments } from '../../support/canary'
import { VECTORS } from '../../support/token-fixtures'

const NOW = new Date('2026-09-01T12:00:00.000Z')
const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'flipt')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')
const ATCTT = 'ATCTT3xFfGN0'

/** A minimal valid config with one storage and one default environment; `extra` is appended as YAML. */
const base = (storage = '', credentials = '', envs = ''): string => `version: "2.0"
credentials:
  default:
    type: access_token
    access_token: \${env:TOKEN}
${credentials}
storage:
  default:
    remote: https://github.com/acme/flags.git
    credentials: default
${storage}
environments:
  default:
    storage: default
${envs}
`
const ENV = { TOKEN: VECTORS.githubWorked }
const load = (yaml: string, env: Record<string, string | undefined> = ENV) =>
  doctorFliptConfig(yaml, env, NOW).findings.filter((f) => f.id.startsWith('flipt.load.'))

/** Each row of flipt-v2.md §2 "Load time": a config, Flipt's exact message, the finding id and subject. */
const MESSAGES: ReadonlyArray<readonly [string, string, string, string, string]> = [
  [
    'version 1.0',
    base().replace('version: "2.0"', 'version: "1.0"'),
    'invalid version: 1.0',
    'flipt.load.version',
    'version',
  ],
  [
    'undefined storage',
    base().replace('storage: default\n\n', 'storage: non_existent\n'),
    'environments: "default" references undefined storage "non_existent"',
    'flipt.load.environment_storage',
    'environments.default.storage',
  ],
  [
    'no default',
    base('', '', '    default: false\n  other:\n    storage: default\n    directory: other\n'),
    'environments: default environment non-empty value is required',
    'flipt.load.no_default',
    'environments',
  ],
  [
    'two defaults',
    base(
      '',
      '',
      '    default: true\n  other:\n    storage: default\n    directory: other\n    default: true\n',
    ),
    'environments: default only one environment can be default',
    'flipt.load.multiple_defaults',
    'environments',
  ],
  [
    'shared directory',
    base(
      '  git:\n    remote: https://github.com/acme/git.git\n',
      '',
      '    default: true\n  prod:\n    storage: git\n  staging:\n    storage: git\n',
    ),
    'environments: directory environments [prod, staging] share the same storage "git" and directory ""',
    'flipt.load.directory_clash',
    'environments.staging.directory',
  ],
  [
    'empty name',
    base('', '', '    name: ""\n'),
    'environments: default environments: name non-empty value is required',
    'flipt.load.environment_name',
    'environments.default.name',
  ],
  [
    'bad scm type',
    base('', '', '    scm:\n      type: invalid\n      credentials: default\n'),
    'environments: default environments: scm unexpected SCM type: "invalid"',
    'flipt.load.scm_type',
    'environments.default.scm.type',
  ],
  [
    'bad api_url',
    base(
      '',
      '',
      '    scm:\n      type: github\n      api_url: https://ghe.acme.com/%zz\n      credentials: default\n',
    ),
    'environments: default environments: scm invalid api url: parse "https://ghe.acme.com/%zz": invalid URL escape "%zz"',
    'flipt.load.scm_api_url',
    'environments.default.scm.api_url',
  ],
  [
    'both CA fields',
    base('    ca_cert_path: /etc/ca.pem\n    ca_cert_bytes: "-----BEGIN CERTIFICATE-----"\n'),
    'storage: default storage: ca_cert please provide only one of ca_cert_path or ca_cert_bytes',
    'flipt.load.ca_both',
    'storage.default.ca_cert_path',
  ],
  [
    'poll interval 500ms',
    base('    poll_interval: 500ms\n'),
    'storage: default storage: poll_interval poll interval must be at least 1 second',
    'flipt.load.poll_interval',
    'storage.default.poll_interval',
  ],
  [
    'empty local path',
    base('    backend:\n      type: local\n      path: ""\n'),
    'storage: default storage: local path non-empty value is required',
    'flipt.load.local_path',
    'storage.default.backend.path',
  ],
  [
    'signing without type',
    base('    signature:\n      enabled: true\n'),
    'storage: default storage: signature type non-empty value is required',
    'flipt.load.signature',
    'storage.default.signature',
  ],
  [
    'signing with x509',
    base('    signature:\n      enabled: true\n      type: x509\n'),
    "storage: default storage: signature type: unsupported signing type: x509 (only 'gpg' is supported)",
    'flipt.load.signature',
    'storage.default.signature',
  ],
  [
    'signing without key_ref',
    base('    signature:\n      enabled: true\n      type: gpg\n'),
    'storage: default storage: signature key_ref non-empty value is required',
    'flipt.load.signature',
    'storage.default.signature',
  ],
  [
    'key_ref without provider',
    base(
      '    signature:\n      enabled: true\n      type: gpg\n      key_ref:\n        path: a\n        key: b\n',
    ),
    'storage: default storage: signature key_ref: secret_reference: provider non-empty value is required',
    'flipt.load.signature',
    'storage.default.signature',
  ],
  [
    'unknown credential type',
    base('', '  other:\n    type: token\n'),
    'credentials: other credentials: type unexpected credential type "token"',
    'flipt.load.credential_type',
    'credentials.other.type',
  ],
  [
    'basic without block',
    base('', '  other:\n    type: basic\n'),
    'credentials: other credentials: basic auth configuration non-empty value is required',
    'flipt.load.credential',
    'credentials.other.basic',
  ],
  [
    'basic half-filled',
    base('', '  other:\n    type: basic\n    basic:\n      username: bot\n'),
    'credentials: other credentials: basic credentials: both username and password for basic auth non-empty value is required',
    'flipt.load.credential',
    'credentials.other.basic',
  ],
  [
    'ssh without block',
    base('', '  other:\n    type: ssh\n'),
    'credentials: other credentials: ssh configuration non-empty value is required',
    'flipt.load.credential',
    'credentials.other.ssh',
  ],
  [
    'ssh without password',
    base('', '  other:\n    type: ssh\n    ssh:\n      private_key_path: /k\n'),
    'credentials: other credentials: ssh credentials: ssh authentication credentials: password non-empty value is required',
    'flipt.load.credential',
    'credentials.other.ssh.password',
  ],
  [
    'ssh with both keys',
    base(
      '',
      '  other:\n    type: ssh\n    ssh:\n      password: x\n      private_key_path: /k\n      private_key_bytes: y\n',
    ),
    'credentials: other credentials: ssh credentials: ssh authentication credentials: private_key please provide exclusively one of private_key_bytes or private_key_path',
    'flipt.load.credential',
    'credentials.other.ssh',
  ],
  [
    'access token missing',
    base('', '  other:\n    type: access_token\n'),
    'credentials: other credentials: access token non-empty value is required',
    'flipt.load.credential',
    'credentials.other.access_token',
  ],
  [
    'github_app without block',
    base('', '  other:\n    type: github_app\n'),
    'credentials: other credentials: github_app configuration non-empty value is required',
    'flipt.load.credential',
    'credentials.other.github_app',
  ],
  [
    'github_app without client_id',
    base(
      '',
      '  other:\n    type: github_app\n    github_app:\n      installation_id: 1\n      private_key_path: /k\n',
    ),
    'credentials: other credentials: github_app credentials: github_app client_id non-empty value is required',
    'flipt.load.credential',
    'credentials.other.github_app.client_id',
  ],
  [
    'github_app without installation_id',
    base(
      '',
      '  other:\n    type: github_app\n    github_app:\n      client_id: Iv1\n      private_key_path: /k\n',
    ),
    'credentials: other credentials: github_app credentials: github_app installation_id non-empty value is required',
    'flipt.load.credential',
    'credentials.other.github_app.installation_id',
  ],
  [
    'github_app without key',
    base(
      '',
      '  other:\n    type: github_app\n    github_app:\n      client_id: Iv1\n      installation_id: 7\n',
    ),
    'credentials: other credentials: github_app credentials: github_app private_key_path or private_key_bytes non-empty value is required',
    'flipt.load.credential',
    'credentials.other.github_app',
  ],
  [
    'github_app with both keys',
    base(
      '',
      '  other:\n    type: github_app\n    github_app:\n      client_id: Iv1\n      installation_id: 7\n      private_key_path: /k\n      private_key_bytes: x\n',
    ),
    'credentials: other credentials: github_app credentials: github_app please provide exclusively one of private_key_path or private_key_bytes',
    'flipt.load.credential',
    'credentials.other.github_app',
  ],
  [
    'file secrets without base_path',
    `${base()}secrets:\n  providers:\n    file:\n      enabled: true\n`,
    'secrets.providers.file: base_path non-empty value is required',
    'flipt.load.secrets_base_path',
    'secrets.providers.file.base_path',
  ],
]

describe('doctorFliptConfig: Flipt load-time validation', () => {
  it('accepts the base config', () => {
    expect(load(base())).toEqual([])
  })

  it.each(MESSAGES)('%s: Flipt says it exactly', (_name, yaml, message, id, subject) => {
    const found = load(yaml)
    expect(found.map((f) => [f.id, f.subject])).toEqual([[id, subject]])
    expect(found[0]?.detail.startsWith(`${message}.`)).toBe(true)
    expect(found[0]?.title).toBe(`Flipt refuses to start: ${message}`)
    expect(found[0]?.severity).toBe('error')
  })

  it("reports errors in Flipt's order: decoding, version, environment→storage, environments, storage, credentials, secrets", () => {
    const yaml = `version: "1.0"
credentials:
  c:
    type: access_token
storage:
  s:
    remote: https://github.com/acme/flags.git
    poll_interval: soon
  t:
    remote: https://github.com/acme/other.git
    poll_interval: 10ms
environments:
  e:
    storage: missing
    scm:
      type: svn
secrets:
  providers:
    file:
      enabled: true
`
    const ids = load(yaml).map((f) => f.id)
    expect(ids).toEqual([
      'flipt.load.duration',
      'flipt.load.version',
      'flipt.load.environment_storage',
      'flipt.load.scm_type',
      'flipt.load.poll_interval',
      'flipt.load.credential',
      'flipt.load.secrets_base_path',
    ])
    const all = doctorFliptConfig(yaml, {}, NOW).findings
    expect(all[0]?.title).toMatch(/^Flipt refuses to start: time: invalid duration "soon"/)
    expect(all[1]?.title).toMatch(/^Flipt also refuses: invalid version: 1\.0/)
  })

  it('reads a bare poll_interval as nanoseconds, and explains why', () => {
    const found = doctorFliptConfig(base('    poll_interval: 30\n'), ENV, NOW).findings
    const load = found.find((f) => f.id === 'flipt.load.poll_interval')
    expect(load?.detail).toMatch(/nanosecond/i)
    expect(
      found.some(
        (f) =>
          f.id === 'storage.poll_interval_too_short' ||
          f.id === 'storage.poll_interval_invalid' ||
          f.id === 'storage.poll_interval_no_unit',
      ),
    ).toBe(false)
  })

  it('does not repeat what a load error already says', () => {
    const found = doctorFliptConfig(
      base('', '', '    default: false\n  other:\n    storage: default\n    directory: o\n'),
      ENV,
      NOW,
    ).findings
    expect(found.filter((f) => f.id.endsWith('no_default')).map((f) => f.id)).toEqual([
      'flipt.load.no_default',
    ])
    expect(found.some((f) => f.severity === 'ok')).toBe(false)
  })
})

describe('doctorFliptConfig: ${env:…} as Flipt resolves it', () => {
  it("turns an unset variable into '' and trips Flipt's non-empty check", () => {
    const found = doctorFliptConfig(base(), {}, NOW).findings
    expect(found.map((f) => [f.id, f.subject])).toEqual(
      expect.arrayContaining([
        ['flipt.load.credential', 'credentials.default.access_token'],
        ['env.ref_unset', 'credentials.default.access_token'],
      ]),
    )
    expect(found[0]?.detail).toContain(
      'credentials: default credentials: access token non-empty value is required',
    )
  })

  it('does not interpolate a reference inside a longer value', () => {
    const yaml = base().replace('https://github.com/acme/flags.git', 'https://${env:HOST}/acme/flags.git')
    const r = doctorFliptConfig(yaml, { ...ENV, HOST: 'github.com' }, NOW)
    expect(r.findings.map((f) => [f.id, f.subject])).toContainEqual([
      'env.ref_not_whole',
      'storage.default.remote',
    ])
    expect(r.targets[0]?.remote).toBe('https://${env:HOST}/acme/flags.git')
  })

  it('resolves whole-value references in any field, before validation', () => {
    const yaml = base().replace('storage: default\n\n', 'storage: ${env:STORE}\n')
    expect(load(yaml, { ...ENV, STORE: 'default' })).toEqual([])
    expect(load(yaml, ENV).map((f) => f.detail.split('. ')[0])).toEqual([
      'environments: "default" references undefined storage ""',
    ])
    const remote = doctorFliptConfig(
      base().replace('https://github.com/acme/flags.git', '${env:REMOTE}'),
      { ...ENV, REMOTE: 'https://github.com/acme/x.git' },
      NOW,
    )
    expect(remote.targets[0]?.remote).toBe('https://github.com/acme/x.git')
  })

  it('flags v1 ${NAME} syntax and malformed ${secret:…} references', () => {
    const yaml = base(
      '',
      '  v1:\n    type: access_token\n    access_token: ${GITHUB_TOKEN}\n  s:\n    type: access_token\n    access_token: ${secret:github-token}\n',
    )
    const ids = doctorFliptConfig(yaml, ENV, NOW).findings.map((f) => [f.id, f.subject])
    expect(ids).toContainEqual(['env.v1_syntax', 'credentials.v1.access_token'])
    expect(ids).toContainEqual(['secret.ref_malformed', 'credentials.s.access_token'])
  })

  it("analyses the resolved token: an Atlassian access token in a GitHub storage is another provider's", () => {
    const token = `${ATCTT}${'a'.repeat(171)}=00000000`
    const ids = doctorFliptConfig(base(), { TOKEN: token }, NOW).findings.map((f) => f.id)
    expect(ids).toContain('token.wrong_provider')
  })
})

describe('doctorFliptConfig: the example configs of flipt-v2.md §6', () => {
  const env = {
    GITHUB_TOKEN: VECTORS.githubWorked,
    GITLAB_TOKEN: VECTORS.gitlabFabricated,
    BITBUCKET_ACCESS_TOKEN: undefined,
    AZURE_DEVOPS_PAT: VECTORS.azureFabricatedBase64,
  }
  it.each(['docs-example-6.1.yaml', 'docs-example-6.2.yaml'])('%s passes with its variables set', (name) => {
    const r = doctorFliptConfig(fixture(name), env, NOW)
    expect(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([])
    expect(r.findings.some((f) => f.id === 'checks.storage_ok')).toBe(true)
    expect(r.parseProblems).toEqual([])
  })

  it('docs-example-6.3.yaml passes with a Bitbucket access token and an Azure PAT', async () => {
    const { atlassianToken, rng } = await import('../../support/token-fixtures')
    const r = doctorFliptConfig(
      fixture('docs-example-6.3.yaml'),
      { ...env, BITBUCKET_ACCESS_TOKEN: atlassianToken(rng(3), 'ATCTT') },
      NOW,
    )
    expect(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([])
    expect(r.targets.map((t) => [t.subject, t.credential?.type, t.providerGuess])).toEqual([
      ['storage.staging', 'access_token', 'bitbucket'],
      ['storage.production', 'basic', 'azure'],
    ])
  })

  it('reports what a real-world file gets wrong', () => {
    const ids = doctorFliptConfig(fixture('real-world/13-advised-values.yaml'), {}, NOW).findings.map(
      (f) => f.id,
    )
    expect(ids).toEqual(
      expect.arrayContaining(['flipt.load.poll_interval', 'flipt.storage_name_key', 'api_url.gitea_api_v1']),
    )
  })
})

describe('doctorFliptConfig: YAML errors, targets and secrets', () => {
  it('reports a YAML error with its line and column', () => {
    const r = doctorFliptConfig('version: "2.0"\nstorage:\n  default:\n    remote: [\n', {}, NOW)
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]?.id).toBe('flipt.yaml_error')
    expect(r.findings[0]?.detail).toMatch(/\(line \d+, column \d+\)/)
    expect(r.parseProblems[0]?.message).toMatch(/\(line \d+, column \d+\)$/)
    expect(r.targets).toEqual([])
  })

  it("refuses duplicate keys as Flipt's YAML decoder does", () => {
    const r = doctorFliptConfig('storage:\n  a: {}\n  a: {}\n', {}, NOW)
    expect(r.findings.map((f) => f.id)).toEqual(['flipt.yaml_error'])
  })

  it('describes how each storage would authenticate', () => {
    const yaml = `credentials:
  key:
    type: ssh
    ssh:
      user: deploy
      password: x
      private_key_path: /k
  vault:
    type: basic
    basic:
      username: bot
      password: \${secret:file:pw}
storage:
  a:
    remote: git@github.com:acme/a.git
    credentials: key
    insecure_skip_tls: "true"
  b:
    remote: https://gitlab.acme.com/acme/b.git
    credentials: vault
    ca_cert_path: /etc/ca.pem
  c:
    remote: ""
environments:
  a: { storage: a, default: true }
  b: { storage: b, directory: b }
  c: { storage: c, directory: c }
`
    const t = doctorFliptConfig(yaml, {}, NOW).targets
    expect(t).toEqual([
      {
        subject: 'storage.a',
        remote: 'git@github.com:acme/a.git',
        branch: 'main',
        credential: { type: 'ssh', username: 'deploy', secret: null },
        caCertPath: null,
        caCertBytes: null,
        insecureSkipTls: true,
        providerGuess: 'github',
      },
      {
        subject: 'storage.b',
        remote: 'https://gitlab.acme.com/acme/b.git',
        branch: 'main',
        credential: { type: 'basic', username: 'bot', secret: null },
        caCertPath: '/etc/ca.pem',
        caCertBytes: null,
        insecureSkipTls: false,
        providerGuess: 'gitlab',
      },
    ])
  })

  it('keeps the resolved secret in ProbeTarget.secret only (canary)', () => {
    const yaml = base(
      '',
      '  inline:\n    type: basic\n    basic:\n      username: bot\n      password: ${env:PW}\n',
    )
    const r = doctorFliptConfig(yaml, { TOKEN: CANARY, PW: `${CANARY}\n` }, NOW)
    expect(r.targets[0]?.credential?.secret).toBe(CANARY)
    const withoutSecrets = JSON.stringify({
      ...r,
      targets: r.targets.map((t) => ({
        ...t,
        credential: t.credential ? { ...t.credential, secret: null } : null,
      })),
    })
    for (const frag of canaryFragments()) expect(withoutSecrets).not.toContain(frag)
    expect(r.findings.length).toBeGreaterThan(0)
  })

  it('keeps an inline secret of the file out of the findings too', () => {
    const r = doctorFliptConfig(base().replace('${env:TOKEN}', CANARY), {}, NOW)
    expect(r.findings.map((f) => f.id)).toContain('secret.inline')
    const text = JSON.stringify({ findings: r.findings, parseProblems: r.parseProblems })
    for (const frag of canaryFragments()) expect(text).not.toContain(frag)
  })
})

describe('one problem, one finding', () => {
  it('a poll interval without a unit is reported once, with Flipt’s own words, not again by the unit rule', () => {
    const findings = doctorFliptConfig(base('    poll_interval: 30'), ENV, NOW).findings.filter(
      (f) => f.subject === 'storage.default.poll_interval',
    )
    expect(findings.map((f) => f.id)).toEqual(['flipt.load.poll_interval'])
    expect(findings[0]?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'storage.default.poll_interval',
      value: '30s',
    })
  })
})
