import type { AccountFields } from '@shared/domain/account'
import type { TokenAnalysis } from '@shared/domain/token-analysis'
import type { StoredAccount } from '../../electron/services/workspace/metadata-doc'

/** A valid stored account, with overrides. */
export function storedAccount(over: Partial<StoredAccount> = {}): StoredAccount {
  return {
    id: 'github-work',
    provider: 'github',
    deployment: 'cloud',
    host: 'github.com',
    pathPrefix: null,
    label: 'Work',
    username: 'octo',
    tokenKind: 'classic_pat',
    scopes: ['repo'],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    secret: { hint: 'ghp_…0000', fingerprint: 'sha256:000000000000', checksum: 'valid' },
    ...over,
  }
}

/** Account fields as a connection screen would send them, with overrides. */
export function accountFields(over: Partial<AccountFields> = {}): AccountFields {
  return {
    provider: 'github',
    deployment: 'cloud',
    host: 'github.com',
    pathPrefix: null,
    label: 'Work',
    username: 'octo',
    tokenKind: 'classic_pat',
    scopes: ['repo'],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    ...over,
  }
}

/** A minimal analyzer for service tests that must not depend on the provider catalog. */
export function trimmingAnalyzer(raw: string): TokenAnalysis & { cleaned: string } {
  const cleaned = raw.trim()
  return {
    provider: null,
    kind: null,
    kindLabel: null,
    checksum: 'none',
    length: cleaned.length,
    hint: '…',
    facts: {},
    findings: [],
    cleaned,
  }
}
