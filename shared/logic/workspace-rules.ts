import type { Account } from '../domain/account'
import type { Environment } from '../domain/environment'
import type { Repository } from '../domain/repository'
import { validateBranchName } from './branch-name'
import { checkPollInterval } from './duration'
import { validateRemoteUrl } from './remote-url'

/** A problem with one field of a draft: errors block saving, warnings and infos advise. */
export type FieldCheck = {
  readonly field: string
  readonly severity: 'error' | 'warning' | 'info'
  readonly message: string
  /** A value the app can put in the field for the user (a clone URL instead of a web URL). */
  readonly suggestion?: string
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** Checks a repository draft against its bound account (if any). Used live in the UI and again on save. */
export function checkRepository(
  r: Repository,
  ctx: {
    readonly account: Pick<Account, 'host' | 'provider' | 'deployment' | 'pathPrefix'> | null
    readonly others: readonly Repository[]
  },
): FieldCheck[] {
  const out: FieldCheck[] = []
  const url = validateRemoteUrl(r.remote, {
    allowHttpLoopback: true,
    ...(ctx.account
      ? {
          accountHost: ctx.account.host,
          provider: ctx.account.provider,
          deployment: ctx.account.deployment,
          pathPrefix: ctx.account.pathPrefix,
        }
      : {}),
  })
  const issues = url.ok ? url.notices : url.problems
  for (const i of issues) {
    const suggestion = 'suggestedUrl' in i && typeof i.suggestedUrl === 'string' ? i.suggestedUrl : undefined
    out.push({
      field: 'remote',
      severity: i.severity,
      message: i.message,
      ...(suggestion ? { suggestion } : {}),
    })
  }
  if (url.ok && url.transport === 'ssh')
    out.push({
      field: 'remote',
      severity: 'warning',
      message:
        'This is an SSH URL: tokens do not apply to it, and GitKeys runs git over HTTPS only. Flipt can still use it with an ssh credential.',
    })
  const branch = validateBranchName(r.branch)
  if (!branch.ok)
    for (const p of branch.problems) out.push({ field: 'branch', severity: 'error', message: p.message })
  const poll = checkPollInterval(r.pollInterval)
  if (!poll.ok) out.push({ field: 'pollInterval', severity: 'error', message: poll.error })
  if (r.backend.type === 'local' && (r.backend.path.trim() === '' || CONTROL.test(r.backend.path)))
    out.push({
      field: 'backend.path',
      severity: 'error',
      message: 'A local backend needs a folder path without control characters.',
    })
  if (r.caCertPath && r.caCertPem)
    out.push({
      field: 'caCertPem',
      severity: 'error',
      message: 'Give the CA certificate as a path or as PEM text, not both (Flipt refuses both).',
    })
  if (r.caCertPem && !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(r.caCertPem))
    out.push({
      field: 'caCertPem',
      severity: 'error',
      message: 'This is not a PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).',
    })
  if (r.insecureSkipTls)
    out.push({
      field: 'insecureSkipTls',
      severity: 'warning',
      message:
        'TLS verification is off: anyone on the network path can read the token. Add the CA certificate instead.',
    })
  if (r.author && r.author.email !== '' && !/^[^@\s]+@[^@\s]+$/.test(r.author.email))
    out.push({
      field: 'author.email',
      severity: 'error',
      message: 'The commit author email is not an email address.',
    })
  if (r.localPath !== null && (r.localPath.trim() === '' || CONTROL.test(r.localPath)))
    out.push({
      field: 'localPath',
      severity: 'error',
      message: 'The local folder path is empty or contains control characters.',
    })
  if (ctx.others.some((o) => o.id === r.id))
    out.push({ field: 'id', severity: 'error', message: `Another repository already has the id “${r.id}”.` })
  return out
}

/**
 * Checks an environment against the others, as Flipt validates them (flipt-v2.md §2): a git-ref-safe
 * name (it becomes part of branch names `flipt/<name>/…`), an existing repository, and a directory
 * that differs from every other environment on the same repository ("" counts as a value).
 */
export function checkEnvironment(
  e: Environment,
  ctx: { readonly repositories: readonly Repository[]; readonly others: readonly Environment[] },
): FieldCheck[] {
  const out: FieldCheck[] = []
  if (e.name.trim() === '')
    out.push({ field: 'name', severity: 'error', message: 'Give the environment a name.' })
  else {
    const asRef = validateBranchName(`flipt/${e.name}/main`)
    if (!asRef.ok || e.name.includes('/'))
      out.push({
        field: 'name',
        severity: 'error',
        message:
          'Flipt uses the name in branch names (flipt/<name>/…): use letters, digits, dots, dashes and underscores.',
      })
  }
  if (!ctx.repositories.some((r) => r.id === e.repositoryId))
    out.push({
      field: 'repositoryId',
      severity: 'error',
      message: 'Choose the repository this environment is stored in.',
    })
  const clash = ctx.others.find(
    (o) => o.id !== e.id && o.repositoryId === e.repositoryId && o.directory === e.directory,
  )
  if (clash)
    out.push({
      field: 'directory',
      severity: 'error',
      message: `“${clash.name}” already uses this repository with ${e.directory === '' ? 'the root directory' : `directory “${e.directory}”`}; give each environment its own directory.`,
    })
  if (e.directory.startsWith('/') || e.directory.split('/').includes('..'))
    out.push({
      field: 'directory',
      severity: 'error',
      message: 'The directory is relative to the repository root, without “..”.',
    })
  if (e.scm && !e.scm.accountId && !e.scm.credentialId)
    out.push({
      field: 'scm.accountId',
      severity: 'error',
      message: 'Merge proposals need an account (Flipt requires scm.credentials).',
    })
  if (ctx.others.some((o) => o.id === e.id))
    out.push({ field: 'id', severity: 'error', message: `Another environment already has the id “${e.id}”.` })
  return out
}

/** Makes exactly one environment the default: the chosen one, else the first when none is. */
export function withSingleDefault(envs: readonly Environment[], chosen: string | null): Environment[] {
  const target = chosen ?? envs.find((e) => e.default)?.id ?? envs[0]?.id ?? null
  return envs.map((e) => ({ ...e, default: e.id === target }))
}

/** A readable unique id from a name: `feature-flags`, `feature-flags-2`. */
export function uniqueId(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/\.git$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || fallback
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
