import type { Finding } from '../domain/finding'
import type { Hop, HopId } from '../domain/git-operation'

/** Which hop of the connection path a finding family breaks (offline view of the Doctor's picture). */
const HOP_OF: ReadonlyArray<readonly [RegExp, HopId]> = [
  [/^local\.(netrc|env_token|helper)/, 'proxy'],
  [/^(storage\.ca_|storage\.insecure_skip_tls|api_url\.insecure_http)/, 'tls'],
  [/^(url\.|probe\.failed)/, 'host'],
  [
    /^(token\.|username\.|deprecations\.|secret\.|env\.ref|storage\.no_credentials|storage\.credential_undefined)/,
    'auth',
  ],
  [/^scopes\.missing_read|^scopes\.use_unsupported/, 'repository'],
  [/^branch\./, 'branch'],
  [/^scopes\.missing_write|^scopes\.missing_pr/, 'write'],
]

const ORDER: readonly HopId[] = ['proxy', 'tls', 'host', 'auth', 'repository', 'branch', 'write']

/**
 * The connection path for one repository from offline findings alone: the first hop an error breaks
 * is marked failed, warnings mark their hop as a warning, and hops after a failure are not reached.
 */
export function hopsFromFindings(findings: readonly Finding[]): Hop[] {
  const worst = new Map<HopId, Finding>()
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue
    const hop = HOP_OF.find(([re]) => re.test(f.id))?.[1]
    if (!hop) continue
    const cur = worst.get(hop)
    if (!cur || (cur.severity === 'warning' && f.severity === 'error')) worst.set(hop, f)
  }
  const failedAt = ORDER.findIndex((h) => worst.get(h)?.severity === 'error')
  return ORDER.map((id, i) => {
    const f = worst.get(id)
    if (failedAt !== -1 && i > failedAt) return { id, status: 'skipped' as const, detail: 'Not reached.' }
    if (f)
      return {
        id,
        status: f.severity === 'error' ? ('failed' as const) : ('warning' as const),
        detail: f.title,
      }
    return { id, status: 'ok' as const, detail: 'no offline problem found' }
  })
}
