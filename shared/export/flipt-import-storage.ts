import type { Repository } from '../domain/repository'
import { collectExtra, setIn, type ImportContext } from './flipt-import-context'
import { asRecord, parseGoDuration, weakBool, weakString } from './flipt-values'

/**
 * Reads one `storage.<id>` entry (flipt-v2.md §1.3) into a repository. Values Flipt would default
 * are filled in as Flipt does; values GitKeys would advise against are kept as written (the doctor
 * reports them), and anything the model cannot hold goes to `extra`, which the exporter writes back.
 */

const KNOWN = [
  'remote',
  'branch',
  'poll_interval',
  'fetch_policy',
  'backend',
  'credentials',
  'ca_cert_path',
  'ca_cert_bytes',
  'insecure_skip_tls',
  'signature',
]

/** Resolves a reference as Flipt does: ids were lowercased, the reference is not. */
export function resolveRef(ref: string, ids: ReadonlyMap<string, string>): string | null {
  return ids.get(ref) ?? null
}

/** Reads a storage; `credentialIds` maps lowercased credential keys to GitKeys ids. */
export function readStorage(
  key: string,
  id: string,
  raw: unknown,
  ctx: ImportContext,
  credentialIds: ReadonlyMap<string, string>,
  current: Repository | undefined,
): Repository {
  const path = ['storage', key]
  const r = asRecord(raw) ?? {}
  if (raw !== null && raw !== undefined && !asRecord(raw))
    ctx.problem(path, `storage: ${id} must be a mapping`)
  const extra = collectExtra(r, KNOWN, path, ctx, (k) =>
    k === 'name'
      ? 'storage.<id>.name is in the docs but not in Flipt v2: Flipt ignores it and its JSON schema rejects it'
      : 'not a Flipt v2 storage setting; kept as written',
  )
  const keep = (field: readonly string[], value: unknown, message: string): void => {
    ctx.problem([...path, ...field], message)
    setIn(extra, field, value)
  }
  const text = (field: string): string | null => {
    const v = r[field]
    if (v === undefined || v === null) return null
    const s = weakString(v)
    if (s === null) keep([field], v, `${field} must be a string`)
    else if (typeof v !== 'string')
      ctx.problem(
        [...path, field],
        `${field} is a YAML ${typeof v}; Flipt reads it as "${s}" (quote it to be sure)`,
      )
    return s
  }

  const remote = text('remote') ?? ''
  let branch = text('branch') ?? 'main'
  if (branch === '') {
    keep(['branch'], '', 'branch is empty; Flipt would use no branch at all')
    branch = 'main'
  }

  const poll = r.poll_interval
  const pollInterval = poll === undefined || poll === null ? '30s' : (weakString(poll) ?? '30s')
  if (typeof poll === 'number') {
    ctx.problem(
      [...path, 'poll_interval'],
      `poll_interval: ${pollInterval} has no unit: Flipt reads it as ${pollInterval}ns and needs at least 1 second (write "30s")`,
    )
  } else if (poll !== undefined && poll !== null) {
    const parsed = parseGoDuration(pollInterval)
    if (!parsed.ok)
      ctx.problem([...path, 'poll_interval'], `poll_interval: time: invalid duration "${pollInterval}"`)
    else if (parsed.ns < 1e9)
      ctx.problem(
        [...path, 'poll_interval'],
        `storage: ${id} storage: poll_interval poll interval must be at least 1 second`,
      )
  }

  const fp = text('fetch_policy')
  if (fp !== null && fp !== 'strict' && fp !== 'lenient')
    keep(
      ['fetch_policy'],
      r.fetch_policy,
      `fetch_policy "${fp}" is neither strict nor lenient; Flipt treats it as strict`,
    )

  const b = asRecord(r.backend) ?? {}
  for (const [k, v] of Object.entries(
    collectExtra(b, ['type', 'path'], [...path, 'backend'], ctx, () => 'not a Flipt backend setting'),
  ))
    setIn(extra, ['backend', k], v)
  const bt = weakString(b.type) ?? 'memory'
  let backend: Repository['backend'] = { type: 'memory' }
  if (bt === 'local') {
    const p = b.path === undefined || b.path === null ? '.' : (weakString(b.path) ?? '.')
    if (p === '')
      keep(['backend', 'path'], '', `storage: ${id} storage: local path non-empty value is required`)
    backend = { type: 'local', path: p === '' ? '.' : p }
  } else if (bt !== 'memory') {
    keep(
      ['backend', 'type'],
      b.type,
      `backend.type "${bt}" is neither memory nor local; Flipt treats it as memory`,
    )
  }

  const caCertPath = text('ca_cert_path')
  const caCertPem = text('ca_cert_bytes')
  if (caCertPath && caCertPem)
    ctx.problem(
      path,
      `storage: ${id} storage: ca_cert please provide only one of ca_cert_path or ca_cert_bytes`,
    )

  let insecureSkipTls = false
  if (r.insecure_skip_tls !== undefined && r.insecure_skip_tls !== null) {
    const v = weakBool(r.insecure_skip_tls)
    if (v === null)
      keep(['insecure_skip_tls'], r.insecure_skip_tls, 'insecure_skip_tls must be true or false')
    insecureSkipTls = v === true
  }

  let credentialId: string | null = null
  const ref = text('credentials')
  if (ref !== null && ref !== '') {
    credentialId = resolveRef(ref, credentialIds)
    if (credentialId === null)
      keep(
        ['credentials'],
        r.credentials,
        `references undefined credential "${ref}" (Flipt lowercases credential ids but not references; it fails at startup with credential "${ref}" not found)`,
      )
  }

  const sig = asRecord(r.signature)
  let author: Repository['author'] = null
  if (sig) {
    const name = weakString(sig.name)
    const email = weakString(sig.email)
    if (name !== null || email !== null) author = { name: name ?? '', email: email ?? '' }
    for (const [k, v] of Object.entries(sig)) {
      if (k === 'name' || k === 'email') continue
      setIn(extra, ['signature', k], v)
      ctx.note(
        [...path, 'signature', k],
        'commit signing is not modelled by GitKeys (needs a Flipt Pro licence); kept as written',
      )
    }
  }

  return {
    id,
    remote,
    branch,
    accountId: null,
    credentialId,
    backend,
    pollInterval,
    fetchPolicy: fp === 'lenient' ? 'lenient' : 'strict',
    caCertPath,
    caCertPem,
    insecureSkipTls,
    author,
    localPath: current?.localPath ?? null,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  }
}
