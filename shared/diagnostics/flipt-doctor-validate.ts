import { parseGoDuration, asRecord, weakBool, weakString } from '../export/flipt-values'

/**
 * Flipt v2's load-time validation (`config.Load`), in Flipt's order and with its exact messages
 * (flipt-v2.md §2; `errFieldWrap` / `errFieldRequired` nest as "<typ>: <field> <err>"): decoding
 * (durations, bools, ints), then the root checks (version, environment → storage), then the sections
 * in struct order: environments, storage, credentials, secrets. Flipt stops at the first error; this
 * lists them all in that order. Go iterates maps in random order, so among entries of one section
 * the order here is the file's.
 */

/** One load-time error: a stable id, the config path and Flipt's message. */
export type LoadError = { readonly id: string; readonly subject: string; readonly message: string }

type Tree = Readonly<Record<string, unknown>>
const entries = (v: unknown): [string, Tree][] =>
  Object.entries(asRecord(v) ?? {}).map(([k, x]) => [k, asRecord(x) ?? {}])
const text = (v: unknown): string => weakString(v) ?? ''
const SCM = new Set(['github', 'gitea', 'gitlab', 'azure', 'bitbucket'])
const CREDENTIAL_TYPES = new Set(['basic', 'ssh', 'access_token', 'github_app'])

/** Go's url.Parse failures that matter for api_url (control characters, bad escapes, bad ports, no scheme). */
function goUrlError(u: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(u)) return `parse "${u}": net/url: invalid control character in URL`
  const esc = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(u)
  if (esc) return `parse "${u}": invalid URL escape "%${esc[1] ?? ''}"`
  if (u.startsWith(':')) return `parse "${u}": missing protocol scheme`
  const port = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*?:([^/?#\]]*)(?:[/?#]|$)/i.exec(u)
  if (port && port[1] !== undefined && !/^\d*$/.test(port[1]))
    return `parse "${u}": invalid port ":${port[1]}" after host`
  return null
}

/** Decoding errors (mapstructure), which happen before any validation. The wrapper text is not pinned (flipt-v2.md §2 last row). */
function decodeErrors(root: Tree): LoadError[] {
  const out: LoadError[] = []
  for (const [id, s] of entries(root.storage)) {
    const p = s.poll_interval
    if (typeof p === 'string') {
      const d = parseGoDuration(p)
      if (!d.ok)
        out.push({ id: 'flipt.load.duration', subject: `storage.${id}.poll_interval`, message: d.error })
    }
    if (
      s.insecure_skip_tls !== undefined &&
      s.insecure_skip_tls !== null &&
      weakBool(s.insecure_skip_tls) === null
    )
      out.push({
        id: 'flipt.load.decode',
        subject: `storage.${id}.insecure_skip_tls`,
        message: `strconv.ParseBool: parsing "${text(s.insecure_skip_tls)}": invalid syntax`,
      })
  }
  for (const [id, c] of entries(root.credentials)) {
    const inst = asRecord(c.github_app)?.installation_id
    if (typeof inst === 'string' && inst !== '' && !/^[+-]?\d+$/.test(inst))
      out.push({
        id: 'flipt.load.decode',
        subject: `credentials.${id}.github_app.installation_id`,
        message: `strconv.ParseInt: parsing "${inst}": invalid syntax`,
      })
  }
  return out
}

function rootChecks(root: Tree): LoadError[] {
  const out: LoadError[] = []
  if (root.version !== undefined && root.version !== null && text(root.version) !== '2.0')
    out.push({
      id: 'flipt.load.version',
      subject: 'version',
      message: `invalid version: ${text(root.version)}`,
    })
  const storages = new Set(Object.keys(asRecord(root.storage) ?? {}))
  for (const [id, e] of entries(root.environments)) {
    const ref = text(e.storage)
    if (!storages.has(ref))
      out.push({
        id: 'flipt.load.environment_storage',
        subject: `environments.${id}.storage`,
        message: `environments: "${id}" references undefined storage "${ref}"`,
      })
  }
  return out
}

function environmentChecks(root: Tree): LoadError[] {
  const out: LoadError[] = []
  const envs = entries(root.environments)
  for (const [id, e] of envs) {
    const at = `environments: ${id} environments:`
    if (text(e.name) === '')
      out.push({
        id: 'flipt.load.environment_name',
        subject: `environments.${id}.name`,
        message: `${at} name non-empty value is required`,
      })
    if (e.scm === undefined || e.scm === null) continue
    const scm = asRecord(e.scm) ?? {}
    const type = text(scm.type)
    if (!SCM.has(type))
      out.push({
        id: 'flipt.load.scm_type',
        subject: `environments.${id}.scm.type`,
        message: `${at} scm unexpected SCM type: "${type}"`,
      })
    const api = goUrlError(text(scm.api_url))
    if (api)
      out.push({
        id: 'flipt.load.scm_api_url',
        subject: `environments.${id}.scm.api_url`,
        message: `${at} scm invalid api url: ${api}`,
      })
  }
  const defaults = envs.filter(([, e]) => weakBool(e.default) === true).length
  if (defaults === 0)
    out.push({
      id: 'flipt.load.no_default',
      subject: 'environments',
      message: 'environments: default environment non-empty value is required',
    })
  if (defaults > 1)
    out.push({
      id: 'flipt.load.multiple_defaults',
      subject: 'environments',
      message: 'environments: default only one environment can be default',
    })
  const groups = new Map<string, string[]>()
  for (const [id, e] of envs) {
    const key = JSON.stringify([text(e.storage), text(e.directory)])
    groups.set(key, [...(groups.get(key) ?? []), id])
  }
  for (const [key, ids] of groups) {
    if (ids.length < 2) continue
    const [storage, dir] = JSON.parse(key) as [string, string]
    out.push({
      id: 'flipt.load.directory_clash',
      subject: `environments.${[...ids].sort()[1] ?? ids[1] ?? ''}.directory`,
      message: `environments: directory environments [${[...ids].sort().join(', ')}] share the same storage "${storage}" and directory "${dir}"`,
    })
  }
  return out
}

function signatureChecks(id: string, s: Tree): LoadError[] {
  const sig = asRecord(s.signature)
  if (!sig || weakBool(sig.enabled) !== true) return []
  const at = `storage: ${id} storage: signature`
  const subject = `storage.${id}.signature`
  const type = text(sig.type)
  if (type === '')
    return [{ id: 'flipt.load.signature', subject, message: `${at} type non-empty value is required` }]
  if (type !== 'gpg')
    return [
      {
        id: 'flipt.load.signature',
        subject,
        message: `${at} type: unsupported signing type: ${type} (only 'gpg' is supported)`,
      },
    ]
  const ref = asRecord(sig.key_ref)
  if (!ref)
    return [{ id: 'flipt.load.signature', subject, message: `${at} key_ref non-empty value is required` }]
  const missing = ['provider', 'path', 'key'].find((k) => text(ref[k]) === '')
  return missing
    ? [
        {
          id: 'flipt.load.signature',
          subject,
          message: `${at} key_ref: secret_reference: ${missing} non-empty value is required`,
        },
      ]
    : []
}

function storageChecks(root: Tree): LoadError[] {
  const out: LoadError[] = []
  for (const [id, s] of entries(root.storage)) {
    const at = `storage: ${id} storage:`
    if (text(s.ca_cert_path) !== '' && text(s.ca_cert_bytes) !== '')
      out.push({
        id: 'flipt.load.ca_both',
        subject: `storage.${id}.ca_cert_path`,
        message: `${at} ca_cert please provide only one of ca_cert_path or ca_cert_bytes`,
      })
    const p = s.poll_interval
    const ns = typeof p === 'number' ? p : typeof p === 'string' ? parseGoDuration(p) : null
    const value = typeof ns === 'number' ? ns : ns?.ok ? ns.ns : null
    if (value !== null && value < 1e9)
      out.push({
        id: 'flipt.load.poll_interval',
        subject: `storage.${id}.poll_interval`,
        message: `${at} poll_interval poll interval must be at least 1 second`,
      })
    const backend = asRecord(s.backend) ?? {}
    if (text(backend.type) === 'local' && text(backend.path) === '')
      out.push({
        id: 'flipt.load.local_path',
        subject: `storage.${id}.backend.path`,
        message: `${at} local path non-empty value is required`,
      })
    out.push(...signatureChecks(id, s))
  }
  return out
}

function credentialChecks(root: Tree): LoadError[] {
  const out: LoadError[] = []
  for (const [id, c] of entries(root.credentials)) {
    const at = `credentials: ${id} credentials:`
    const err = (sub: string, message: string): void => {
      out.push({
        id: 'flipt.load.credential',
        subject: `credentials.${id}${sub}`,
        message: `${at} ${message}`,
      })
    }
    const type = text(c.type)
    if (!CREDENTIAL_TYPES.has(type)) {
      out.push({
        id: 'flipt.load.credential_type',
        subject: `credentials.${id}.type`,
        message: `${at} type unexpected credential type "${type}"`,
      })
      continue
    }
    const block = asRecord(c[type])
    if (type === 'access_token') {
      if (text(c.access_token) === '') err('.access_token', 'access token non-empty value is required')
    } else if (!block) {
      err(`.${type}`, `${type === 'basic' ? 'basic auth' : type} configuration non-empty value is required`)
    } else if (type === 'basic') {
      if ((text(block.username) === '') !== (text(block.password) === ''))
        err(
          '.basic',
          'basic credentials: both username and password for basic auth non-empty value is required',
        )
    } else if (type === 'ssh') {
      const ssh = 'ssh credentials: ssh authentication credentials:'
      if (text(block.password) === '') err('.ssh.password', `${ssh} password non-empty value is required`)
      else if ((text(block.private_key_bytes) === '') === (text(block.private_key_path) === ''))
        err(
          '.ssh',
          `${ssh} private_key please provide exclusively one of private_key_bytes or private_key_path`,
        )
    } else {
      const gh = 'github_app credentials: github_app'
      const inst = text(block.installation_id)
      if (text(block.client_id) === '')
        err('.github_app.client_id', `${gh} client_id non-empty value is required`)
      else if (inst === '' || Number(inst) === 0)
        err('.github_app.installation_id', `${gh} installation_id non-empty value is required`)
      else {
        const keys = [text(block.private_key_path), text(block.private_key_bytes)].filter(
          (k) => k !== '',
        ).length
        if (keys === 0)
          err('.github_app', `${gh} private_key_path or private_key_bytes non-empty value is required`)
        if (keys === 2)
          err('.github_app', `${gh} please provide exclusively one of private_key_path or private_key_bytes`)
      }
    }
  }
  return out
}

function secretsChecks(root: Tree): LoadError[] {
  const file = asRecord(asRecord(asRecord(root.secrets)?.providers)?.file)
  if (!file || weakBool(file.enabled) !== true || text(file.base_path) !== '') return []
  return [
    {
      id: 'flipt.load.secrets_base_path',
      subject: 'secrets.providers.file.base_path',
      message: 'secrets.providers.file: base_path non-empty value is required',
    },
  ]
}

/** Every load-time error of a resolved tree (see `readConfig`), in the order Flipt checks them. */
export function fliptLoadErrors(resolved: Tree): LoadError[] {
  return [
    ...decodeErrors(resolved),
    ...rootChecks(resolved),
    ...environmentChecks(resolved),
    ...storageChecks(resolved),
    ...credentialChecks(resolved),
    ...secretsChecks(resolved),
  ]
}
