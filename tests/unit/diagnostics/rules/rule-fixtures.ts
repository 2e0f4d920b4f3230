import { expect } from 'vitest'
import { runRules, type DiagnoseRunOptions } from '@shared/diagnostics/diagnose'
import type {
  AccountFacts,
  DiagnoseContext,
  FliptFacts,
  LocalFacts,
  LocalGitEnv,
  PathFacts,
  SecretFacts,
  SecretField,
} from '@shared/diagnostics/diagnose.types'
import { emptyFliptFacts } from '@shared/diagnostics/diagnose.types'
import { ALL_RULES } from '@shared/diagnostics/rules/rule-catalog.table'
import type { Credential } from '@shared/domain/credential'
import type { Environment } from '@shared/domain/environment'
import type { Finding } from '@shared/domain/finding'
import type { Deployment, ProviderId } from '@shared/domain/provider'
import type { Repository } from '@shared/domain/repository'
import { analyzeToken } from '@shared/providers/token-analysis'
import { credential, environment, repository } from '../../export/workspace-builders'
import { VECTORS } from '../../../support/token-fixtures'

/**
 * Builders for table-driven rule cases: a healthy GitHub workspace every case starts from, and the
 * small changes that make one rule fail. A case names the rule, the context and whether the rule must
 * report (`fail`) or stay silent (`pass`) for the subject.
 */

/** The clock of every case. */
export const NOW = new Date('2026-09-01T12:00:00.000Z')

export { credential, environment, repository }

/** Well-formed test tokens (fabricated). */
export const TOKENS = {
  github: VECTORS.githubWorked,
  gitlab: VECTORS.gitlabFabricated,
  atbb: VECTORS.atbb,
  azure: VECTORS.azureFabricatedBase64,
} as const

/** An account with the analysis main would compute from `token` (null: no token stored). */
export function account(
  over: Partial<AccountFacts> & Pick<AccountFacts, 'id' | 'provider' | 'host'>,
  token: string | null = null,
): AccountFacts {
  const deployment: Deployment = over.deployment ?? 'cloud'
  const tokenKind = over.tokenKind ?? 'classic_pat'
  const analysis = token
    ? analyzeToken(token, { provider: over.provider, host: over.host, deployment, tokenKind, now: NOW })
    : null
  return {
    deployment,
    pathPrefix: null,
    label: over.id,
    username: 'octo',
    tokenKind,
    scopes: [],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    secret: {
      state: 'stored',
      hint: analysis?.hint ?? '…',
      fingerprint: 'fp',
      checksum: analysis?.checksum ?? 'none',
    },
    analysis,
    ...over,
  }
}

/** The Azure DevOps account `az` of the cases: organisation `acme` on dev.azure.com, a PAT, no username. */
export const azureAccount = (): AccountFacts =>
  account(
    {
      id: 'az',
      provider: 'azure',
      host: 'dev.azure.com',
      pathPrefix: 'acme',
      tokenKind: 'pat',
      username: '',
    },
    TOKENS.azure,
  )

/** A Bitbucket Data Center account `dc` on bitbucket.acme.com. */
export const dataCenterAccount = (over: Partial<AccountFacts>, token: string): AccountFacts =>
  account(
    { id: 'dc', provider: 'bitbucket', deployment: 'self_hosted', host: 'bitbucket.acme.com', ...over },
    token,
  )

/** The secret facts of a credential field: a resolved token (env set), or an env reference in a state. */
export function secret(
  credentialId: string,
  field: SecretField,
  value:
    | {
        readonly token: string
        readonly provider?: ProviderId
        readonly host?: string
        readonly env?: string
      }
    | { readonly env: string; readonly state: 'unset' | 'empty' }
    | { readonly inline: string; readonly provider?: ProviderId },
): SecretFacts {
  if ('state' in value)
    return {
      credentialId,
      field,
      source: 'env',
      envName: value.env,
      envState: value.state,
      resolved: false,
      analysis: null,
    }
  if ('inline' in value)
    return {
      credentialId,
      field,
      source: 'pending',
      envName: null,
      envState: null,
      resolved: true,
      analysis: analyzeToken(value.inline, { provider: value.provider, now: NOW }),
    }
  return {
    credentialId,
    field,
    source: 'env',
    envName: value.env ?? 'TOKEN',
    envState: 'set',
    resolved: true,
    analysis: analyzeToken(value.token, { provider: value.provider, host: value.host, now: NOW }),
  }
}

/** A context from parts; everything else empty. */
export function ctx(parts: Partial<DiagnoseContext> = {}): DiagnoseContext {
  return {
    accounts: [],
    credentials: [],
    repositories: [],
    environments: [],
    secrets: [],
    local: null,
    probes: [],
    ...parts,
  }
}

/** Flipt facts with the given fields set. */
export function flipt(over: Partial<FliptFacts>): FliptFacts {
  return { ...emptyFliptFacts(), ...over }
}

/** Local facts with the given parts. */
export function local(
  over: Partial<Omit<LocalFacts, 'git'>> & { git?: Partial<LocalGitEnv> | null } = {},
): LocalFacts {
  const git = over.git === null ? null : { helpers: [], envTokens: [], netrc: [], clones: [], ...over.git }
  return { paths: over.paths ?? [], caCerts: over.caCerts ?? [], git }
}

/** Facts of a healthy, empty, writable folder. */
export function folder(over: Partial<PathFacts> & Pick<PathFacts, 'repositoryId' | 'path'>): PathFacts {
  return {
    role: 'clone',
    absolute: true,
    exists: true,
    isDirectory: true,
    writable: true,
    empty: true,
    isSymlink: false,
    realpathOutsideParent: false,
    parentExists: true,
    parentWritable: true,
    isGitRepo: false,
    gitRemoteUrl: null,
    ...over,
  }
}

/** The healthy base: a GitHub account with a valid classic PAT bound to one repository and one default environment with SCM. */
export function healthy(): {
  readonly accounts: AccountFacts[]
  readonly repositories: Repository[]
  readonly environments: Environment[]
  readonly credentials: Credential[]
} {
  return {
    accounts: [
      account(
        { id: 'gh', provider: 'github', host: 'github.com', scopes: ['repo'], expiresAt: '2027-06-01' },
        TOKENS.github,
      ),
    ],
    repositories: [repository({ id: 'flags', remote: 'https://github.com/acme/flags.git', accountId: 'gh' })],
    environments: [
      environment({
        id: 'prod',
        repositoryId: 'flags',
        default: true,
        scm: { type: 'github', apiUrl: null, accountId: 'gh', credentialId: null },
      }),
    ],
    credentials: [],
  }
}

/** One table row: the rule, a name, the context, and whether the rule reports (fail) or not (pass). */
export type RuleCase = {
  readonly rule: string
  readonly name: string
  readonly expect: 'fail' | 'pass'
  readonly ctx: DiagnoseContext
  /** When given, the finding must be about this subject. */
  readonly subject?: string
  readonly opts?: DiagnoseRunOptions
  readonly now?: Date
}

/** Runs a case through the single rule, and through the whole engine, and checks the verdict. */
export function checkCase(c: RuleCase): Finding[] {
  const rule = ALL_RULES.find((r) => r.id === c.rule)
  expect(rule, `rule ${c.rule} exists`).toBeDefined()
  const all = runRules(ALL_RULES, c.ctx, c.now ?? NOW, c.opts)
  const hits = all.filter((f) => f.id === c.rule && (c.subject === undefined || f.subject === c.subject))
  if (c.expect === 'fail') {
    expect(
      hits.length,
      `${c.rule} should report: got ${JSON.stringify(all.map((f) => [f.id, f.subject]))}`,
    ).toBeGreaterThan(0)
    for (const h of hits) {
      expect(h.title.length).toBeGreaterThan(0)
      expect(h.detail.length).toBeGreaterThan(0)
    }
  } else {
    expect(hits, `${c.rule} should stay silent`).toEqual([])
  }
  return hits
}
