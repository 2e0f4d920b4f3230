import { describe, expect, it } from 'vitest'
import { ENV_REF_RE, SECRET_REF_RE } from '@shared/export/flipt-values'
import { parseRemote } from '@shared/export/remote-url'
import { accountEnvNames, fileSecretName } from '@shared/export/secret-names'
import { account } from './workspace-builders'

const accounts = [
  account({ id: 'gh', provider: 'github', host: 'github.com', username: 'alice' }),
  account({
    id: 'gl',
    provider: 'gitlab',
    deployment: 'self_hosted',
    host: 'gitlab.acme.internal',
    username: 'a',
  }),
  account({ id: 'az-1', provider: 'azure', host: 'dev.azure.com', pathPrefix: 'acme', username: 'x' }),
  account({ id: 'az-2', provider: 'azure', host: 'dev.azure.com', pathPrefix: 'contoso', username: 'x' }),
  account({
    id: 'gt-1',
    provider: 'gitea',
    deployment: 'self_hosted',
    host: 'git.example.com',
    username: 'ops',
  }),
  account({
    id: 'gt-2',
    provider: 'gitea',
    deployment: 'self_hosted',
    host: 'git.example.com',
    username: 'ops',
  }),
]

describe('secret reference names', () => {
  const names = accountEnvNames(accounts)
  it('are readable: provider, then host owner for self-hosted, then who when they collide', () => {
    expect(Object.fromEntries(names)).toEqual({
      gh: 'GITHUB_TOKEN',
      gl: 'GITLAB_ACME_TOKEN',
      'az-1': 'AZURE_DEVOPS_ACME_TOKEN',
      'az-2': 'AZURE_DEVOPS_CONTOSO_TOKEN',
      'gt-1': 'GITEA_EXAMPLE_OPS_TOKEN',
      'gt-2': 'GITEA_EXAMPLE_OPS_TOKEN_2',
    })
  })
  it('do not depend on the order of the accounts', () => {
    expect(accountEnvNames([...accounts].reverse())).toEqual(names)
  })
  it('are valid Flipt env and file secret references', () => {
    for (const n of names.values()) {
      expect(`\${env:${n}}`).toMatch(ENV_REF_RE)
      expect(`\${secret:file:${fileSecretName(n)}}`).toMatch(SECRET_REF_RE)
    }
  })
})

describe('remote parsing', () => {
  it.each([
    [
      'https://github.com/acme/flags.git',
      { scheme: 'https', host: 'github.com', user: null, segments: ['acme', 'flags.git'] },
    ],
    [
      'https://x@Dev.Azure.com:443/acme/p/_git/r',
      { scheme: 'https', host: 'dev.azure.com', user: 'x', segments: ['acme', 'p', '_git', 'r'] },
    ],
    [
      'ssh://git@host:7999/k/r.git',
      { scheme: 'ssh', host: 'host:7999', user: 'git', segments: ['k', 'r.git'] },
    ],
    [
      'git@github.com:acme/flags.git',
      { scheme: 'scp', host: 'github.com', user: 'git', segments: ['acme', 'flags.git'] },
    ],
  ])('%s', (remote, parts) => {
    expect(parseRemote(remote)).toEqual(parts)
  })
  it('returns null for things that are not remotes', () => {
    expect(parseRemote('not a remote')).toBeNull()
    expect(parseRemote('C:\\repo')).toBeNull()
  })
})
