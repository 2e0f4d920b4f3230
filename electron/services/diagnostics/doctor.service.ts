import { homedir } from 'node:os'
import type {
  AccountFacts,
  DiagnoseContext,
  ProbeFacts,
  SecretFacts,
} from '@shared/diagnostics/diagnose.types'
import { diagnose } from '@shared/diagnostics/diagnose'
import { explain, type Explanation } from '@shared/diagnostics/explain/explain'
import { hopsFromFindings } from '@shared/diagnostics/hops-from-findings'
import type { Finding } from '@shared/domain/finding'
import type { Hop } from '@shared/domain/git-operation'
import type { ProviderId } from '@shared/domain/provider'
import { parseRemoteFor } from '@shared/providers/remote-parse'
import { analyzeToken } from '@shared/providers/token-analysis'
import type { AccountsService } from '../accounts/accounts.service'
import type { ActivitySink } from '../activity/activity.service'
import type { GitService } from '../git/git.service'
import type { GitRunner } from '../git/git-runner'
import type { ApiProber } from '../probes/api-prober'
import type { EventSink } from '../events'
import type { MetadataDoc } from '../workspace/metadata-doc'
import type { MetadataStore } from '../workspace/metadata-store'
import { runnerConfigReader } from './git-config-reader'
import { accountFacts, explainProviderOf } from './classify'
import { collectLocalFacts } from './local-facts'

/** What the Doctor checks: everything, or one account, repository or environment (and what it touches). */
export type DoctorScope =
  { readonly kind: 'all' } | { readonly kind: 'account' | 'repository' | 'environment'; readonly id: string }

/** A Doctor run: findings, what the optional online probes saw, and each repository's connection path. */
export type DoctorResult = {
  readonly findings: Finding[]
  readonly probes: ProbeFacts[]
  readonly paths: Array<{ readonly repositoryId: string; readonly hops: Hop[]; readonly online: boolean }>
  readonly online: boolean
  readonly ranAt: string
}

/** Subject prefixes a scope covers (findings use Flipt config paths: storage.<id>…, accounts.<id>…). */
function subjectsFor(scope: DoctorScope, d: MetadataDoc): { repos: Set<string>; prefixes: string[] } | null {
  if (scope.kind === 'all') return null
  const repos = new Set<string>()
  const accounts = new Set<string>()
  const envs = new Set<string>()
  if (scope.kind === 'account') {
    accounts.add(scope.id)
    d.repositories.filter((r) => r.accountId === scope.id).forEach((r) => repos.add(r.id))
    d.environments
      .filter((e) => e.scm?.accountId === scope.id || repos.has(e.repositoryId))
      .forEach((e) => envs.add(e.id))
  } else if (scope.kind === 'repository') {
    repos.add(scope.id)
    const r = d.repositories.find((x) => x.id === scope.id)
    if (r?.accountId) accounts.add(r.accountId)
    d.environments.filter((e) => e.repositoryId === scope.id).forEach((e) => envs.add(e.id))
  } else {
    envs.add(scope.id)
    const e = d.environments.find((x) => x.id === scope.id)
    if (e) repos.add(e.repositoryId)
    if (e?.scm?.accountId) accounts.add(e.scm.accountId)
    const r = d.repositories.find((x) => x.id === e?.repositoryId)
    if (r?.accountId) accounts.add(r.accountId)
  }
  const creds = d.credentials.filter(
    (c) =>
      (c.accountId && accounts.has(c.accountId)) ||
      d.repositories.some((r) => repos.has(r.id) && r.credentialId === c.id),
  )
  return {
    repos,
    prefixes: [
      ...[...accounts].map((id) => `accounts.${id}`),
      ...[...repos].map((id) => `storage.${id}`),
      ...[...envs].map((id) => `environments.${id}`),
      ...creds.map((c) => `credentials.${c.id}`),
      'local.',
    ],
  }
}

/**
 * The app's Doctor (issue 5): builds the diagnose context from the workspace, the vault (token
 * analysis only, never the token itself), local facts of this machine and, when asked, online
 * probes; then runs the offline rules. Online probes only add facts.
 */
export function createDoctorService(deps: {
  readonly metadata: MetadataStore
  readonly accounts: AccountsService
  readonly git: GitService
  readonly runner: GitRunner
  readonly apiProber: ApiProber
  readonly env: NodeJS.ProcessEnv
  readonly activity?: ActivitySink
  /** Where `doctor:progress` goes while online probes run (the CLI passes none). */
  readonly events?: EventSink
  readonly now?: () => Date
}) {
  const now = deps.now ?? (() => new Date())

  function accountsWithAnalysis(): AccountFacts[] {
    return deps.accounts.list().map((a) => {
      const s = deps.accounts.secretFor(a.id)
      const analysis = s.ok
        ? analyzeToken(s.value.token, {
            provider: a.provider,
            host: a.host,
            deployment: a.deployment,
            tokenKind: a.tokenKind,
            now: now(),
          })
        : null
      return { ...a, analysis }
    })
  }

  function secretsOf(d: MetadataDoc, accounts: readonly AccountFacts[]): SecretFacts[] {
    const out: SecretFacts[] = []
    for (const c of d.credentials) {
      if (c.type !== 'basic' && c.type !== 'access_token') continue
      const base = {
        credentialId: c.id,
        field: c.type === 'basic' ? ('basic.password' as const) : ('access_token' as const),
        envName: null,
        envState: null,
      }
      const ref = c.secret
      if (!ref) out.push({ ...base, source: 'none', resolved: false, analysis: null })
      else if (ref.kind === 'vault') {
        const a = accounts.find((x) => x.id === ref.accountId)
        out.push({ ...base, source: 'vault', resolved: Boolean(a?.analysis), analysis: a?.analysis ?? null })
      } else if (ref.kind === 'env')
        // ${env:…} resolves on the Flipt server, not on this workstation: its state is unknown here.
        out.push({ ...base, source: 'env', envName: ref.name, resolved: false, analysis: null })
      else out.push({ ...base, source: ref.kind, resolved: false, analysis: null })
    }
    return out
  }

  async function probe(
    d: MetadataDoc,
    repos: Set<string> | null,
    accounts: readonly AccountFacts[],
    runId: string | undefined,
  ): Promise<{ facts: ProbeFacts[]; hops: Map<string, Hop[]> }> {
    const hops = new Map<string, Hop[]>()
    const inScopeRepos = d.repositories.filter((r) => !repos || repos.has(r.id))
    const inScopeAccounts = accounts.filter((a) => !repos || inScopeRepos.some((r) => r.accountId === a.id))
    // One step per account API probe and per repository; each reports as it finishes, in any order.
    const total = inScopeAccounts.length + inScopeRepos.length
    let done = 0
    const step = <T>(subject: string, result: T): T => {
      done += 1
      if (runId) deps.events?.emit('doctor:progress', { runId, done, total, subject })
      return result
    }
    if (runId) deps.events?.emit('doctor:progress', { runId, done: 0, total, subject: '' })
    const apiFacts = await Promise.all(
      inScopeAccounts.map(async (a): Promise<ProbeFacts | null> => {
        const s = deps.accounts.secretFor(a.id)
        if (!s.ok) return step(`accounts.${a.id}`, null)
        const repo = inScopeRepos.find((r) => r.accountId === a.id)
        const parsed = repo ? parseRemoteFor(repo.remote, a) : null
        const r = await deps.apiProber.probe({
          account: a,
          token: s.value.token,
          repository: parsed ? { owner: parsed.owner, repo: parsed.repo } : null,
          use: 'flipt_sync',
        })
        return step(`accounts.${a.id}`, {
          subject: `accounts.${a.id}`,
          ok: r.ok,
          category: r.category,
          login: r.login,
          scopes: r.scopes ? [...r.scopes] : null,
          expiresAt: r.expiresAt,
          ms: r.ms,
          message: r.detail,
        })
      }),
    )
    const repoFacts = await Promise.all(
      inScopeRepos.map(async (r): Promise<ProbeFacts> => {
        const id = `doctor-${r.id}-${Date.now().toString(36)}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64)
        const test = await deps.git.test(r.id, id)
        const write =
          test.ok && test.value.ok ? await deps.git.probeWrite(r.id, `${id}-w`.slice(0, 64)) : null
        const result = write?.ok ? write.value : test.ok ? test.value : null
        if (result) hops.set(r.id, result.hops)
        const failure = result?.failure ?? null
        return step(`storage.${r.id}`, {
          subject: `storage.${r.id}`,
          ok: Boolean(result?.ok),
          category: failure?.category ?? (test.ok ? null : 'other'),
          login: null,
          scopes: null,
          expiresAt: null,
          ms: result?.ms ?? 0,
          message:
            failure?.title ??
            (test.ok ? 'reachable, authenticated, branch found, push allowed (dry run)' : test.error.message),
        })
      }),
    )
    return { facts: [...apiFacts.filter((f): f is ProbeFacts => f !== null), ...repoFacts], hops }
  }

  return {
    /** Runs the Doctor on a scope, offline unless `online`. */
    async run(scope: DoctorScope, online: boolean, runId?: string): Promise<DoctorResult> {
      const d = deps.metadata.get()
      const accounts = accountsWithAnalysis()
      const sub = subjectsFor(scope, d)
      const local = await collectLocalFacts(
        d.repositories.map((r) => ({ ...r, backend: { type: 'memory' as const } })),
        {
          readGitConfig: runnerConfigReader(deps.runner),
          env: deps.env,
          homeDir: deps.env.HOME ?? homedir(),
        },
      ).catch(() => null)
      const probed = online
        ? await probe(d, sub?.repos ?? null, accounts, runId)
        : { facts: [], hops: new Map<string, Hop[]>() }
      const ctx: DiagnoseContext = {
        accounts,
        credentials: [...d.credentials],
        repositories: [...d.repositories],
        environments: [...d.environments],
        secrets: secretsOf(d, accounts),
        local,
        probes: probed.facts,
      }
      const all = diagnose(ctx, now(), { expiryWarningDays: d.settings.expiryWarningDays })
      const findings = sub
        ? all.filter((f) =>
            sub.prefixes.some(
              (p) =>
                f.subject === p ||
                f.subject.startsWith(p.endsWith('.') ? p : `${p}.`) ||
                f.subject.startsWith(`${p}`),
            ),
          )
        : all
      const paths = d.repositories
        .filter((r) => !sub || sub.repos.has(r.id))
        .map((r) => {
          const live = probed.hops.get(r.id)
          const mine = all.filter(
            (f) =>
              f.subject.startsWith(`storage.${r.id}`) ||
              (r.accountId !== null && f.subject.startsWith(`accounts.${r.accountId}`)),
          )
          return { repositoryId: r.id, hops: live ?? hopsFromFindings(mine), online: Boolean(live) }
        })
      deps.activity?.record({
        op: 'doctor',
        subject: scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.id}`,
        accountId: scope.kind === 'account' ? scope.id : null,
        fingerprint: null,
        outcome: findings.some((f) => f.severity === 'error') ? 'failed' : 'ok',
        category: null,
        ms: null,
        detail: `${findings.filter((f) => f.severity === 'error').length} error(s), ${findings.filter((f) => f.severity === 'warning').length} warning(s)${online ? ', online' : ''}`,
      })
      return { findings, probes: probed.facts, paths, online, ranAt: now().toISOString() }
    },

    /** Explains pasted error output, re-ranked by what is known of the chosen account. */
    explain(text: string, opts: { accountId?: string; provider?: ProviderId }): Explanation {
      const a = opts.accountId ? deps.accounts.list().find((x) => x.id === opts.accountId) : undefined
      return explain(text, {
        ...(a
          ? { provider: explainProviderOf(a), facts: accountFacts(a) }
          : opts.provider
            ? { provider: opts.provider }
            : {}),
        now: now(),
      })
    },
  }
}

/** See {@link createDoctorService}. */
export type DoctorService = ReturnType<typeof createDoctorService>
