import type { ScmType } from '@shared/domain/environment'
import type { RuleCase } from './rule-fixtures'
import { credential, ctx, environment, flipt, healthy, repository } from './rule-fixtures'

/** API URL cases on environments.prod.scm.api_url, in the app (workspace) and from a Flipt file. */

/** A storage on `remote` with an environment whose SCM is `type` with `apiUrl`; `file` marks it read from a Flipt file. */
function scm(type: ScmType, remote: string, apiUrl: string | null, file: { absent: boolean } | null = null) {
  return ctx({
    credentials: [credential({ id: 'api', type: 'access_token', secret: { kind: 'env', name: 'T' } })],
    repositories: [repository({ id: 'flags', remote, credentialId: 'api' })],
    environments: [
      environment({
        id: 'prod',
        repositoryId: 'flags',
        default: true,
        scm: { type, apiUrl, accountId: null, credentialId: 'api' },
      }),
    ],
    ...(file ? { flipt: flipt({ absentApiUrls: file.absent ? ['prod'] : [] }) } : {}),
  })
}
const S = 'environments.prod.scm.api_url'
const GITEA = 'https://gitea.acme.com/acme/flags.git'
const GHE = 'https://ghe.acme.com/acme/flags.git'

/** The API URL family's cases. */
export const apiUrlCases: readonly RuleCase[] = [
  {
    rule: 'api_url.invalid',
    name: 'a value without a scheme',
    expect: 'fail',
    subject: S,
    ctx: scm('gitea', GITEA, 'gitea.acme.com'),
  },
  {
    rule: 'api_url.invalid',
    name: 'an https root',
    expect: 'pass',
    ctx: scm('gitea', GITEA, 'https://gitea.acme.com'),
  },
  {
    rule: 'api_url.insecure_http',
    name: 'plain http to the server',
    expect: 'fail',
    subject: S,
    ctx: scm('gitea', GITEA, 'http://gitea.acme.com'),
  },
  {
    rule: 'api_url.insecure_http',
    name: 'https',
    expect: 'pass',
    ctx: scm('gitea', GITEA, 'https://gitea.acme.com'),
  },
  {
    rule: 'api_url.enterprise_missing',
    name: 'GitHub Enterprise without api_url in a Flipt file',
    expect: 'fail',
    subject: S,
    ctx: scm('github', GHE, 'https://api.github.com/', { absent: true }),
  },
  {
    rule: 'api_url.enterprise_missing',
    name: 'GitLab self-managed without api_url in a Flipt file',
    expect: 'fail',
    subject: S,
    ctx: scm('gitlab', 'https://gitlab.acme.com/platform/flags.git', 'https://gitlab.com/api/v4/', {
      absent: true,
    }),
  },
  {
    rule: 'api_url.enterprise_missing',
    name: 'GitHub Enterprise in the app (GitKeys derives api_url)',
    expect: 'pass',
    ctx: scm('github', GHE, null),
  },
  {
    rule: 'api_url.enterprise_missing',
    name: 'github.com without api_url in a Flipt file',
    expect: 'pass',
    ctx: scm('github', 'https://github.com/acme/flags.git', 'https://api.github.com/', { absent: true }),
  },
  {
    rule: 'api_url.gitea_missing',
    name: 'Gitea without api_url in a Flipt file',
    expect: 'fail',
    subject: S,
    ctx: scm('gitea', GITEA, '', { absent: true }),
  },
  {
    rule: 'api_url.gitea_missing',
    name: 'Gitea with the server root',
    expect: 'pass',
    ctx: scm('gitea', GITEA, 'https://gitea.acme.com', { absent: false }),
  },
  {
    rule: 'api_url.gitea_api_v1',
    name: 'Gitea api_url ending in /api/v1',
    expect: 'fail',
    subject: S,
    ctx: scm('gitea', GITEA, 'https://gitea.acme.com/api/v1'),
  },
  {
    rule: 'api_url.gitea_api_v1',
    name: 'Gitea root',
    expect: 'pass',
    ctx: scm('gitea', GITEA, 'https://gitea.acme.com'),
  },
  {
    rule: 'api_url.gitlab_path',
    name: 'GitLab api_url at /api/v3',
    expect: 'fail',
    subject: S,
    ctx: scm('gitlab', 'https://gitlab.acme.com/platform/flags.git', 'https://gitlab.acme.com/api/v3'),
  },
  {
    rule: 'api_url.gitlab_path',
    name: 'GitLab api_url at /api/v4',
    expect: 'pass',
    ctx: scm('gitlab', 'https://gitlab.acme.com/platform/flags.git', 'https://gitlab.acme.com/api/v4'),
  },
  {
    rule: 'api_url.gitlab_path',
    name: 'GitLab api_url at the host root',
    expect: 'pass',
    ctx: scm('gitlab', 'https://gitlab.acme.com/platform/flags.git', 'https://gitlab.acme.com'),
  },
  {
    rule: 'api_url.bitbucket_rest_1',
    name: 'a Data Center /rest/api/1.0 URL',
    expect: 'fail',
    subject: S,
    ctx: scm(
      'bitbucket',
      'https://bitbucket.acme.com/scm/PROJ/flags.git',
      'https://bitbucket.acme.com/rest/api/1.0',
    ),
  },
  {
    rule: 'api_url.bitbucket_rest_1',
    name: 'the Cloud 2.0 API',
    expect: 'pass',
    ctx: scm('bitbucket', 'https://bitbucket.org/acme/flags.git', 'https://api.bitbucket.org/2.0'),
  },
  {
    rule: 'api_url.azure_path',
    name: 'an Azure api_url with the organisation',
    expect: 'fail',
    subject: S,
    ctx: scm('azure', 'https://dev.azure.com/acme/platform/_git/flags', 'https://dev.azure.com/acme'),
  },
  {
    rule: 'api_url.azure_path',
    name: 'an Azure api_url with _apis',
    expect: 'fail',
    subject: S,
    ctx: scm('azure', 'https://dev.azure.com/acme/platform/_git/flags', 'https://dev.azure.com/_apis'),
  },
  {
    rule: 'api_url.azure_path',
    name: 'the Azure host root',
    expect: 'pass',
    ctx: scm('azure', 'https://dev.azure.com/acme/platform/_git/flags', 'https://dev.azure.com'),
  },
  {
    rule: 'api_url.host_mismatch',
    name: 'a github.com storage with another GHE API',
    expect: 'fail',
    subject: S,
    ctx: scm('github', 'https://github.com/acme/flags.git', 'https://ghe.other.com/api/v3'),
  },
  {
    rule: 'api_url.host_mismatch',
    name: 'api.github.com for github.com',
    expect: 'pass',
    ctx: scm('github', 'https://github.com/acme/flags.git', 'https://api.github.com'),
  },
  { rule: 'api_url.host_mismatch', name: 'no api_url', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'api_url.enterprise_missing',
    name: 'a GitLab SCM on a GitHub remote (scm.type_mismatch says it; no api_url advice for the wrong type)',
    expect: 'pass',
    ctx: scm('gitlab', 'https://github.com/acme/flags.git', null, { absent: true }),
  },
]
