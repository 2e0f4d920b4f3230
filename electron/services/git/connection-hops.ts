import type { ErrorCategory } from '@shared/domain/provider'
import type { Hop, HopId } from '@shared/domain/git-operation'

const ORDER: readonly HopId[] = ['proxy', 'tls', 'host', 'auth', 'repository', 'branch', 'write']

/** Which hop a failure category breaks (for the Doctor's connection picture). */
export function hopOf(category: ErrorCategory, writing: boolean): HopId {
  switch (category) {
    case 'proxy':
      return 'proxy'
    case 'tls_certificate':
      return 'tls'
    case 'network_dns':
    case 'ssh_instead_of_https':
    case 'other':
      return 'host'
    case 'bad_credentials':
    case 'expired_token':
    case 'password_auth_removed':
    case 'wrong_username':
    case 'sso_required':
    case 'two_factor_required':
    case 'credentials_missing':
    case 'ip_or_policy_blocked':
    case 'rate_limited':
      return 'auth'
    case 'repo_not_found_or_no_access':
      return 'repository'
    case 'branch_not_found':
      return 'branch'
    case 'insufficient_scope':
      return writing ? 'write' : 'repository'
  }
}

/** Hops before `failed` are ok, `failed` failed, the rest skipped; `write` is skipped unless probed. */
export function hopsFor(
  failed: HopId | null,
  details: Partial<Record<HopId, string>>,
  probedWrite: boolean,
): Hop[] {
  const failedAt = failed ? ORDER.indexOf(failed) : -1
  return ORDER.map((id, i) => {
    if (id === 'write' && !probedWrite && failed !== 'write')
      return { id, status: 'skipped' as const, detail: details.write ?? 'Not probed: run the write probe.' }
    if (failedAt === -1 || i < failedAt) return { id, status: 'ok' as const, detail: details[id] ?? 'ok' }
    if (i === failedAt) return { id, status: 'failed' as const, detail: details[id] ?? 'failed' }
    return { id, status: 'skipped' as const, detail: 'Not reached.' }
  })
}
