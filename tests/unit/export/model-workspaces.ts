import type { Workspace } from '@shared/domain/workspace'
import { account, credential, environment, repository, workspace } from './workspace-builders'

/**
 * A workspace built from the model that touches every exporter path: derived credentials for each
 * provider (two GitHub accounts on one host, a Bitbucket API token whose SCM needs a second
 * credential), explicit basic/ssh/github_app credentials, GitKeys-only fields (local paths, dFlow
 * labels) and carried Flipt keys.
 */
export const MODEL_WS: Workspace = workspace({
  accounts: [
    account({
      id: 'gh-alice',
      provider: 'github',
      host: 'github.com',
      username: 'alice',
      tokenKind: 'fine_grained_pat',
      label: 'Alice (work)',
    }),
    account({
      id: 'gh-bob',
      provider: 'github',
      host: 'github.com',
      username: 'bob',
      tokenKind: 'classic_pat',
    }),
    account({
      id: 'gl-acme',
      provider: 'gitlab',
      deployment: 'self_hosted',
      host: 'code.acme.example',
      pathPrefix: 'gitlab',
      username: 'flipt',
      tokenKind: 'pat',
    }),
    account({
      id: 'bb-dev',
      provider: 'bitbucket',
      host: 'bitbucket.org',
      username: 'dev@acme.example',
      tokenKind: 'api_token',
    }),
    account({
      id: 'az-acme',
      provider: 'azure',
      host: 'dev.azure.com',
      pathPrefix: 'acme',
      username: 'flipt-bot',
      tokenKind: 'pat',
    }),
    account({
      id: 'gt',
      provider: 'gitea',
      deployment: 'self_hosted',
      host: 'gitea.acme.example',
      username: 'ops',
      tokenKind: 'pat',
    }),
  ],
  credentials: [
    credential({
      id: 'azure',
      type: 'basic',
      accountId: 'az-acme',
      username: 'pipeline',
      secret: { kind: 'vault', accountId: 'az-acme' },
    }),
    credential({
      id: 'deploy-key',
      type: 'ssh',
      ssh: {
        user: 'git',
        password: { kind: 'env', name: 'SSH_PASSPHRASE' },
        privateKeyPath: '/etc/flipt/id_ed25519',
        privateKeyBytes: null,
        insecureIgnoreHostKey: false,
      },
    }),
    credential({
      id: 'app',
      type: 'github_app',
      githubApp: {
        clientId: 'Iv23liTEST',
        installationId: '4242',
        privateKeyPath: null,
        privateKeyBytes: { kind: 'secret', provider: 'file', key: 'app-key' },
        apiUrl: null,
      },
    }),
  ],
  repositories: [
    repository({
      id: 'gh-main',
      remote: 'https://github.com/acme/flags.git',
      accountId: 'gh-alice',
      localPath: '/home/me/flags',
      author: { name: 'Flipt', email: 'flipt@acme.example' },
    }),
    repository({
      id: 'gh-side',
      remote: 'https://github.com/bob/flags.git',
      branch: 'release/2026',
      accountId: 'gh-bob',
      pollInterval: '1m30s',
    }),
    repository({
      id: 'gl',
      remote: 'https://code.acme.example/gitlab/platform/flags.git',
      accountId: 'gl-acme',
      caCertPem: '-----BEGIN CERTIFICATE-----\nTESTONLY\n-----END CERTIFICATE-----\n',
      fetchPolicy: 'lenient',
    }),
    repository({
      id: 'bb',
      remote: 'https://bitbucket.org/acme/flags.git',
      accountId: 'bb-dev',
      backend: { type: 'local', path: '/var/lib/flipt/bb' },
    }),
    repository({
      id: 'az',
      remote: 'https://dev.azure.com/acme/platform/_git/flags',
      accountId: 'az-acme',
      credentialId: 'azure',
      insecureSkipTls: true,
    }),
    repository({
      id: 'gt',
      remote: 'https://gitea.acme.example/ops/flags.git',
      accountId: 'gt',
      extra: { signature: { enabled: false } },
    }),
    repository({ id: 'ssh', remote: 'git@github.com:acme/flags.git', credentialId: 'deploy-key' }),
    repository({
      id: 'app',
      remote: 'https://github.com/acme/app-flags.git',
      credentialId: 'app',
      caCertPath: '/etc/ssl/acme.pem',
    }),
  ],
  environments: [
    environment({
      id: 'production',
      repositoryId: 'gh-main',
      default: true,
      directory: 'prod',
      scm: { type: 'github', apiUrl: null, accountId: 'gh-alice', credentialId: null },
      dflow: { application: 'shop', environment: 'prod', service: 'api' },
    }),
    environment({ id: 'staging', name: 'Staging', repositoryId: 'gh-main', directory: 'staging' }),
    environment({
      id: 'side',
      repositoryId: 'gh-side',
      scm: { type: 'github', apiUrl: null, accountId: 'gh-bob', credentialId: null },
    }),
    environment({
      id: 'gitlab',
      repositoryId: 'gl',
      scm: { type: 'gitlab', apiUrl: null, accountId: 'gl-acme', credentialId: null },
    }),
    environment({
      id: 'bitbucket',
      repositoryId: 'bb',
      scm: { type: 'bitbucket', apiUrl: null, accountId: 'bb-dev', credentialId: null },
    }),
    environment({
      id: 'azure',
      repositoryId: 'az',
      scm: { type: 'azure', apiUrl: null, accountId: 'az-acme', credentialId: 'azure' },
    }),
    environment({
      id: 'gitea',
      repositoryId: 'gt',
      scm: { type: 'gitea', apiUrl: null, accountId: 'gt', credentialId: null },
    }),
    environment({ id: 'ssh', repositoryId: 'ssh' }),
    environment({
      id: 'app',
      repositoryId: 'app',
      scm: { type: 'github', apiUrl: null, accountId: null, credentialId: 'app' },
      extra: { labels: ['carried'] },
    }),
  ],
  flipt: {
    extra: { server: { http_port: 8080 }, log: { level: 'WARN' } },
    secretsFileBasePath: '/run/secrets/flipt',
  },
})
