import type { Credential, SecretRef } from '../domain/credential'
import type { Environment } from '../domain/environment'
import type { Repository } from '../domain/repository'
import type { WorkspaceAccount } from '../domain/workspace'
import { fliptRuleFor, resolveFliptAuth } from './flipt-credential-rules'
import { derivedCredential, derivedIds } from './flipt-plan'
import { deriveScmApiUrl } from './flipt-scm-api'
import type { RemoteParts } from '../providers/url-parts'
import { inAccountScope, lexedRemote } from './remote-scope'
import { accountEnvNames, fileSecretName } from './secret-names'

/**
 * Links imported credentials to the accounts GitKeys already has, and folds back what the exporter
 * derives, so that import(export(workspace)) gives the workspace again:
 * - a credential is linked to an account when a storage using it points at the account's host (and
 *   path prefix) and the username fits (the account's, or what the Flipt rule derives for it), or
 *   its secret is the reference GitKeys writes for that account;
 * - a reference equal to the one GitKeys writes for that account becomes the vault reference;
 * - a credential equal to the one GitKeys derives for the account disappears, and its users bind
 *   the account instead; an `api_url` equal to the derived one becomes null.
 */

/** The imported entities before and after linking. */
export type ImportDraft = {
  readonly credentials: readonly Credential[]
  readonly repositories: readonly Repository[]
  readonly environments: readonly Environment[]
}

/** JSON with sorted keys, so equal values compare equal whatever order their keys were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
const sameJson = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b)

function usernameFits(c: Credential, a: WorkspaceAccount): boolean {
  const rule = fliptRuleFor(a)
  const auths = rule.scm ? [rule.git, rule.scm] : [rule.git]
  if (c.type === 'access_token') return auths.some((x) => x.type === 'access_token')
  if (c.type !== 'basic') return false
  return (
    c.username === a.username ||
    auths.some((x) => x.type === 'basic' && resolveFliptAuth(x, a).username === c.username)
  )
}

function vaultRefFor(ref: SecretRef | null, a: WorkspaceAccount, envName: string | undefined): boolean {
  if (ref === null || envName === undefined) return false
  return (
    (ref.kind === 'env' && ref.name === envName) ||
    (ref.kind === 'secret' && ref.provider === 'file' && ref.key === fileSecretName(envName))
  )
}

/** A draft after linking, with the environments whose absent api_url Flipt would default. */
export type LinkedDraft = ImportDraft & {
  readonly missingApiUrl: ReadonlyArray<{ readonly environmentId: string; readonly derived: string }>
}

/** Links and folds a draft against the current accounts. */
export function linkToAccounts(draft: ImportDraft, accounts: readonly WorkspaceAccount[]): LinkedDraft {
  const envNames = accountEnvNames(accounts)
  const repoById = new Map(draft.repositories.map((r) => [r.id, r]))
  const remotesOf = (credId: string): RemoteParts[] => {
    const repos = [
      ...draft.repositories.filter((r) => r.credentialId === credId),
      ...draft.environments
        .filter((e) => e.scm?.credentialId === credId)
        .flatMap((e) => repoById.get(e.repositoryId) ?? []),
    ]
    return repos.flatMap((r) => lexedRemote(r.remote) ?? [])
  }
  const pick = (c: Credential): WorkspaceAccount | null => {
    const remotes = remotesOf(c.id)
    // The username must fit, unless the secret is the very reference GitKeys writes for the account.
    const cands = accounts.filter(
      (a) =>
        remotes.some((p) => inAccountScope(p, a)) &&
        (usernameFits(c, a) || vaultRefFor(c.secret, a, envNames.get(a.id))),
    )
    if (cands.length <= 1) return cands[0] ?? null
    const byRef = cands.filter((a) => vaultRefFor(c.secret, a, envNames.get(a.id)))
    if (byRef.length === 1) return byRef[0] ?? null
    const byId = cands.filter((a) => a.id === c.id || `${a.id}-api` === c.id)
    return byId.length === 1 ? (byId[0] ?? null) : null
  }

  const linked = draft.credentials.map((c) => {
    const a = c.type === 'basic' || c.type === 'access_token' ? pick(c) : null
    if (!a) return c
    const secret: SecretRef | null = vaultRefFor(c.secret, a, envNames.get(a.id))
      ? { kind: 'vault', accountId: a.id }
      : c.secret
    return { ...c, accountId: a.id, secret }
  })

  const byAccount = new Map(accounts.map((a) => [a.id, a]))
  const folded = new Map<string, { account: WorkspaceAccount; use: 'git' | 'scm' | 'both' }>()
  for (const c of linked) {
    const a = c.accountId === null ? undefined : byAccount.get(c.accountId)
    if (!a || c.extra) continue
    const ids = derivedIds(a, new Set())
    const both = ids.git === ids.scm
    const use = c.id === ids.git ? (both ? 'both' : 'git') : c.id === ids.scm ? 'scm' : null
    if (use === null || !sameJson(c, derivedCredential(a, use === 'scm' ? 'scm' : 'git', c.id))) continue
    const storageUse = draft.repositories.some((r) => r.credentialId === c.id)
    const scmUse = draft.environments.some((e) => e.scm?.credentialId === c.id)
    if ((use === 'git' && scmUse) || (use === 'scm' && storageUse)) continue
    folded.set(c.id, { account: a, use })
  }

  const credentialAccount = new Map(linked.map((c) => [c.id, c.accountId]))
  const repositories = draft.repositories.map((r) => {
    if (r.credentialId === null) return r
    const f = folded.get(r.credentialId)
    return f
      ? { ...r, accountId: f.account.id, credentialId: null }
      : { ...r, accountId: credentialAccount.get(r.credentialId) ?? null }
  })
  const repoAfter = new Map(repositories.map((r) => [r.id, r]))
  const missingApiUrl: Array<{ environmentId: string; derived: string }> = []
  const environments = draft.environments.map((e) => {
    if (e.scm === null) return e
    const f = e.scm.credentialId === null ? undefined : folded.get(e.scm.credentialId)
    const scm = f
      ? { ...e.scm, accountId: f.account.id, credentialId: null }
      : {
          ...e.scm,
          accountId: e.scm.credentialId === null ? null : (credentialAccount.get(e.scm.credentialId) ?? null),
        }
    const repo = repoAfter.get(e.repositoryId)
    // The same account the exporter uses to derive api_url (flipt-plan.ts).
    const accountId = scm.accountId ?? (scm.credentialId === null ? (repo?.accountId ?? null) : null)
    const account = accountId === null ? null : (byAccount.get(accountId) ?? null)
    const derived = deriveScmApiUrl(scm.type, repo?.remote ?? '', account)
    if (scm.apiUrl === null && derived !== null) {
      // Absent in the file: Flipt uses its own default, so keep that meaning explicitly.
      missingApiUrl.push({ environmentId: e.id, derived })
      return { ...e, scm: { ...scm, apiUrl: FLIPT_DEFAULT_API_URL[scm.type] ?? '' } }
    }
    return { ...e, scm: scm.apiUrl !== null && scm.apiUrl === derived ? { ...scm, apiUrl: null } : scm }
  })
  return { credentials: linked.filter((c) => !folded.has(c.id)), repositories, environments, missingApiUrl }
}

/** Flipt's own SCM API base when `api_url` is absent (flipt-v2.md §3.2); '' where it has none. */
export const FLIPT_DEFAULT_API_URL: Readonly<Record<string, string>> = {
  github: 'https://api.github.com/',
  gitlab: 'https://gitlab.com/api/v4/',
  gitea: '',
}
