import type { Credential } from '../../domain/credential'
import type { Deployment, ProviderId, TokenUse } from '../../domain/provider'
import type { Repository } from '../../domain/repository'
import { validateRemoteUrl } from '../../logic/remote-url'
import { deploymentForHost, guessProvider } from '../../providers/catalog'
import { isSsh } from '../../providers/remote-helpers'
import { parseRemote } from '../../providers/remote-parse'
import { lexRemote } from '../../providers/url-parts'
import type { AccountFacts, DiagnoseContext, SecretFacts } from '../diagnose.types'
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../diagnose.types'
import type { RemoteView, RuleInput, TokenView } from './rule.types'

/** Indexes a diagnose context once, so each rule is a linear pass (500 storages stay well under a second). */

const USE_RANK: Readonly<Record<TokenUse, number>> = { read_only: 0, flipt_sync: 1, merge_proposals: 2 }

function strongest(uses: readonly TokenUse[]): TokenUse | null {
  let best: TokenUse | null = null
  for (const u of uses) if (best === null || USE_RANK[u] > USE_RANK[best]) best = u
  return best
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

function readRemote(raw: string, account: AccountFacts | null): RemoteView {
  if (raw.trim() === '')
    return { raw, check: null, parsed: null, transport: null, host: null, provider: null, deployment: null }
  const check = validateRemoteUrl(raw, {
    allowHttpLoopback: true,
    ...(account
      ? {
          accountHost: account.host,
          provider: account.provider,
          deployment: account.deployment,
          pathPrefix: account.pathPrefix,
        }
      : {}),
  })
  const lexed = lexRemote(raw.trim())
  const parts = lexed.ok ? lexed.parts : null
  const parsed = check.ok
    ? check.remote
    : parseRemote(raw, account ? { provider: account.provider, deployment: account.deployment } : {})
  const host = check.ok ? check.host : (parts?.host ?? null)
  const transport: RemoteView['transport'] = check.ok
    ? check.transport
    : parts
      ? isSsh(parts)
        ? 'ssh'
        : parts.scheme === 'https' || parts.scheme === 'http'
          ? parts.scheme
          : null
      : null
  const guess = host ? guessProvider(host, parts?.segments ?? []) : null
  const provider: ProviderId | null = account?.provider ?? parsed?.provider ?? guess?.provider ?? null
  const deployment: Deployment | null =
    account?.deployment ?? parsed?.deployment ?? (provider && host ? deploymentForHost(provider, host) : null)
  return { raw, check, parsed, transport, host, provider, deployment }
}

const SECRET_FIELDS_FOR_TOKEN = new Set(['access_token', 'basic.password'])

/** Builds the indexed input of every rule. */
export function buildRuleInput(
  ctx: DiagnoseContext,
  now: Date,
  opts: { readonly expiryWarningDays?: number; readonly use?: TokenUse } = {},
): RuleInput {
  const accountById = new Map(ctx.accounts.map((a) => [a.id, a]))
  const credentialById = new Map(ctx.credentials.map((c) => [c.id, c]))
  const repositoryById = new Map(ctx.repositories.map((r) => [r.id, r]))
  const environmentsByRepository = groupBy(ctx.environments, (e) => e.repositoryId)
  const secretsByCredential = groupBy(ctx.secrets, (s) => s.credentialId)
  const probesBySubject = groupBy(ctx.probes, (p) => p.subject)
  const pathsByRepository = groupBy(ctx.local?.paths ?? [], (p) => p.repositoryId)

  const accountOfCredential = (c: Credential): AccountFacts | null => {
    const viaVault = c.secret?.kind === 'vault' ? c.secret.accountId : null
    const id = c.accountId ?? viaVault
    return id === null ? null : (accountById.get(id) ?? null)
  }
  const storageCredential = (r: Repository): Credential | null =>
    r.credentialId === null ? null : (credentialById.get(r.credentialId) ?? null)
  const storageAccount = (r: Repository): AccountFacts | null => {
    const c = storageCredential(r)
    if (c) return accountOfCredential(c)
    return r.accountId === null ? null : (accountById.get(r.accountId) ?? null)
  }

  const remotes = new Map<string, RemoteView>()
  const remoteOf = (repositoryId: string): RemoteView => {
    const hit = remotes.get(repositoryId)
    if (hit) return hit
    const r = repositoryById.get(repositoryId)
    const view = readRemote(r?.remote ?? '', r ? storageAccount(r) : null)
    remotes.set(repositoryId, view)
    return view
  }

  const credUses = new Map<string, { uses: TokenUse[]; repos: Repository[] }>()
  const accUses = new Map<string, { uses: TokenUse[]; repos: Repository[] }>()
  const note = (
    map: Map<string, { uses: TokenUse[]; repos: Repository[] }>,
    id: string | null,
    use: TokenUse,
    repo: Repository | undefined,
  ): void => {
    if (id === null) return
    const entry = map.get(id) ?? { uses: [], repos: [] }
    entry.uses.push(use)
    if (repo) entry.repos.push(repo)
    map.set(id, entry)
  }
  for (const r of ctx.repositories) {
    note(credUses, r.credentialId, 'flipt_sync', r)
    note(accUses, storageAccount(r)?.id ?? null, 'flipt_sync', r)
  }
  for (const e of ctx.environments) {
    if (e.scm === null) continue
    const repo = repositoryById.get(e.repositoryId)
    note(credUses, e.scm.credentialId, 'merge_proposals', repo)
    const cred = e.scm.credentialId === null ? null : (credentialById.get(e.scm.credentialId) ?? null)
    const acc = cred ? accountOfCredential(cred) : e.scm.accountId ? accountById.get(e.scm.accountId) : null
    note(
      accUses,
      acc?.id ?? (e.scm.credentialId === null ? (repo?.accountId ?? null) : null),
      'merge_proposals',
      repo,
    )
  }
  const useOf = (uses: readonly TokenUse[] | undefined): TokenUse | null =>
    uses && uses.length > 0 ? (opts.use ?? strongest(uses)) : null
  const repoOf = (repos: readonly Repository[] | undefined): TokenView['repo'] => {
    for (const r of repos ?? []) {
      const p = remoteOf(r.id).parsed
      if (p) return { owner: p.owner, name: p.repo }
    }
    return null
  }

  const tokens: TokenView[] = []
  for (const a of ctx.accounts) {
    const used = accUses.get(a.id)
    const analysis = a.analysis
    tokens.push({
      subject: `accounts.${a.id}`,
      account: a,
      credential: null,
      secret: null,
      analysis,
      provider: a.provider,
      deployment: a.deployment,
      host: a.host,
      pathPrefix: a.pathPrefix,
      kind: analysis?.provider === a.provider && analysis.kind ? analysis.kind : a.tokenKind,
      use: opts.use ?? useOf(used?.uses),
      repo: repoOf(used?.repos),
    })
  }
  for (const c of ctx.credentials) {
    if (c.type !== 'basic' && c.type !== 'access_token') continue
    const secret: SecretFacts | null =
      (secretsByCredential.get(c.id) ?? []).find((s) => SECRET_FIELDS_FOR_TOKEN.has(s.field)) ?? null
    const account = accountOfCredential(c)
    const used = credUses.get(c.id)
    const firstRemote = (used?.repos ?? []).map((r) => remoteOf(r.id)).find((v) => v.provider !== null)
    const scmType = ctx.environments.find((e) => e.scm?.credentialId === c.id)?.scm?.type ?? null
    const provider = account?.provider ?? firstRemote?.provider ?? scmType
    const host = account?.host ?? firstRemote?.host ?? null
    const deployment =
      account?.deployment ??
      firstRemote?.deployment ??
      (provider && host ? deploymentForHost(provider, host) : null)
    const analysis = secret?.analysis ?? (secret?.source === 'vault' ? (account?.analysis ?? null) : null)
    tokens.push({
      subject: `credentials.${c.id}`,
      account,
      credential: c,
      secret,
      analysis,
      provider,
      deployment,
      host,
      pathPrefix: account?.pathPrefix ?? firstRemote?.parsed?.pathPrefix ?? null,
      kind:
        analysis && analysis.provider === provider && analysis.kind
          ? analysis.kind
          : (account?.tokenKind ?? null),
      use: useOf(used?.uses),
      repo: repoOf(used?.repos),
    })
  }

  return {
    ctx,
    now,
    warnDays: opts.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
    use: opts.use ?? null,
    flipt: ctx.flipt ?? null,
    accountById,
    credentialById,
    repositoryById,
    environmentsByRepository: environmentsByRepository,
    secretsByCredential,
    probesBySubject,
    pathsByRepository,
    remoteOf,
    storageCredential,
    storageAccount,
    tokens,
  }
}
