import type { Credential } from '@shared/domain/credential'
import { atlassianToken, bbdcToken, rng } from '../../../support/token-fixtures'
import type { RuleCase } from './rule-fixtures'
import { TOKENS, account, credential, ctx, dataCenterAccount, repository, secret } from './rule-fixtures'

/** Username cases: what Flipt sends for access_token, Bearer-only tokens, fixed usernames, emails, missing names. */

const apiToken = atlassianToken(rng(11), 'ATATT')
const accessToken = atlassianToken(rng(12), 'ATCTT')
const dcToken = bbdcToken(rng(13))

/** A Bitbucket Cloud storage whose credential gets `token` from the environment. */
function cloud(
  c: Partial<Credential> & Pick<Credential, 'type'>,
  token: string,
  usedBy: 'storage' | 'scm' = 'storage',
) {
  const cred = credential({ id: 'bb', secret: { kind: 'env', name: 'BB' }, ...c })
  const field = c.type === 'basic' ? 'basic.password' : 'access_token'
  return ctx({
    credentials: [cred],
    secrets: [secret('bb', field, { token, provider: 'bitbucket', host: 'bitbucket.org', env: 'BB' })],
    repositories: [
      repository({
        id: 'flags',
        remote: 'https://bitbucket.org/acme/flags.git',
        credentialId: usedBy === 'storage' ? 'bb' : null,
      }),
    ],
    environments:
      usedBy === 'scm'
        ? [
            {
              id: 'prod',
              name: 'prod',
              default: true,
              repositoryId: 'flags',
              directory: '',
              scm: { type: 'bitbucket', apiUrl: null, accountId: null, credentialId: 'bb' },
              dflow: null,
            },
          ]
        : [],
  })
}

/** A Bitbucket Data Center storage using a basic credential backed by an account of `kind`. */
function dataCenter(kind: string, type: Credential['type'] = 'basic') {
  return ctx({
    accounts: [dataCenterAccount({ tokenKind: kind, username: 'svc' }, dcToken)],
    credentials: [
      credential({
        id: 'dcc',
        type,
        username: type === 'basic' ? 'svc' : null,
        accountId: 'dc',
        secret: { kind: 'vault', accountId: 'dc' },
      }),
    ],
    repositories: [
      repository({
        id: 'flags',
        remote: 'https://bitbucket.acme.com/scm/PROJ/flags.git',
        credentialId: 'dcc',
      }),
    ],
  })
}

const appPasswordAccount = (username: string) =>
  ctx({
    accounts: [
      account(
        { id: 'bb', provider: 'bitbucket', host: 'bitbucket.org', tokenKind: 'app_password', username },
        TOKENS.atbb,
      ),
    ],
  })

/** The username family's cases. */
export const usernameCases: readonly RuleCase[] = [
  {
    rule: 'username.access_token_x_token_auth',
    name: 'an Atlassian API token as access_token',
    expect: 'fail',
    subject: 'credentials.bb',
    ctx: cloud({ type: 'access_token' }, apiToken),
  },
  {
    rule: 'username.access_token_x_token_auth',
    name: 'an app password as access_token',
    expect: 'fail',
    subject: 'credentials.bb',
    ctx: cloud({ type: 'access_token' }, TOKENS.atbb),
  },
  {
    rule: 'username.access_token_x_token_auth',
    name: 'a Data Center project token as access_token',
    expect: 'fail',
    subject: 'credentials.dcc',
    ctx: dataCenter('http_project', 'access_token'),
  },
  {
    rule: 'username.access_token_x_token_auth',
    name: 'an API token as access_token for the SCM API only (Bearer)',
    expect: 'fail',
    ctx: cloud({ type: 'access_token' }, apiToken, 'scm'),
  },
  {
    rule: 'username.access_token_x_token_auth',
    name: 'a repository access token (ATCTT) as access_token',
    expect: 'pass',
    ctx: cloud({ type: 'access_token' }, accessToken),
  },
  {
    rule: 'username.bearer_only',
    name: 'a Data Center project token as basic',
    expect: 'fail',
    subject: 'credentials.dcc',
    ctx: dataCenter('http_project'),
  },
  {
    rule: 'username.bearer_only',
    name: 'a Data Center personal token as basic',
    expect: 'pass',
    ctx: dataCenter('http_personal'),
  },
  {
    rule: 'username.fixed_required',
    name: 'an access token sent with username "john"',
    expect: 'fail',
    subject: 'credentials.bb.basic.username',
    ctx: cloud({ type: 'basic', username: 'john' }, accessToken),
  },
  {
    rule: 'username.fixed_required',
    name: 'an access token sent with x-token-auth',
    expect: 'pass',
    ctx: cloud({ type: 'basic', username: 'x-token-auth' }, accessToken),
  },
  {
    rule: 'username.email_rejected',
    name: 'an app password sent with an email',
    expect: 'fail',
    subject: 'credentials.bb.basic.username',
    ctx: cloud({ type: 'basic', username: 'john@acme.example' }, TOKENS.atbb),
  },
  {
    rule: 'username.email_rejected',
    name: 'an app password account whose username is an email',
    expect: 'fail',
    subject: 'accounts.bb.username',
    ctx: appPasswordAccount('john@acme.example'),
  },
  {
    rule: 'username.email_rejected',
    name: 'an API token sent to the SCM API with the email',
    expect: 'pass',
    ctx: cloud({ type: 'basic', username: 'john@acme.example' }, apiToken, 'scm'),
  },
  {
    rule: 'username.email_rejected',
    name: 'an app password sent with the Bitbucket username',
    expect: 'pass',
    ctx: cloud({ type: 'basic', username: 'john' }, TOKENS.atbb),
  },
  {
    rule: 'username.missing',
    name: 'an app password account without a username',
    expect: 'fail',
    subject: 'accounts.bb.username',
    ctx: appPasswordAccount(''),
  },
  {
    rule: 'username.missing',
    name: 'an app password account with a username',
    expect: 'pass',
    ctx: appPasswordAccount('john'),
  },
]
