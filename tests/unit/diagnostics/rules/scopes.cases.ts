import type { AccountFacts } from '@shared/diagnostics/diagnose.types'
import type { Environment } from '@shared/domain/environment'
import { fineGrainedPat, rng } from '../../../support/token-fixtures'
import type { RuleCase } from './rule-fixtures'
import { TOKENS, account, ctx, environment, repository } from './rule-fixtures'

/** Scope cases: what the use needs (read, push, merge proposals) against declared or observed scopes. */

function bound(a: AccountFacts, scm: boolean, remote: string): ReturnType<typeof ctx> {
  const envs: Environment[] = [
    environment({
      id: 'prod',
      repositoryId: 'flags',
      default: true,
      scm: scm ? { type: a.provider, apiUrl: null, accountId: a.id, credentialId: null } : null,
    }),
  ]
  return ctx({
    accounts: [a],
    repositories: [repository({ id: 'flags', remote, accountId: a.id })],
    environments: envs,
  })
}
const github = (scopes: string[], scm = false, kind = 'classic_pat', token: string = TOKENS.github) =>
  bound(
    account({ id: 'gh', provider: 'github', host: 'github.com', tokenKind: kind, scopes }, token),
    scm,
    'https://github.com/acme/flags.git',
  )
const gitlab = (scopes: string[], kind = 'personal', scm = false) =>
  bound(
    account(
      { id: 'gl', provider: 'gitlab', host: 'gitlab.com', tokenKind: kind, scopes },
      kind === 'personal' ? TOKENS.gitlab : null,
    ),
    scm,
    'https://gitlab.com/acme/flags.git',
  )
const fine = fineGrainedPat(rng(21))
const observed = (scopes: string[]) => ({
  subject: 'accounts.gh',
  ok: true,
  category: null,
  login: 'octo',
  scopes,
  expiresAt: null,
  ms: 80,
})

/** The scopes family's cases. */
export const scopeCases: readonly RuleCase[] = [
  {
    rule: 'scopes.missing_read',
    name: 'a GitLab PAT with read_user only',
    expect: 'fail',
    subject: 'accounts.gl',
    ctx: gitlab(['read_user']),
  },
  { rule: 'scopes.missing_read', name: 'a GitLab PAT with api', expect: 'pass', ctx: gitlab(['api']) },
  {
    rule: 'scopes.missing_write',
    name: 'a classic PAT with read:org only, used by Flipt to push',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: github(['read:org']),
  },
  {
    rule: 'scopes.missing_write',
    name: 'a classic PAT without repo as observed online',
    expect: 'fail',
    ctx: { ...github(['repo']), probes: [observed(['read:org'])] },
  },
  {
    rule: 'scopes.missing_write',
    name: 'a GitLab PAT with read_repository for read-only use',
    expect: 'pass',
    opts: { use: 'read_only' },
    ctx: gitlab(['read_repository']),
  },
  { rule: 'scopes.missing_write', name: 'a classic PAT with repo', expect: 'pass', ctx: github(['repo']) },
  {
    rule: 'scopes.missing_pr',
    name: 'a fine-grained PAT without pull requests, with SCM',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: github(['contents:write'], true, 'fine_grained_pat', fine),
  },
  {
    rule: 'scopes.missing_pr',
    name: 'a fine-grained PAT with contents and pull requests',
    expect: 'pass',
    ctx: github(['contents:write', 'pull_requests:write'], true, 'fine_grained_pat', fine),
  },
  {
    rule: 'scopes.missing_pr',
    name: 'a GitLab PAT with write_repository, no SCM',
    expect: 'pass',
    ctx: gitlab(['write_repository']),
  },
  {
    rule: 'scopes.use_unsupported',
    name: 'a GitLab deploy token for merge requests',
    expect: 'fail',
    subject: 'accounts.gl',
    ctx: gitlab(['write_repository'], 'deploy', true),
  },
  {
    rule: 'scopes.use_unsupported',
    name: 'a GitLab deploy token for git sync only',
    expect: 'pass',
    ctx: gitlab(['write_repository'], 'deploy', false),
  },
  {
    rule: 'scopes.declared_unconfirmed',
    name: 'declared repo, observed read:org',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: { ...github(['repo']), probes: [observed(['read:org'])] },
  },
  {
    rule: 'scopes.declared_unconfirmed',
    name: 'declared and observed repo',
    expect: 'pass',
    ctx: { ...github(['repo']), probes: [observed(['repo', 'read:org'])] },
  },
]
