import type { ProviderId } from '../domain/provider'
import { guessProvider } from '../providers/catalog'
import { lexRemote } from '../providers/url-parts'
import { asRecord, weakBool, weakString } from '../export/flipt-values'

/**
 * What the CLI's online prober needs per storage of a Flipt config: remote, branch, TLS settings and
 * the credential as Flipt would send it.
 *
 * SECURITY: `ProbeTarget.credential.secret` is the ONLY place the doctor returns a resolved secret
 * (the value of `${env:…}` or an inline value). It exists so the CLI can hand it, in memory, to the
 * git credential broker. Never print, log, serialise or send a ProbeTarget across IPC.
 */

/** A storage the CLI can test online. See the SECURITY note above. */
export type ProbeTarget = {
  readonly subject: `storage.${string}`
  readonly remote: string
  readonly branch: string
  readonly credential: {
    readonly type: 'basic' | 'access_token' | 'ssh' | 'github_app'
    /** The username git would send: basic.username, `x-token-auth` for access_token, ssh.user. */
    readonly username: string | null
    /** The resolved secret, for the CLI's in-memory prober only: token/password, or null (keys, unresolvable references). */
    readonly secret: string | null
  } | null
  readonly caCertPath: string | null
  readonly caCertBytes: string | null
  readonly insecureSkipTls: boolean
  readonly providerGuess: ProviderId | null
}

type Tree = Readonly<Record<string, unknown>>
const text = (v: unknown): string => weakString(v) ?? ''
const orNull = (s: string): string | null => (s === '' ? null : s)
const TYPES = ['basic', 'access_token', 'ssh', 'github_app'] as const
const isType = (t: string): t is (typeof TYPES)[number] => (TYPES as readonly string[]).includes(t)

/** A secret Flipt would only resolve at server start (`${secret:…}`) is not available offline. */
const usable = (s: string): string | null => (s === '' || s.startsWith('${secret:') ? null : s)

function credentialOf(c: Tree | null): ProbeTarget['credential'] {
  if (!c) return null
  const type = text(c.type)
  if (!isType(type)) return null
  switch (type) {
    case 'access_token':
      return { type, username: 'x-token-auth', secret: usable(text(c.access_token)) }
    case 'basic': {
      const b = asRecord(c.basic) ?? {}
      return { type, username: orNull(text(b.username)), secret: usable(text(b.password)) }
    }
    case 'ssh':
      return { type, username: orNull(text(asRecord(c.ssh)?.user)) ?? 'git', secret: null }
    case 'github_app':
      return { type, username: 'x-token-auth', secret: null }
  }
}

/** One target per storage of Flipt's resolved view of the file. */
export function probeTargetsOf(resolved: Tree): ProbeTarget[] {
  const credentials = asRecord(resolved.credentials) ?? {}
  return Object.entries(asRecord(resolved.storage) ?? {}).flatMap(([id, raw]) => {
    const s = asRecord(raw) ?? {}
    const remote = text(s.remote)
    if (remote.trim() === '') return []
    const lexed = lexRemote(remote.trim())
    const ref = text(s.credentials)
    return [
      {
        subject: `storage.${id}` as const,
        remote,
        branch: text(s.branch) || 'main',
        credential: ref === '' ? null : credentialOf(asRecord(credentials[ref])),
        caCertPath: orNull(text(s.ca_cert_path)),
        caCertBytes: orNull(text(s.ca_cert_bytes)),
        insecureSkipTls: weakBool(s.insecure_skip_tls) === true,
        providerGuess: lexed.ok
          ? (guessProvider(lexed.parts.host, lexed.parts.segments)?.provider ?? null)
          : null,
      },
    ]
  })
}
