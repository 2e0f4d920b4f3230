import type { Credential } from '../domain/credential'
import type { Environment, ScmType } from '../domain/environment'
import type { Finding } from '../domain/finding'
import type { Repository } from '../domain/repository'
import type { Workspace, WorkspaceAccount } from '../domain/workspace'
import { exportFinding } from './finding-builder'
import {
  fliptAdviceFor,
  fliptRuleFor,
  resolveFliptAuth,
  scmDiffers,
  type FliptAdvice,
} from './flipt-credential-rules'
import { deriveScmApiUrl, scmApiFindings } from './flipt-scm-api'

/**
 * What a Flipt export will contain, decided before any YAML is written: the environments, their
 * storages, and every credential (the workspace's own, plus one derived per bound account), with the
 * findings that go with them. The importer uses the same derivation to fold credentials back.
 */

/** A credential to write: the workspace's own, or derived from an account. */
export type PlannedCredential = {
  readonly credential: Credential
  readonly derived: boolean
  /** The comment and caveats of a derived credential; null for the workspace's own. */
  readonly advice: FliptAdvice | null
}

/** An environment to write, with its resolved default flag and SCM target. */
export type PlannedEnvironment = {
  readonly env: Environment
  readonly isDefault: boolean
  readonly scm: {
    readonly type: ScmType
    readonly apiUrl: string | null
    readonly credentialId: string
  } | null
}

/** The whole export, as data. */
export type FliptPlan = {
  readonly credentials: readonly PlannedCredential[]
  readonly storages: ReadonlyArray<{ readonly repo: Repository; readonly credentialId: string | null }>
  readonly environments: readonly PlannedEnvironment[]
  readonly findings: readonly Finding[]
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const id = `${base.slice(0, 60)}-${n}`
    if (!taken.has(id)) return id
  }
}

/** The ids of an account's derived credentials: `git` for storages, `scm` for the SCM API. */
export function derivedIds(
  account: WorkspaceAccount,
  explicitIds: ReadonlySet<string>,
): { git: string; scm: string } {
  const git = freeId(account.id, explicitIds)
  if (!scmDiffers(fliptRuleFor(account), account)) return { git, scm: git }
  return { git, scm: freeId(`${account.id.slice(0, 60)}-api`, new Set([...explicitIds, git])) }
}

/** The credential GitKeys derives for an account and a use. */
export function derivedCredential(account: WorkspaceAccount, use: 'git' | 'scm', id: string): Credential {
  const rule = fliptRuleFor(account)
  const auth = use === 'scm' && rule.scm ? rule.scm : rule.git
  const { type, username } = resolveFliptAuth(auth, account)
  return {
    id,
    accountId: account.id,
    type,
    username,
    secret: { kind: 'vault', accountId: account.id },
    ssh: null,
    githubApp: null,
  }
}

/** Plans a Flipt export of `environmentIds` (all environments when omitted). */
export function planFlipt(ws: Workspace, environmentIds?: readonly string[]): FliptPlan {
  const findings: Finding[] = []
  const accounts = new Map(ws.accounts.map((a) => [a.id, a]))
  const explicit = new Map(ws.credentials.map((c) => [c.id, c]))
  const repos = new Map(ws.repositories.map((r) => [r.id, r]))
  const wanted = environmentIds ? new Set(environmentIds) : null
  for (const id of wanted ?? []) {
    if (!ws.environments.some((e) => e.id === id))
      findings.push(
        exportFinding(
          'export.environment_missing',
          'error',
          `environments.${id}`,
          'No such environment',
          `"${id}" is not in the workspace.`,
        ),
      )
  }
  const envs = ws.environments.filter((e) => wanted === null || wanted.has(e.id))
  if (envs.length === 0)
    findings.push(
      exportFinding(
        'export.no_environments',
        'warning',
        'environments',
        'No environment to export',
        'Without environments Flipt creates environments.default on storage "default".',
      ),
    )
  const used = new Set<string>()
  const derived = new Map<string, PlannedCredential>()

  const derive = (accountId: string, use: 'git' | 'scm', subject: string): string | null => {
    const account = accounts.get(accountId)
    if (!account) {
      findings.push(
        exportFinding(
          'export.account_missing',
          'error',
          subject,
          'Bound account is missing',
          `Account "${accountId}" is not in the workspace.`,
        ),
      )
      return null
    }
    const id = derivedIds(account, new Set(explicit.keys()))[use]
    if (!derived.has(id))
      derived.set(id, {
        credential: derivedCredential(account, use, id),
        derived: true,
        advice: fliptAdviceFor(account),
      })
    return id
  }
  const explicitRef = (id: string, subject: string): string => {
    if (!explicit.has(id))
      findings.push(
        exportFinding(
          'export.credential_missing',
          'error',
          subject,
          'Credential is missing',
          `Credential "${id}" is not in the workspace; Flipt will fail with credential "${id}" not found.`,
        ),
      )
    used.add(id)
    return id
  }

  const repoIds = new Set(
    wanted === null ? ws.repositories.map((r) => r.id) : envs.map((e) => e.repositoryId),
  )
  const storages = ws.repositories
    .filter((r) => repoIds.has(r.id))
    .map((repo) => {
      const subject = `storage.${repo.id}.credentials`
      const credentialId =
        repo.credentialId !== null
          ? explicitRef(repo.credentialId, subject)
          : repo.accountId !== null
            ? derive(repo.accountId, 'git', subject)
            : null
      return { repo, credentialId }
    })
  for (const e of envs) {
    if (!repos.has(e.repositoryId))
      findings.push(
        exportFinding(
          'export.repository_missing',
          'error',
          `environments.${e.id}.storage`,
          'Repository is missing',
          `Repository "${e.repositoryId}" is not in the workspace.`,
        ),
      )
  }

  const defaults = envs.filter((e) => e.default)
  const defaultId = defaults[0]?.id ?? envs[0]?.id
  if (envs.length > 0 && defaults.length !== 1) {
    findings.push(
      exportFinding(
        'export.default_environment',
        'warning',
        'environments',
        'Exactly one environment must be the default',
        `${defaults.length} of the exported environments are marked default; "${defaultId ?? ''}" is written as the default.`,
      ),
    )
  }

  const environments = envs.map((env): PlannedEnvironment => {
    const repo = repos.get(env.repositoryId)
    const storageCred = storages.find((s) => s.repo.id === env.repositoryId)?.credentialId ?? null
    if (env.scm === null) return { env, isDefault: env.id === defaultId, scm: null }
    const subject = `environments.${env.id}.scm.credentials`
    let credentialId: string | null
    if (env.scm.credentialId !== null) credentialId = explicitRef(env.scm.credentialId, subject)
    else if (env.scm.accountId !== null) credentialId = derive(env.scm.accountId, 'scm', subject)
    else if (repo && repo.credentialId === null && repo.accountId !== null)
      credentialId = derive(repo.accountId, 'scm', subject)
    else {
      credentialId = storageCred
      if (credentialId !== null)
        findings.push(
          exportFinding(
            'export.scm_uses_storage_credential',
            'info',
            subject,
            'SCM uses the storage credential',
            `No account is bound to the SCM of "${env.id}"; its storage's credential "${credentialId}" is written.`,
          ),
        )
    }
    const scmAccountId =
      env.scm.accountId ??
      (env.scm.credentialId !== null
        ? (explicit.get(env.scm.credentialId)?.accountId ?? null)
        : (repo?.accountId ?? null))
    const account = scmAccountId === null ? null : (accounts.get(scmAccountId) ?? null)
    const apiUrl = env.scm.apiUrl ?? deriveScmApiUrl(env.scm.type, repo?.remote ?? '', account)
    findings.push(...scmApiFindings(env.id, env.scm.type, apiUrl, repo?.remote ?? ''))
    // Rule caveats hold for what GitKeys derives; an explicit credential says what the user chose.
    if (account && credentialId !== null && derived.has(credentialId))
      findings.push(...scmAccountFindings(env.id, account))
    if (credentialId === null) {
      findings.push(
        exportFinding(
          'export.scm_credentials_missing',
          'error',
          subject,
          'SCM needs a credential',
          `Bind an account to the SCM of "${env.id}"; Flipt's schema requires scm.credentials, so the scm block is left out.`,
        ),
      )
      return { env, isDefault: env.id === defaultId, scm: null }
    }
    return { env, isDefault: env.id === defaultId, scm: { type: env.scm.type, apiUrl, credentialId } }
  })
  findings.push(...directoryConflicts(envs))

  const credentials: PlannedCredential[] = [
    ...ws.credentials
      .filter((c) => wanted === null || used.has(c.id))
      .map((c) => ({ credential: c, derived: false, advice: null })),
    ...derived.values(),
  ]
  return { credentials, storages, environments, findings }
}

function scmAccountFindings(envId: string, account: WorkspaceAccount): Finding[] {
  const subject = `environments.${envId}.scm.credentials`
  return fliptAdviceFor(account).scmWarnings.map((w) =>
    exportFinding(w.id, 'warning', subject, w.title, w.detail),
  )
}

function directoryConflicts(envs: readonly Environment[]): Finding[] {
  const seen = new Map<string, string[]>()
  for (const e of envs) {
    const key = `${e.repositoryId}\u0000${e.directory}`
    seen.set(key, [...(seen.get(key) ?? []), e.id])
  }
  return [...seen.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, ids]) => {
      const [storage = '', dir = ''] = key.split('\u0000')
      return exportFinding(
        'export.directory_conflict',
        'error',
        'environments',
        'Environments share a storage and directory',
        `Flipt refuses environments [${[...ids].sort().join(', ')}] sharing the same storage "${storage}" and directory "${dir}".`,
      )
    })
}
