import type { Account } from '../domain/account'
import type { ActivityEntry } from '../domain/activity'
import type { AppInfo } from '../domain/app-info'
import type { Environment } from '../domain/environment'
import type { Finding } from '../domain/finding'
import type { Repository } from '../domain/repository'
import type { VaultStatus } from '../domain/vault'
import { expiryLabel, expiryState } from './expiry'
import { redact } from './redact'

/** Everything a support report may contain. Secrets are never part of it; the text is redacted again anyway. */
export type SupportReportInput = {
  readonly generatedAt: Date
  readonly app: AppInfo
  readonly vault: VaultStatus
  readonly accounts: readonly Account[]
  readonly repositories: readonly Repository[]
  readonly environments: readonly Environment[]
  readonly findings: readonly Finding[]
  readonly activity: readonly ActivityEntry[]
  readonly logs: ReadonlyArray<{
    readonly time: string
    readonly level: string
    readonly scope: string
    readonly message: string
  }>
  /** Exact secret values to scrub as a last net (the vault's live tokens). */
  readonly knownSecrets: readonly string[]
}

const line = (k: string, v: string): string => `- ${k}: ${v}`

/**
 * A support report in Markdown (issue 7): versions, vault backend, accounts as hints and
 * fingerprints, repositories with URL userinfo removed, doctor findings, recent activity and logs.
 * The whole text passes through `redact` with the known secrets before it is returned.
 */
export function supportReport(x: SupportReportInput): string {
  const git = x.app.git.found
    ? `${x.app.git.version}${x.app.git.meetsMinimum ? '' : ` (older than ${x.app.git.minimum})`}`
    : `not found (${x.app.git.reason})`
  const parts: string[] = [
    '# GitKeys support report',
    '',
    `Generated ${x.generatedAt.toISOString()}. Secrets are shown only as hints (prefix…last 4) and fingerprints.`,
    '',
    '## Versions',
    line('GitKeys', `${x.app.appVersion} (${x.app.shell})`),
    line('Electron', x.app.runtimes.electron ?? 'n/a'),
    line('Chromium', x.app.runtimes.chrome ?? 'n/a'),
    line('Node.js', x.app.runtimes.node),
    line('git', git),
    line('OS', `${x.app.platform.os} ${x.app.platform.arch} ${x.app.platform.release}`),
    '',
    '## Secret storage',
    line('Backend', x.vault.backend),
    line('Persistent', String(x.vault.persistent)),
    line(
      'Weak (basic_text)',
      `${x.vault.weak}${x.vault.weakOptIn ? ` (opted in ${x.vault.weakOptIn})` : ''}`,
    ),
    line('Locked', String(x.vault.locked)),
    line(
      'Session-only / needs re-entry / orphaned',
      `${x.vault.sessionOnly} / ${x.vault.needsReentry} / ${x.vault.orphaned}`,
    ),
    ...x.vault.storeProblems.map((p) =>
      line('Store problem', `${p.file}: ${p.reason}${p.backup ? ` (kept at ${p.backup})` : ''}`),
    ),
    '',
    `## Accounts (${x.accounts.length})`,
    ...x.accounts.map(
      (a) =>
        `- ${a.id}: ${a.provider} ${a.deployment} ${a.host}${a.pathPrefix ? `/${a.pathPrefix}` : ''}, kind ${a.tokenKind}, token ${a.secret.hint} ${a.secret.fingerprint} (${a.secret.state}, checksum ${a.secret.checksum}), ${expiryLabel(expiryState(a.expiresAt, x.generatedAt, 14))}`,
    ),
    '',
    `## Repositories (${x.repositories.length})`,
    ...x.repositories.map(
      (r) =>
        `- ${r.id}: ${r.remote} @ ${r.branch}, account ${r.accountId ?? 'none'}${r.insecureSkipTls ? ', TLS verification OFF' : ''}`,
    ),
    '',
    `## Environments (${x.environments.length})`,
    ...x.environments.map(
      (e) =>
        `- ${e.id}${e.default ? ' (default)' : ''}: ${e.repositoryId}/${e.directory}${e.scm ? `, scm ${e.scm.type}` : ''}`,
    ),
    '',
    `## Doctor findings (${x.findings.length})`,
    ...x.findings.map((f) => `- [${f.severity}] ${f.id} @ ${f.subject}: ${f.title}`),
    '',
    `## Recent activity (${x.activity.length})`,
    ...x.activity.map(
      (e) =>
        `- ${e.at} ${e.op} ${e.subject} ${e.outcome}${e.category ? ` (${e.category})` : ''} ${e.accountId ?? ''} ${e.fingerprint ?? ''} ${e.detail}`,
    ),
    '',
    `## Recent log (${x.logs.length})`,
    ...x.logs.map((l) => `- ${l.time} ${l.level} ${l.scope}: ${l.message}`),
    '',
  ]
  return redact(parts.join('\n'), x.knownSecrets)
}
