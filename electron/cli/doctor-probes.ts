import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ProbeTarget } from '@shared/diagnostics/flipt-doctor'
import type { Finding } from '@shared/domain/finding'
import type { ErrorCategory } from '@shared/domain/provider'
import { newRepository } from '@shared/domain/repository'
import { secretHint } from '@shared/logic/redact'
import { guessProvider, deploymentForHost } from '@shared/providers/catalog'
import { analyzeToken } from '@shared/providers/token-analysis'
import { remoteOf, type Target } from '../services/git/git-operations'
import type { RepositoryProbe, RepositoryProber } from '../services/probes/repository-prober'
import type { StoredAccount } from '../services/workspace/metadata-doc'

/** One probe as `gitkeys doctor --json` prints it. */
export type DoctorProbeJson = {
  readonly subject: string
  readonly ok: boolean
  readonly category: ErrorCategory | null
  readonly ms: number
}

/** The outcome of probing every storage: the JSON rows, findings, and the full probe records. */
export type StorageProbeOutcome = {
  readonly probes: readonly DoctorProbeJson[]
  readonly findings: readonly Finding[]
  readonly records: readonly RepositoryProbe[]
}

const finding = (
  id: string,
  severity: Finding['severity'],
  subject: string,
  title: string,
  detail: string,
  fixes: Finding['fixes'] = [],
): Finding => ({ id, severity, subject, title, detail, fixes })

/** Flipt's git username (flipt-v2.md §3.1): `x-token-auth` for access tokens, the configured one for basic. */
function gitUser(t: ProbeTarget): { user: string; secret: string } | { skip: string } {
  const c = t.credential
  if (!c) return { skip: 'the storage has no credentials, so there is nothing to authenticate' }
  if (c.type !== 'access_token' && c.type !== 'basic')
    return { skip: `${c.type} credentials are not probed (only access_token and basic over https)` }
  if (!c.secret) return { skip: 'its secret is empty or unresolved here' }
  if (c.type === 'access_token') return { user: 'x-token-auth', secret: c.secret }
  if (!c.username) return { skip: 'its basic username is empty' }
  return { user: c.username, secret: c.secret }
}

/** A stand-in account for one storage: the remote's host, and what the token itself says it is. */
function accountFor(t: ProbeTarget, host: string, user: string, secret: string): StoredAccount {
  const bare = host.replace(/:\d+$/, '')
  const analysis = analyzeToken(secret, { host, ...(t.providerGuess ? { provider: t.providerGuess } : {}) })
  const provider = t.providerGuess ?? analysis.provider ?? guessProvider(bare)?.provider ?? 'github'
  const now = new Date().toISOString()
  return {
    id: 'doctor',
    provider,
    deployment: deploymentForHost(provider, bare),
    host,
    pathPrefix: null,
    label: t.subject,
    username: user,
    tokenKind: analysis.kind ?? 'unknown',
    scopes: [],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    createdAt: now,
    updatedAt: now,
    secret: { hint: secretHint(secret), fingerprint: '', checksum: analysis.checksum },
  }
}

function findingOf(p: RepositoryProbe): Finding {
  if (p.ok)
    return finding(
      'probe.ok',
      'ok',
      p.subject,
      'Online check passed: authenticated, branch found, push allowed (dry run)',
      `ls-remote and push --dry-run succeeded in ${p.ms} ms.`,
    )
  const f = p.failure
  const category = p.category ?? 'other'
  // Flipt creates a missing branch with its first push, so with push rights it is only a warning.
  const severity = category === 'branch_not_found' && p.write.status === 'ok' ? 'warning' : 'error'
  return finding(
    `probe.${category}`,
    severity,
    p.subject,
    f?.title ?? 'Online check failed',
    f?.detail ?? '',
    f?.fixes ?? [],
  )
}

/**
 * Probes every storage that has an https (or loopback http) remote and an access_token or basic
 * credential, all at once: the git runner's concurrency limit decides how many git processes run.
 * Inline CA bundles are written to a private temp directory for git and removed afterwards.
 */
export async function probeStorages(
  targets: readonly ProbeTarget[],
  prober: RepositoryProber,
): Promise<StorageProbeOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'gitkeys-doctor-'))
  try {
    const skipped: Finding[] = []
    const work: Array<Promise<RepositoryProbe>> = []
    for (const [i, t] of targets.entries()) {
      const remote = remoteOf(t.remote)
      const who = gitUser(t)
      if (!remote.ok || 'skip' in who) {
        const why = !remote.ok
          ? `its remote is not usable (${remote.error.message})`
          : 'skip' in who
            ? who.skip
            : ''
        skipped.push(finding('probe.skipped', 'info', t.subject, 'Not probed online', `Not probed: ${why}`))
        continue
      }
      let caCertPath = t.caCertPath
      if (t.caCertBytes) {
        caCertPath = join(dir, `ca-${i}.pem`)
        await writeFile(caCertPath, t.caCertBytes, { mode: 0o600 })
        await chmod(caCertPath, 0o600)
      }
      const repository = newRepository({
        id: t.subject.replace(/^storage\./, ''),
        remote: t.remote,
        branch: t.branch,
        accountId: 'doctor',
        caCertPath,
        insecureSkipTls: t.insecureSkipTls,
      })
      const target: Target = {
        repository,
        account: accountFor(t, remote.value.host, who.user, who.secret),
        token: who.secret,
        username: who.user,
      }
      work.push(prober.probe(t.subject, target))
    }
    const records = await Promise.all(work)
    return {
      probes: records.map((p) => ({ subject: p.subject, ok: p.ok, category: p.category, ms: p.ms })),
      findings: [...records.map(findingOf), ...skipped],
      records,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
