import type { Credential, SecretRef } from '../domain/credential'
import { collectExtra, setIn, type ImportContext } from './flipt-import-context'
import { asRecord, classifySecret, weakBool, weakString } from './flipt-values'

/**
 * Reads one `credentials.<id>` entry (flipt-v2.md §1.2) into a GitKeys credential. Inline secret
 * values never enter the credential: they become `{ kind: 'pending' }` and are listed for the user
 * to confirm. Returns null when the entry cannot be modelled (the caller carries it verbatim).
 */

const TYPES = ['basic', 'access_token', 'ssh', 'github_app'] as const
type CredentialType = (typeof TYPES)[number]
const isType = (t: string | null): t is CredentialType =>
  t !== null && (TYPES as readonly string[]).includes(t)
const SECRETISH_KEY = /pass|token|secret|private_key|bytes/i

/** Reads a credential; `key` is the map key as written, `id` the GitKeys id. */
export function readCredential(key: string, id: string, raw: unknown, ctx: ImportContext): Credential | null {
  const path = ['credentials', key]
  const r = asRecord(raw)
  if (!r) {
    ctx.problem(path, `credentials: ${id} must be a mapping`)
    return null
  }
  const type = weakString(r.type)
  if (!isType(type)) {
    ctx.problem(
      [...path, 'type'],
      `credentials: ${id} credentials: type unexpected credential type "${type ?? ''}"`,
    )
    return null
  }
  const extra: Record<string, unknown> = {}
  const str = (v: unknown): string | null => weakString(v)
  const secret = (value: unknown, field: string): SecretRef | null => {
    if (value === undefined || value === null) return null
    const text = weakString(value)
    const fieldPath = [...path, ...field.split('.')]
    if (text === null) {
      ctx.problem(fieldPath, `${field} must be a string`)
      setIn(extra, field.split('.'), value)
      return null
    }
    const c = classifySecret(text)
    switch (c.kind) {
      case 'ref':
        return c.ref
      case 'inline':
        return ctx.pending(id, field, c.value)
      case 'empty':
        return null
      case 'malformed':
        ctx.problem(fieldPath, `${field}: ${c.why}`)
        setIn(extra, field.split('.'), value)
        return null
    }
  }
  const hasExtra = (...field: string[]): boolean =>
    field.reduce<unknown>((at, k) => asRecord(at)?.[k], extra) !== undefined
  const base: Credential = {
    id,
    accountId: null,
    type,
    username: null,
    secret: null,
    ssh: null,
    githubApp: null,
  }
  let cred: Credential = base
  const block = (name: string): Readonly<Record<string, unknown>> => {
    const b = asRecord(r[name])
    if (!b)
      ctx.problem(
        [...path, name],
        `credentials: ${id} credentials: ${name === 'basic' ? 'basic auth' : name} configuration non-empty value is required`,
      )
    return b ?? {}
  }
  const blockExtra = (name: string, b: Readonly<Record<string, unknown>>, known: readonly string[]): void => {
    const more = collectExtra(
      b,
      known,
      [...path, name],
      ctx,
      () => `not a Flipt ${name} setting; kept as written`,
    )
    for (const [k, v] of Object.entries(more)) setIn(extra, [name, k], v)
  }
  switch (type) {
    case 'basic': {
      const b = block('basic')
      const username = str(b.username) ?? ''
      const password = secret(b.password, 'basic.password')
      if ((username === '') !== (password === null) && !hasExtra('basic', 'password'))
        ctx.problem(
          [...path, 'basic'],
          `credentials: ${id} credentials: basic credentials: both username and password for basic auth non-empty value is required`,
        )
      blockExtra('basic', b, ['username', 'password'])
      cred = { ...base, username, secret: password }
      break
    }
    case 'access_token': {
      const token = secret(r.access_token, 'access_token')
      if (token === null && !hasExtra('access_token'))
        ctx.problem(
          [...path, 'access_token'],
          `credentials: ${id} credentials: access token non-empty value is required`,
        )
      cred = { ...base, secret: token }
      break
    }
    case 'ssh': {
      const s = block('ssh')
      const password = secret(s.password, 'ssh.password')
      const privateKeyPath = str(s.private_key_path)
      const privateKeyBytes = secret(s.private_key_bytes, 'ssh.private_key_bytes')
      if (password === null && !hasExtra('ssh', 'password'))
        ctx.problem(
          [...path, 'ssh'],
          `credentials: ${id} credentials: ssh credentials: ssh authentication credentials: password non-empty value is required`,
        )
      if ((privateKeyPath !== null && privateKeyPath !== '') === (privateKeyBytes !== null))
        ctx.problem(
          [...path, 'ssh'],
          `credentials: ${id} credentials: ssh credentials: ssh authentication credentials: private_key please provide exclusively one of private_key_bytes or private_key_path`,
        )
      blockExtra('ssh', s, [
        'user',
        'password',
        'private_key_path',
        'private_key_bytes',
        'insecure_ignore_host_key',
      ])
      const user = str(s.user)
      const ignore = s.insecure_ignore_host_key === undefined ? false : weakBool(s.insecure_ignore_host_key)
      if (ignore === null)
        ctx.problem(
          [...path, 'ssh', 'insecure_ignore_host_key'],
          'insecure_ignore_host_key must be true or false',
        )
      cred = {
        ...base,
        ssh: { user, password, privateKeyPath, privateKeyBytes, insecureIgnoreHostKey: ignore === true },
      }
      break
    }
    case 'github_app': {
      const g = block('github_app')
      const clientId = str(g.client_id) ?? ''
      const installationId = str(g.installation_id) ?? ''
      const privateKeyPath = str(g.private_key_path)
      const privateKeyBytes = secret(g.private_key_bytes, 'github_app.private_key_bytes')
      const at = [...path, 'github_app']
      if (clientId === '')
        ctx.problem(
          at,
          `credentials: ${id} credentials: github_app credentials: github_app client_id non-empty value is required`,
        )
      if (installationId === '' || installationId === '0')
        ctx.problem(
          at,
          `credentials: ${id} credentials: github_app credentials: github_app installation_id non-empty value is required`,
        )
      if ((privateKeyPath !== null) === (privateKeyBytes !== null))
        ctx.problem(
          at,
          `credentials: ${id} credentials: github_app credentials: github_app please provide exclusively one of private_key_path or private_key_bytes`,
        )
      blockExtra('github_app', g, [
        'client_id',
        'installation_id',
        'private_key_path',
        'private_key_bytes',
        'api_url',
      ])
      cred = {
        ...base,
        githubApp: { clientId, installationId, privateKeyPath, privateKeyBytes, apiUrl: str(g.api_url) },
      }
      break
    }
  }
  for (const [k, v] of Object.entries(r)) {
    if (k === 'type' || k === type) continue
    if (typeof v === 'string' && SECRETISH_KEY.test(k) && classifySecret(v).kind === 'inline') {
      ctx.problem([...path, k], `${k} holds a secret Flipt ignores for type ${type}; it was not imported`)
      continue
    }
    extra[k] = v
    ctx.note([...path, k], `"${k}" is not read by Flipt for type ${type}; kept as written`)
  }
  return Object.keys(extra).length > 0 ? { ...cred, extra } : cred
}
