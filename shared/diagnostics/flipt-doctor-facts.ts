import type { Workspace } from '../domain/workspace'
import { analyzeToken } from '../providers/token-analysis'
import { parseRemote } from '../providers/remote-parse'
import type { FliptFacts, SecretFacts, SecretField } from './diagnose.types'
import type { RefFacts } from './flipt-doctor-tree'
import { ENV_REF_RE, SECRET_REF_RE, asRecord, weakBool, weakString } from '../export/flipt-values'

/**
 * Facts the Flipt doctor gathers from the file itself: what the GitKeys model cannot hold
 * (FliptFacts) and, per credential secret, how its reference resolves (SecretFacts). Token analysis
 * of resolved values happens here; the values themselves never leave this module.
 */

type Tree = Readonly<Record<string, unknown>>
type Env = Readonly<Record<string, string | undefined>>
const entries = (v: unknown): [string, Tree][] =>
  Object.entries(asRecord(v) ?? {}).map(([k, x]) => [k, asRecord(x) ?? {}])
const text = (v: unknown): string => weakString(v) ?? ''

/** Raw-config facts (see FliptFacts). `raw` keeps keys as written; `resolved` is Flipt's view. */
export function fliptFactsOf(raw: Tree, resolved: Tree, refs: RefFacts): FliptFacts {
  const storageIds = new Set(Object.keys(asRecord(resolved.storage) ?? {}))
  const credentialIds = new Set(Object.keys(asRecord(resolved.credentials) ?? {}))
  const references: FliptFacts['references'] = []
  for (const [id, s] of entries(resolved.storage)) {
    const written = text(s.credentials)
    if (written !== '')
      references.push({
        subject: `storage.${id}.credentials`,
        target: 'credentials',
        written,
        resolvedId: credentialIds.has(written) ? written : null,
      })
  }
  for (const [id, e] of entries(resolved.environments)) {
    const storage = text(e.storage)
    references.push({
      subject: `environments.${id}.storage`,
      target: 'storage',
      written: storage,
      resolvedId: storageIds.has(storage) ? storage : null,
    })
    const cred = text(asRecord(e.scm)?.credentials)
    if (cred !== '')
      references.push({
        subject: `environments.${id}.scm.credentials`,
        target: 'credentials',
        written: cred,
        resolvedId: credentialIds.has(cred) ? cred : null,
      })
  }
  const uppercaseIds = (['storage', 'credentials', 'environments'] as const).flatMap((section) =>
    Object.keys(asRecord(raw[section]) ?? {})
      .filter((k) => k !== k.toLowerCase())
      .map((written) => ({ section, written })),
  )
  const file = asRecord(asRecord(asRecord(resolved.secrets)?.providers)?.file)
  const basePath = text(file?.base_path)
  return {
    storageNameKeys: entries(resolved.storage)
      .filter(([, s]) => 'name' in s)
      .map(([id]) => id),
    bareDurations: Object.entries(asRecord(raw.storage) ?? {}).flatMap(([k, s]) => {
      const p = asRecord(s)?.poll_interval
      return typeof p === 'number' ? [{ storageId: k.toLowerCase(), value: String(p) }] : []
    }),
    unknownCredentialTypes: entries(resolved.credentials)
      .filter(([, c]) => !['basic', 'ssh', 'access_token', 'github_app'].includes(text(c.type)))
      .map(([id, c]) => ({ credentialId: id, type: text(c.type) })),
    references,
    uppercaseIds,
    ...refs,
    secretsFileProvider: {
      enabled: weakBool(file?.enabled) === true,
      basePath: basePath === '' ? null : basePath,
    },
    absentApiUrls: entries(resolved.environments)
      .filter(([, e]) => asRecord(e.scm) !== null && text(asRecord(e.scm)?.api_url) === '')
      .map(([id]) => id),
    signingStorages: entries(resolved.storage)
      .filter(([, s]) => weakBool(asRecord(s.signature)?.enabled) === true)
      .map(([id]) => id),
    licenceKeyPresent: text(asRecord(resolved.license)?.key) !== '',
  }
}

const FIELDS: readonly {
  readonly field: SecretField
  readonly path: readonly string[]
  readonly token: boolean
}[] = [
  { field: 'access_token', path: ['access_token'], token: true },
  { field: 'basic.password', path: ['basic', 'password'], token: true },
  { field: 'ssh.password', path: ['ssh', 'password'], token: false },
  { field: 'ssh.private_key_bytes', path: ['ssh', 'private_key_bytes'], token: false },
  { field: 'github_app.private_key_bytes', path: ['github_app', 'private_key_bytes'], token: false },
]

/** Where a credential is used, for the token analysis context: the first storage remote, else the SCM type. */
function usageContext(ws: Workspace, credentialId: string, now: Date) {
  const repo = ws.repositories.find((r) => r.credentialId === credentialId && parseRemote(r.remote) !== null)
  const parsed = repo ? parseRemote(repo.remote) : null
  if (parsed) return { provider: parsed.provider, host: parsed.host, deployment: parsed.deployment, now }
  const scm = ws.environments.find((e) => e.scm?.credentialId === credentialId)?.scm?.type
  return scm ? { provider: scm, now } : { now }
}

/** The secret facts of every credential field of the file, with the analysis of resolved token values. */
export function secretFactsOf(raw: Tree, env: Env, ws: Workspace, now: Date): SecretFacts[] {
  const out: SecretFacts[] = []
  for (const [key, c] of Object.entries(asRecord(raw.credentials) ?? {})) {
    const cred = asRecord(c)
    if (!cred) continue
    const id = key.toLowerCase()
    for (const f of FIELDS) {
      let v: unknown = cred
      for (const k of f.path) v = asRecord(v)?.[k]
      const value = weakString(v)
      const base = { credentialId: id, field: f.field, envName: null, envState: null } as const
      if (value === null || value === '') {
        if (v !== undefined) out.push({ ...base, source: 'none', resolved: false, analysis: null })
        continue
      }
      const ctx = () => usageContext(ws, id, now)
      const envRef = ENV_REF_RE.exec(value)
      if (envRef?.[1] !== undefined) {
        const got = env[envRef[1]]
        out.push({
          ...base,
          source: 'env',
          envName: envRef[1],
          envState: got === undefined ? 'unset' : got === '' ? 'empty' : 'set',
          resolved: got !== undefined && got !== '',
          analysis: f.token && got ? analyzeToken(got, ctx()) : null,
        })
      } else if (SECRET_REF_RE.test(value)) {
        out.push({ ...base, source: 'secret', resolved: false, analysis: null })
      } else {
        out.push({
          ...base,
          source: 'pending',
          resolved: true,
          analysis: f.token ? analyzeToken(value, ctx()) : null,
        })
      }
    }
  }
  return out
}
