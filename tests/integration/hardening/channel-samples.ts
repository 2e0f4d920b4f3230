import type { Channel, RequestOf } from '@shared/ipc/contract'

const fields = {
  provider: 'github',
  deployment: 'cloud',
  // A loopback port nothing listens on: a payload that happens to parse and reaches a probe fails fast.
  host: '127.0.0.1:9',
  pathPrefix: null,
  label: 'Fuzz',
  username: 'octo',
  tokenKind: 'classic_pat',
  scopes: ['repo'],
  expiresAt: '2027-01-31',
  apiUrl: null,
  labels: ['ci'],
} as const satisfies RequestOf<'accounts:add'>['fields']

const repository = {
  id: '',
  remote: 'https://github.com/acme/flags.git',
  branch: 'main',
  accountId: 'github-fuzz',
  credentialId: null,
  backend: { type: 'local', path: '/srv/flipt' },
  pollInterval: '30s',
  fetchPolicy: 'strict',
  caCertPath: null,
  caCertPem: null,
  insecureSkipTls: false,
  author: { name: 'Flipt', email: 'flipt@example.com' },
  localPath: null,
} as const satisfies RequestOf<'repositories:save'>['repository']

const environment = {
  id: '',
  name: 'Production',
  default: true,
  repositoryId: 'flags',
  directory: 'prod',
  scm: { type: 'github', apiUrl: null, accountId: 'github-fuzz', credentialId: null },
  dflow: { application: 'shop', environment: 'prod', service: 'flags' },
} as const satisfies RequestOf<'environments:save'>['environment']

const exportRequest: RequestOf<'export:preview'> = {
  format: 'flipt',
  environmentIds: ['prod'],
  secrets: 'env',
}
const repoOp = { repositoryId: 'flags', operationId: 'op-fuzz-0001' } as const

/**
 * One well-formed request per channel (a mapped type: a new channel does not compile until it has
 * one). The fuzzer only ever sends mutations of these, so none of them needs to be dispatched.
 */
export const VALID_REQUESTS: { readonly [C in Channel]: RequestOf<C> } = {
  'app:info': {},
  'vault:status': {},
  'vault:allow-weak-storage': { confirm: true },
  'accounts:list': {},
  'accounts:analyze-token': {
    token: 'ghp_x',
    provider: 'github',
    host: 'github.com',
    deployment: 'cloud',
    tokenKind: 'classic_pat',
  },
  'accounts:add': { fields, token: 'ghp_x' },
  'accounts:update': { id: 'github-fuzz', fields },
  'accounts:rotate': { id: 'github-fuzz', token: 'ghp_x', expiresAt: '2027-01-31', everywhere: true },
  'accounts:usage': { id: 'github-fuzz' },
  'accounts:remove': { id: 'github-fuzz', confirm: true },
  'accounts:open-token-page': {
    provider: 'github',
    deployment: 'cloud',
    host: 'github.com',
    pathPrefix: null,
    tokenKind: 'classic_pat',
    use: 'flipt_sync',
  },
  'accounts:test': { fields, token: 'ghp_x' },
  'accounts:copy-token': { id: 'github-fuzz' },
  'workspace:get': {},
  'repositories:save': { repository },
  'repositories:remove': { id: 'flags', confirm: true },
  'environments:save': { environment },
  'environments:remove': { id: 'prod' },
  'git:test': repoOp,
  'git:probe-write': repoOp,
  'git:run': { ...repoOp, op: 'fetch' },
  'git:cancel': { operationId: 'op-fuzz-0001' },
  'export:preview': exportRequest,
  'export:save': { request: exportRequest, confirmInline: false, writeSecretFiles: false },
  'export:copy': { ...exportRequest, part: 'document' },
  'import:open-file': {},
  'import:preview-text': { text: 'version: "2.0"\n' },
  'import:apply': { sessionId: '0123456789abcdef01234567', moveInlineSecrets: false },
  'activity:list': { limit: 10, subject: 'flags' },
  'activity:export': {},
  'dashboard:get': {},
  'settings:get': {},
  'settings:update': {
    expiryWarningDays: 14,
    notifications: true,
    proxy: 'http://proxy.example:3128',
    noProxy: 'localhost,127.0.0.1',
  },
  'doctor:run': { scope: { kind: 'repository', id: 'flags' }, online: false },
  'doctor:explain': { text: 'fatal: Authentication failed', accountId: 'github-fuzz', provider: 'github' },
  'doctor:apply-fix': { subject: 'repository:flags.branch', value: 'main' },
  'support:report': {},
  'support:save': {},
  'support:copy': {},
  'app:open-external': { url: 'https://github.com/settings/tokens' },
  'dialog:choose-folder': { title: 'Choose', defaultPath: '/tmp' },
}

/** A path into a request and the value found there. */
export type FieldAt = { readonly path: readonly string[]; readonly value: unknown }

/** Every field of a request, nested objects included (array items are covered by their array). */
export function fieldsOf(value: unknown, path: readonly string[] = []): FieldAt[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([k, v]) => [
    { path: [...path, k], value: v },
    ...fieldsOf(v, [...path, k]),
  ])
}

/**
 * Values of a different JSON type than `v` (null is left out: some fields are nullable and say so).
 * A string field gets a number, a boolean, a list and an object, and so on.
 */
export function wrongTypesFor(v: unknown): unknown[] {
  const all: Record<string, unknown[]> = {
    string: [42, true, ['x'], { s: 'x' }],
    number: ['1', false, [1], { n: 1 }],
    boolean: ['true', 1, [true], { b: true }],
    array: ['x', 7, { 0: 'x' }],
    object: ['x', 7, true, []],
    null: [7, true, []],
  }
  const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v
  return all[kind] ?? []
}

/** A deep copy of a JSON request with `value` set at `path`. */
export function withField(base: unknown, path: readonly string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
  let cur: Record<string, unknown> = copy
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string, unknown>
  const last = path[path.length - 1]
  if (last !== undefined)
    Object.defineProperty(cur, last, { value, enumerable: true, writable: true, configurable: true })
  return copy
}
