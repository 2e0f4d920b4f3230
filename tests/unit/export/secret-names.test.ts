import { describe, expect, it } from 'vitest'
import { ENV_REF_RE, SECRET_REF_RE } from '@shared/export/flipt-values'
import { lexedRemote, remoteHost } from '@shared/export/remote-scope'
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

describe('remote parsing (the catalog lexer, through shared/export/remote-scope.ts)', () => {
  it.each([
    ['https://github.com/acme/flags.git', 'https', 'github.com', null, ['acme', 'flags.git']],
    ['https://x@Dev.Azure.com:443/acme/p/_git/r', 'https', 'dev.azure.com', 'x', ['acme', 'p', '_git', 'r']],
    // An SSH port is not part of the account's (HTTPS) host key.
    ['ssh://git@host:7999/k/r.git', 'ssh', 'host', 'git', ['k', 'r.git']],
    ['git@github.com:acme/flags.git', 'ssh', 'github.com', 'git', ['acme', 'flags.git']],
  ])('%s', (remote, scheme, host, user, segments) => {
    const parts = lexedRemote(remote)
    expect(parts && { scheme: parts.scheme, user: parts.username, segments: parts.segments }).toEqual({
      scheme,
      user,
      segments,
    })
    expect(remoteHost(remote)).toBe(host)
  })
  it('returns null for things that are not remotes', () => {
    expect(lexedRemote('not a remote')).toBeNull()
    expect(lexedRemote('C:\\repo')).toBeNull()
  })
})
