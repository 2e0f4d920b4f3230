import type { AccountFacts } from '@shared/diagnostics/diagnose.types'
import { atlassianToken, mutate, rng } from '../../../support/token-fixtures'
import type { RuleCase } from './rule-fixtures'
import {
  TOKENS,
  account,
  credential,
  ctx,
  dataCenterAccount,
  healthy,
  repository,
  secret,
} from './rule-fixtures'

/** Token and expiry-independent token cases: format, checksum, kind, provider, paste damage, missing secret. */

const gh = (token: string, over: Partial<AccountFacts> = {}) =>
  account(
    { id: 'gh', provider: 'github', host: 'github.com', scopes: ['repo'], expiresAt: '2027-06-01', ...over },
    token,
  )

const withAccount = (a: ReturnType<typeof account>) => ctx({ ...healthy(), accounts: [a] })

/** A Flipt credential fed by `${env:TOKEN}` holding `value`, used by a Bitbucket Cloud storage. */
const envCredential = (value: string) =>
  ctx({
    credentials: [credential({ id: 'bb', type: 'access_token', secret: { kind: 'env', name: 'TOKEN' } })],
    secrets: [secret('bb', 'access_token', { token: value, provider: 'bitbucket', host: 'bitbucket.org' })],
    repositories: [
      repository({ id: 'flags', remote: 'https://bitbucket.org/acme/flags.git', credentialId: 'bb' }),
    ],
  })

const accessToken = atlassianToken(rng(7), 'ATCTT')

/** The token family's cases. */
export const tokenCases: readonly RuleCase[] = [
  {
    rule: 'token.checksum_invalid',
    name: 'one character of a classic PAT changed',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: withAccount(gh(mutate(TOKENS.github, -1))),
  },
  { rule: 'token.checksum_invalid', name: 'a valid classic PAT', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'token.malformed',
    name: 'a classic PAT cut one character short',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: withAccount(gh(TOKENS.github.slice(0, -1))),
  },
  { rule: 'token.malformed', name: 'a complete classic PAT', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'token.paste_damage',
    name: '${env:TOKEN} ends with a newline',
    expect: 'fail',
    subject: 'credentials.bb',
    ctx: envCredential(`${accessToken}\n`),
  },
  {
    rule: 'token.paste_damage',
    name: '${env:TOKEN} holds "Bearer <token>"',
    expect: 'fail',
    subject: 'credentials.bb',
    ctx: envCredential(`Bearer ${accessToken}`),
  },
  {
    rule: 'token.paste_damage',
    name: '${env:TOKEN} holds the bare token',
    expect: 'pass',
    ctx: envCredential(accessToken),
  },
  {
    rule: 'token.wrong_provider',
    name: 'a GitLab token on a GitHub account',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: withAccount(gh(TOKENS.gitlab)),
  },
  {
    rule: 'token.wrong_provider',
    name: 'a GitHub token for a Bitbucket storage',
    expect: 'fail',
    subject: 'credentials.bb',
    ctx: envCredential(TOKENS.github),
  },
  {
    rule: 'token.wrong_provider',
    name: 'a GitHub token on a GitHub account',
    expect: 'pass',
    ctx: ctx(healthy()),
  },
  {
    rule: 'token.wrong_deployment',
    name: 'an ATBB app password on Bitbucket Data Center',
    expect: 'fail',
    subject: 'accounts.dc',
    ctx: ctx({
      accounts: [dataCenterAccount({ tokenKind: 'http_personal' }, TOKENS.atbb)],
    }),
  },
  {
    rule: 'token.wrong_deployment',
    name: 'an ATBB app password on Bitbucket Cloud',
    expect: 'pass',
    ctx: ctx({
      accounts: [
        account(
          { id: 'bc', provider: 'bitbucket', host: 'bitbucket.org', tokenKind: 'app_password' },
          TOKENS.atbb,
        ),
      ],
    }),
  },
  {
    rule: 'token.kind_mismatch',
    name: 'a classic PAT declared fine-grained',
    expect: 'fail',
    subject: 'accounts.gh.tokenKind',
    ctx: withAccount(gh(TOKENS.github, { tokenKind: 'fine_grained_pat' })),
  },
  {
    rule: 'token.kind_mismatch',
    name: 'a classic PAT declared classic',
    expect: 'pass',
    ctx: ctx(healthy()),
  },
  {
    rule: 'token.not_git_credential',
    name: 'a GitLab OAuth application secret',
    expect: 'fail',
    ctx: ctx({
      accounts: [
        account(
          { id: 'gl', provider: 'gitlab', host: 'gitlab.com', tokenKind: 'personal' },
          `gloas-${'a'.repeat(64)}`,
        ),
      ],
    }),
  },
  {
    rule: 'token.not_git_credential',
    name: 'a GitLab personal access token',
    expect: 'pass',
    ctx: ctx({
      accounts: [
        account({ id: 'gl', provider: 'gitlab', host: 'gitlab.com', tokenKind: 'personal' }, TOKENS.gitlab),
      ],
    }),
  },
  {
    rule: 'token.format_unknown',
    name: 'a password on a GitHub account',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: withAccount(gh('hunter2password', { tokenKind: 'classic_pat' })),
  },
  { rule: 'token.format_unknown', name: 'a recognised classic PAT', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'token.secret_missing',
    name: 'a token that must be entered again',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: withAccount({
      ...gh(TOKENS.github),
      secret: { state: 'needs_reentry', hint: '…', fingerprint: '', checksum: 'unknown' },
      analysis: null,
    }),
  },
  { rule: 'token.secret_missing', name: 'a stored token', expect: 'pass', ctx: ctx(healthy()) },
]
