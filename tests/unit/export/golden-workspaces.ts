import type { Workspace } from '@shared/domain/workspace'
import { account, credential, environment, repository, workspace } from './workspace-builders'

/** Workspaces that mean the three example configs of flipt-v2.md §6. */

/** §6.1 GitHub, single environment: the credential is derived from a bound account. */
export const GOLDEN_6_1: Workspace = workspace({
  accounts: [
    account({
      id: 'github',
      provider: 'github',
      host: 'github.com',
      username: 'acme-bot',
      tokenKind: 'classic_pat',
      label: 'Acme bot',
    }),
  ],
  repositories: [
    repository({
      id: 'default',
      remote: 'https://github.com/acme/feature-flags.git',
      accountId: 'github',
      author: { name: 'Flipt Bot', email: 'flipt-bot@acme.example' },
    }),
  ],
  environments: [
    environment({
      id: 'default',
      repositoryId: 'default',
      default: true,
      scm: { type: 'github', apiUrl: null, accountId: 'github', credentialId: null },
    }),
  ],
})

/** §6.2 GitLab self-managed with a private CA; api_url derived from the account's host. */
export const GOLDEN_6_2: Workspace = workspace({
  accounts: [
    account({
      id: 'gitlab-acme',
      provider: 'gitlab',
      deployment: 'self_hosted',
      host: 'gitlab.acme.internal',
      username: 'flipt',
      tokenKind: 'project_access_token',
    }),
  ],
  credentials: [
    credential({
      id: 'gitlab',
      type: 'access_token',
      accountId: 'gitlab-acme',
      secret: { kind: 'env', name: 'GITLAB_TOKEN' },
    }),
  ],
  repositories: [
    repository({
      id: 'gitlab',
      remote: 'https://gitlab.acme.internal/platform/feature-flags.git',
      pollInterval: '1m',
      accountId: 'gitlab-acme',
      credentialId: 'gitlab',
      caCertPath: '/etc/flipt/certs/acme-root-ca.pem',
      backend: { type: 'local', path: '/var/lib/flipt/gitlab' },
    }),
  ],
  environments: [
    environment({
      id: 'production',
      repositoryId: 'gitlab',
      default: true,
      directory: 'flags',
      scm: { type: 'gitlab', apiUrl: null, accountId: 'gitlab-acme', credentialId: 'gitlab' },
    }),
  ],
})

/** §6.3 Two environments: staging on Bitbucket Cloud, production on Azure DevOps. */
export const GOLDEN_6_3: Workspace = workspace({
  accounts: [
    account({
      id: 'bitbucket-acme',
      provider: 'bitbucket',
      host: 'bitbucket.org',
      username: 'x-token-auth',
      tokenKind: 'workspace_access_token',
    }),
    account({
      id: 'azure-acme',
      provider: 'azure',
      host: 'dev.azure.com',
      pathPrefix: 'acme',
      username: 'flipt-bot',
      tokenKind: 'pat',
    }),
  ],
  credentials: [
    credential({
      id: 'bitbucket',
      type: 'access_token',
      accountId: 'bitbucket-acme',
      secret: { kind: 'env', name: 'BITBUCKET_ACCESS_TOKEN' },
    }),
    credential({
      id: 'azure',
      type: 'basic',
      accountId: 'azure-acme',
      username: 'flipt-bot',
      secret: { kind: 'env', name: 'AZURE_DEVOPS_PAT' },
    }),
  ],
  repositories: [
    repository({
      id: 'staging',
      remote: 'https://bitbucket.org/acme/feature-flags.git',
      branch: 'staging',
      accountId: 'bitbucket-acme',
      credentialId: 'bitbucket',
    }),
    repository({
      id: 'production',
      remote: 'https://dev.azure.com/acme/platform/_git/feature-flags',
      accountId: 'azure-acme',
      credentialId: 'azure',
      backend: { type: 'local', path: '/var/lib/flipt/production' },
    }),
  ],
  environments: [
    environment({
      id: 'staging',
      repositoryId: 'staging',
      scm: { type: 'bitbucket', apiUrl: null, accountId: 'bitbucket-acme', credentialId: 'bitbucket' },
    }),
    environment({
      id: 'production',
      repositoryId: 'production',
      default: true,
      scm: { type: 'azure', apiUrl: null, accountId: 'azure-acme', credentialId: 'azure' },
    }),
  ],
})

/** The golden cases: workspace, golden file and the docs example it must mean. */
export const GOLDEN_CASES = [
  { name: '6.1', ws: GOLDEN_6_1, golden: 'golden/flipt-6.1.yaml.golden', example: 'docs-example-6.1.yaml' },
  { name: '6.2', ws: GOLDEN_6_2, golden: 'golden/flipt-6.2.yaml.golden', example: 'docs-example-6.2.yaml' },
  { name: '6.3', ws: GOLDEN_6_3, golden: 'golden/flipt-6.3.yaml.golden', example: 'docs-example-6.3.yaml' },
] as const
