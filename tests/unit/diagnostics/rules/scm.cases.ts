import type { Credential } from '@shared/domain/credential'
import type { ScmType } from '@shared/domain/environment'
import type { RuleCase } from './rule-fixtures'
import { credential, ctx, environment, flipt, healthy, repository } from './rule-fixtures'

/** SCM cases: credentials for the API, the SCM type against the remote, Azure and Bitbucket limits. */

const token = (id: string, type: Credential['type'] = 'access_token') =>
  credential({
    id,
    type,
    username: type === 'basic' ? 'bot' : null,
    secret: type === 'ssh' ? null : { kind: 'env', name: 'T' },
    ssh:
      type === 'ssh'
        ? {
            user: 'git',
            password: { kind: 'env', name: 'P' },
            privateKeyPath: '/k',
            privateKeyBytes: null,
            insecureIgnoreHostKey: false,
          }
        : null,
  })
function scm(
  type: ScmType,
  remote: string,
  credentialId: string | null,
  creds: Credential[] = [token('api')],
) {
  return ctx({
    credentials: creds,
    repositories: [
      repository({ id: 'flags', remote, credentialId: creds.some((c) => c.id === 'api') ? 'api' : null }),
    ],
    environments: [
      environment({
        id: 'prod',
        repositoryId: 'flags',
        default: true,
        scm: { type, apiUrl: null, accountId: null, credentialId },
      }),
    ],
  })
}
const GH = 'https://github.com/acme/flags.git'

/** The SCM family's cases. */
export const scmCases: readonly RuleCase[] = [
  {
    rule: 'scm.no_credentials',
    name: 'a GitLab SCM without credentials',
    expect: 'fail',
    subject: 'environments.prod.scm.credentials',
    ctx: scm('gitlab', 'https://gitlab.com/acme/flags.git', null),
  },
  {
    rule: 'scm.no_credentials',
    name: 'SCM through the bound account in the app',
    expect: 'pass',
    ctx: ctx(healthy()),
  },
  { rule: 'scm.no_credentials', name: 'scm.credentials set', expect: 'pass', ctx: scm('github', GH, 'api') },
  {
    rule: 'scm.credential_undefined',
    name: 'scm.credentials: ghost',
    expect: 'fail',
    subject: 'environments.prod.scm.credentials',
    ctx: scm('github', GH, 'ghost'),
  },
  {
    rule: 'scm.credential_undefined',
    name: 'scm.credentials: API in a file',
    expect: 'fail',
    ctx: {
      ...scm('github', GH, null),
      flipt: flipt({
        references: [
          {
            subject: 'environments.prod.scm.credentials',
            target: 'credentials',
            written: 'API',
            resolvedId: null,
          },
        ],
      }),
    },
  },
  {
    rule: 'scm.credential_undefined',
    name: 'a defined credential',
    expect: 'pass',
    ctx: scm('github', GH, 'api'),
  },
  {
    rule: 'scm.ssh_credential',
    name: 'an ssh credential for the GitLab API',
    expect: 'fail',
    subject: 'environments.prod.scm.credentials',
    ctx: scm('gitlab', 'https://gitlab.com/acme/flags.git', 'key', [token('api'), token('key', 'ssh')]),
  },
  {
    rule: 'scm.ssh_credential',
    name: 'a token credential for the API',
    expect: 'pass',
    ctx: scm('gitlab', 'https://gitlab.com/acme/flags.git', 'api'),
  },
  {
    rule: 'scm.type_mismatch',
    name: 'scm.type gitlab on a github.com storage',
    expect: 'fail',
    subject: 'environments.prod.scm.type',
    ctx: scm('gitlab', GH, 'api'),
  },
  {
    rule: 'scm.type_mismatch',
    name: 'scm.type github on a github.com storage',
    expect: 'pass',
    ctx: scm('github', GH, 'api'),
  },
  {
    rule: 'scm.type_mismatch',
    name: 'an unknown self-hosted host',
    expect: 'pass',
    ctx: scm('gitea', 'https://code.acme.com/acme/flags.git', 'api'),
  },
  {
    rule: 'scm.azure_remote_unparsable',
    name: 'Azure SCM on a visualstudio.com remote',
    expect: 'fail',
    subject: 'environments.prod.scm',
    ctx: scm('azure', 'https://acme.visualstudio.com/platform/_git/flags', 'api'),
  },
  {
    rule: 'scm.azure_remote_unparsable',
    name: 'Azure SCM on Azure DevOps Server',
    expect: 'fail',
    ctx: scm('azure', 'https://tfs.acme.com/tfs/DefaultCollection/platform/_git/flags', 'api'),
  },
  {
    rule: 'scm.azure_remote_unparsable',
    name: 'Azure SCM on dev.azure.com',
    expect: 'pass',
    ctx: scm('azure', 'https://dev.azure.com/acme/platform/_git/flags', 'api'),
  },
  {
    rule: 'scm.bitbucket_dc',
    name: 'Bitbucket SCM on Data Center',
    expect: 'fail',
    subject: 'environments.prod.scm',
    ctx: scm('bitbucket', 'https://bitbucket.acme.com/scm/PROJ/flags.git', 'api'),
  },
  {
    rule: 'scm.bitbucket_dc',
    name: 'Bitbucket SCM on bitbucket.org',
    expect: 'pass',
    ctx: scm('bitbucket', 'https://bitbucket.org/acme/flags.git', 'api'),
  },
  {
    rule: 'scm.gitlab_basic_credential',
    name: 'a basic credential for the GitLab API',
    expect: 'fail',
    subject: 'environments.prod.scm.credentials',
    ctx: scm('gitlab', 'https://gitlab.com/acme/flags.git', 'pw', [token('api'), token('pw', 'basic')]),
  },
  {
    rule: 'scm.gitlab_basic_credential',
    name: 'an access_token credential for the GitLab API',
    expect: 'pass',
    ctx: scm('gitlab', 'https://gitlab.com/acme/flags.git', 'api'),
  },
]
