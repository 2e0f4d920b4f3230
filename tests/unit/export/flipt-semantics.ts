import { parse } from 'yaml'

/**
 * What a Flipt v2 config means once Flipt has loaded it (flipt-v2.md §1): map ids lowercased,
 * defaults applied (storage.default / environments.default when absent, branch main, poll 30s,
 * fetch_policy strict, backend memory / path ".", single environment is the default, name = id),
 * weakly typed scalars decoded, durations compared in nanoseconds, then every default removed so
 * two configs that mean the same compare equal. `renameIds` mirrors GitKeys' reported id rename
 * (`_` → `-`), so configs with such ids can be compared too.
 */

type Rec = Record<string, unknown>
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {})
const UNIT: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 }

function durationNs(v: unknown): unknown {
  if (typeof v === 'number') return v
  if (typeof v !== 'string') return v
  let total = 0
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    total += Number(m[1]) * (UNIT[m[2] ?? ''] ?? 0)
  return total
}

const str = (v: unknown): unknown =>
  typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? '1' : '0') : v
const bool = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v)

function prune(o: Rec): Rec {
  const out: Rec = {}
  for (const [k, v] of Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (v === undefined) continue
    const r = typeof v === 'object' && v !== null && !Array.isArray(v) ? prune(v as Rec) : v
    if (typeof r === 'object' && r !== null && !Array.isArray(r) && Object.keys(r).length === 0) continue
    out[k] = r
  }
  return out
}

/** The loaded meaning of a Flipt config text, for equality checks. */
export function fliptSemantics(text: string, opts: { renameIds?: boolean } = {}): Rec {
  const id = (k: string): string =>
    opts.renameIds ? k.toLowerCase().replace(/[^a-z0-9-]+/g, '-') : k.toLowerCase()
  const ref = (k: unknown): unknown =>
    typeof k === 'string' && opts.renameIds ? k.replace(/[^a-zA-Z0-9-]+/g, '-') : k
  const root: Rec = { ...rec(parse(text)) }
  if (root.version !== undefined) root.version = str(root.version)
  if (root.version === '2.0') delete root.version
  const lowerMap = (v: unknown): Rec => Object.fromEntries(Object.entries(rec(v)).map(([k, x]) => [id(k), x]))

  const creds = lowerMap(root.credentials)
  for (const [k, c0] of Object.entries(creds)) {
    const c = { ...rec(c0) }
    const gh = rec(c.github_app)
    if (gh.installation_id !== undefined) c.github_app = { ...gh, installation_id: str(gh.installation_id) }
    const ssh = rec(c.ssh)
    if (c.ssh !== undefined)
      c.ssh = { ...ssh, insecure_ignore_host_key: ssh.insecure_ignore_host_key === true ? true : undefined }
    creds[k] = c
  }

  const storageIn = lowerMap(root.storage)
  const storage: Rec = Object.keys(storageIn).length === 0 ? { default: {} } : storageIn
  for (const [k, s0] of Object.entries(storage)) {
    const s = { ...rec(s0) }
    if (s.branch === 'main') delete s.branch
    const poll = durationNs(s.poll_interval ?? '30s')
    s.poll_interval = poll === 30e9 ? undefined : poll
    if ((s.fetch_policy ?? 'strict') === 'strict') delete s.fetch_policy
    const backend = { ...rec(s.backend) }
    if ((backend.type ?? 'memory') === 'memory') delete backend.type
    if (backend.type === 'local' && (backend.path ?? '.') === '.') delete backend.path
    s.backend = backend
    s.insecure_skip_tls = bool(s.insecure_skip_tls) === true ? true : undefined
    const sig = { ...rec(s.signature) }
    for (const f of ['name', 'email', 'key_id']) if (sig[f] === '') delete sig[f]
    if (sig.enabled === false) delete sig.enabled
    s.signature = sig
    s.credentials = s.credentials === '' ? undefined : ref(s.credentials)
    if (s.remote === '') delete s.remote
    storage[k] = s
  }

  const envIn = lowerMap(root.environments)
  const envs: Rec =
    Object.keys(envIn).length === 0
      ? { default: { name: 'default', storage: 'default', default: true } }
      : envIn
  const single = Object.keys(envs).length === 1
  for (const [k, e0] of Object.entries(envs)) {
    const e = { ...rec(e0) }
    if ((e.name ?? k) === k) delete e.name
    e.storage = ref(e.storage ?? 'default')
    if (e.storage === 'default') delete e.storage
    const isDefault = e.default === undefined ? single : bool(e.default)
    e.default = isDefault === true ? true : undefined
    if ((e.directory ?? '') === '') delete e.directory
    if (e.scm !== undefined) {
      const scm = { ...rec(e.scm) }
      const api = scm.api_url
      const flipDefault = { github: 'https://api.github.com/', gitlab: 'https://gitlab.com/api/v4/' }
      if (api === '' || api === flipDefault[scm.type as keyof typeof flipDefault]) delete scm.api_url
      scm.credentials = ref(scm.credentials)
      e.scm = scm
    }
    envs[k] = e
  }
  return prune({ ...root, credentials: creds, storage, environments: envs })
}
