import { describe, expect, it } from 'vitest'
import { providerIds, providers } from '@shared/providers/catalog'
import type { LinkRequest } from '@shared/providers/token-links'
import { tokenCreationLink } from '@shared/providers/token-links'
import { apiBaseFor, fliptApiUrlFor } from '@shared/providers/api-base'

const link = (req: LinkRequest): string => {
  const r = tokenCreationLink(req)
  if (!r.ok) throw new Error(r.error)
  return r.value.url
}
const base = { pathPrefix: null } as const

describe('token-creation links with scopes filled in', () => {
  it.each<[string, LinkRequest, string]>([
    [
      'GitHub classic',
      { ...base, provider: 'github', deployment: 'cloud', host: 'github.com', kind: 'classic_pat' },
      'https://github.com/settings/tokens/new?description=GitKeys&scopes=repo',
    ],
    [
      'GitHub classic, custom name',
      {
        ...base,
        provider: 'github',
        deployment: 'cloud',
        host: 'github.com',
        kind: 'classic_pat',
        name: 'Flipt Access',
      },
      'https://github.com/settings/tokens/new?description=Flipt%20Access&scopes=repo',
    ],
    [
      'GHES classic',
      {
        ...base,
        provider: 'github',
        deployment: 'self_hosted',
        host: 'GHE.Corp.Example:8443',
        kind: 'classic_pat',
      },
      'https://ghe.corp.example:8443/settings/tokens/new?description=GitKeys&scopes=repo',
    ],
    [
      'GitHub fine-grained',
      { ...base, provider: 'github', deployment: 'cloud', host: 'github.com', kind: 'fine_grained_pat' },
      'https://github.com/settings/personal-access-tokens/new',
    ],
    [
      'GitLab PAT for merge proposals',
      {
        ...base,
        provider: 'gitlab',
        deployment: 'cloud',
        host: 'gitlab.com',
        kind: 'personal',
        use: 'merge_proposals',
      },
      'https://gitlab.com/-/user_settings/personal_access_tokens?name=GitKeys&scopes=api,read_repository,write_repository',
    ],
    [
      'GitLab PAT under a relative root',
      {
        provider: 'gitlab',
        deployment: 'self_hosted',
        host: 'git.example.com',
        pathPrefix: '/gitlab/',
        kind: 'personal',
        use: 'read_only',
      },
      'https://git.example.com/gitlab/-/user_settings/personal_access_tokens?name=GitKeys&scopes=read_repository',
    ],
    [
      'GitLab project token',
      {
        ...base,
        provider: 'gitlab',
        deployment: 'cloud',
        host: 'gitlab.com',
        kind: 'project',
        repo: { owner: 'a/b', name: 'app' },
      },
      'https://gitlab.com/a/b/app/-/settings/access_tokens',
    ],
    [
      'GitLab group token',
      {
        ...base,
        provider: 'gitlab',
        deployment: 'cloud',
        host: 'gitlab.com',
        kind: 'group',
        repo: { owner: 'a/b', name: 'app' },
      },
      'https://gitlab.com/groups/a/b/-/settings/access_tokens',
    ],
    [
      'Bitbucket API token (Atlassian account)',
      { ...base, provider: 'bitbucket', deployment: 'cloud', host: 'bitbucket.org', kind: 'api_token' },
      'https://id.atlassian.com/manage-profile/security/api-tokens',
    ],
    [
      'Bitbucket repository access token',
      {
        ...base,
        provider: 'bitbucket',
        deployment: 'cloud',
        host: 'bitbucket.org',
        kind: 'access_token',
        repo: { owner: 'ws', name: 'repo' },
      },
      'https://bitbucket.org/ws/repo/admin/access-tokens',
    ],
    [
      'Bitbucket DC personal',
      {
        provider: 'bitbucket',
        deployment: 'self_hosted',
        host: 'bb.corp:7990',
        pathPrefix: 'bitbucket',
        kind: 'http_personal',
      },
      'https://bb.corp:7990/bitbucket/plugins/servlet/access-tokens/manage',
    ],
    [
      'Bitbucket DC repository',
      {
        ...base,
        provider: 'bitbucket',
        deployment: 'self_hosted',
        host: 'bb.corp',
        kind: 'http_repository',
        repo: { owner: 'PROJ', name: 'repo' },
      },
      'https://bb.corp/plugins/servlet/access-tokens/projects/PROJ/repos/repo/manage',
    ],
    [
      'Gitea',
      { ...base, provider: 'gitea', deployment: 'self_hosted', host: 'codeberg.org', kind: 'pat' },
      'https://codeberg.org/user/settings/applications',
    ],
    [
      'Azure',
      { provider: 'azure', deployment: 'cloud', host: 'dev.azure.com', pathPrefix: 'acme', kind: 'pat' },
      'https://dev.azure.com/acme/_usersSettings/tokens',
    ],
    [
      'Azure legacy host',
      { ...base, provider: 'azure', deployment: 'cloud', host: 'acme.visualstudio.com', kind: 'pat' },
      'https://acme.visualstudio.com/_usersSettings/tokens',
    ],
    [
      'Azure Server',
      {
        provider: 'azure',
        deployment: 'self_hosted',
        host: 'tfs.corp',
        pathPrefix: 'tfs/DefaultCollection',
        kind: 'pat',
      },
      'https://tfs.corp/tfs/DefaultCollection/_usersSettings/tokens',
    ],
  ])('%s', (_name, req, url) => {
    expect(link(req)).toBe(url)
  })
  it('says why when a kind cannot be created by hand or lacks what its page needs', () => {
    const cases: LinkRequest[] = [
      { ...base, provider: 'bitbucket', deployment: 'cloud', host: 'bitbucket.org', kind: 'app_password' },
      { ...base, provider: 'github', deployment: 'cloud', host: 'github.com', kind: 'app_installation' },
      { ...base, provider: 'gitlab', deployment: 'cloud', host: 'gitlab.com', kind: 'project' },
      { ...base, provider: 'bitbucket', deployment: 'self_hosted', host: 'bb.corp', kind: 'api_token' },
      { ...base, provider: 'github', deployment: 'cloud', host: 'github.com', kind: 'unknown' },
    ]
    for (const c of cases) expect(tokenCreationLink(c).ok, c.kind).toBe(false)
    const r = tokenCreationLink(cases[0] as LinkRequest)
    expect(r.ok ? '' : r.error).toContain('2025-09-09')
  })
})

describe('links never leave the configured host (security.md §8 vector 10)', () => {
  const hostile = [
    'evil.example/',
    'github.com@evil.example',
    'github.com/../evil.example',
    'github.com.evil.example/x',
    'javascript:alert(1)',
    'github.com\nevil.example',
    ' github.com',
    'github.com:99999',
    'github.com:0',
    'user:pw@github.com',
    'github.com?x=1',
    'github.com#frag',
    '\\\\attacker\\share',
    'file:///etc/passwd',
    '%67ithub.com',
    'gіthub.com/',
    '',
    '-oProxyCommand=x',
    'a..b',
  ]
  it.each(hostile)('self-hosted host %j is refused', (host) => {
    for (const p of providerIds) {
      for (const kind of providers[p].tokenKinds) {
        const r = tokenCreationLink({
          provider: p,
          deployment: 'self_hosted',
          host,
          pathPrefix: null,
          kind: kind.id,
          repo: { owner: 'o', name: 'r' },
        })
        expect(r.ok, `${p}/${kind.id}`).toBe(false)
      }
    }
  })
  it.each(['github.com.evil.example', 'evilgithub.com', 'api.github.com', 'xn--gthub-n4a.com'])(
    'a cloud account on %s gets no GitHub link',
    (host) => {
      expect(
        tokenCreationLink({
          provider: 'github',
          deployment: 'cloud',
          host,
          pathPrefix: null,
          kind: 'classic_pat',
        }).ok,
      ).toBe(false)
    },
  )
  it.each([
    ['..', 'r'],
    ['o', '..'],
    ['o', 'r/../../x'],
    ['o\u202e', 'r'],
    ['o', 'r\n'],
    ['o\\x', 'r'],
  ])('unsafe path values %j / %j are refused', (owner, name) => {
    expect(
      tokenCreationLink({
        ...base,
        provider: 'gitlab',
        deployment: 'cloud',
        host: 'gitlab.com',
        kind: 'project',
        repo: { owner, name },
      }).ok,
    ).toBe(false)
  })
  it('hostile path prefixes are refused, odd characters are encoded', () => {
    expect(
      tokenCreationLink({
        provider: 'gitlab',
        deployment: 'self_hosted',
        host: 'git.example.com',
        pathPrefix: '../x',
        kind: 'personal',
      }).ok,
    ).toBe(false)
    expect(
      link({
        provider: 'gitlab',
        deployment: 'self_hosted',
        host: 'git.example.com',
        pathPrefix: 'a?b#c',
        kind: 'personal',
      }),
    ).toBe(
      'https://git.example.com/a%3Fb%23c/-/user_settings/personal_access_tokens?name=GitKeys&scopes=read_repository,write_repository',
    )
    expect(
      link({
        ...base,
        provider: 'github',
        deployment: 'cloud',
        host: 'github.com',
        kind: 'classic_pat',
        name: '"><script>&x=',
      }),
    ).toBe('https://github.com/settings/tokens/new?description=scriptx&scopes=repo')
  })
  it('every link that is built is https on the expected host', () => {
    for (const p of providerIds) {
      for (const kind of providers[p].tokenKinds) {
        for (const d of kind.deployments) {
          const host =
            d === 'cloud'
              ? (providers[p].hosts.find((h) => h.deployment === 'cloud')?.host ?? 'x.example')
              : 'code.example.com'
          const r = tokenCreationLink({
            provider: p,
            deployment: d,
            host,
            pathPrefix: null,
            kind: kind.id,
            repo: { owner: 'o', name: 'r' },
          })
          if (!r.ok) continue
          const u = new URL(r.value.url)
          expect(u.protocol).toBe('https:')
          expect([host, 'id.atlassian.com']).toContain(u.host)
          expect(u.username + u.password).toBe('')
        }
      }
    }
  })
})

describe('API bases (providers.md §5, §6.6) and Flipt api_url (flipt-v2.md §3.2)', () => {
  it.each([
    ['github', 'cloud', 'github.com', null, 'https://api.github.com'],
    ['github', 'self_hosted', 'ghe.corp', null, 'https://ghe.corp/api/v3'],
    ['gitlab', 'cloud', 'gitlab.com', null, 'https://gitlab.com/api/v4'],
    ['gitlab', 'self_hosted', 'git.corp', 'gitlab', 'https://git.corp/gitlab/api/v4'],
    ['bitbucket', 'cloud', 'bitbucket.org', null, 'https://api.bitbucket.org/2.0'],
    ['bitbucket', 'self_hosted', 'bb.corp:7990', 'ctx', 'https://bb.corp:7990/ctx/rest/api/1.0'],
    ['azure', 'cloud', 'dev.azure.com', 'acme', 'https://dev.azure.com/acme'],
    ['azure', 'cloud', 'acme.visualstudio.com', null, 'https://acme.visualstudio.com'],
    ['azure', 'self_hosted', 'tfs.corp', 'tfs/DefaultCollection', 'https://tfs.corp/tfs/DefaultCollection'],
    ['gitea', 'self_hosted', 'codeberg.org', null, 'https://codeberg.org/api/v1'],
  ] as const)('%s %s %s', (provider, deployment, host, pathPrefix, want) => {
    expect(apiBaseFor({ provider, deployment, host, pathPrefix })).toEqual({ ok: true, url: want })
  })
  it('refuses hostile hosts and prefixes', () => {
    expect(
      apiBaseFor({ provider: 'gitlab', deployment: 'self_hosted', host: 'evil.example/x', pathPrefix: null })
        .ok,
    ).toBe(false)
    expect(
      apiBaseFor({ provider: 'gitlab', deployment: 'self_hosted', host: 'git.corp', pathPrefix: '..' }).ok,
    ).toBe(false)
  })
  it('gives Flipt the value it wants', () => {
    expect(
      fliptApiUrlFor({ provider: 'github', deployment: 'cloud', host: 'github.com', pathPrefix: null }),
    ).toMatchObject({ url: null })
    expect(
      fliptApiUrlFor({ provider: 'github', deployment: 'self_hosted', host: 'ghe.corp', pathPrefix: null }),
    ).toMatchObject({ url: 'https://ghe.corp' })
    expect(
      fliptApiUrlFor({
        provider: 'gitea',
        deployment: 'self_hosted',
        host: 'codeberg.org',
        pathPrefix: null,
      }),
    ).toMatchObject({ url: 'https://codeberg.org' })
    expect(
      fliptApiUrlFor({ provider: 'azure', deployment: 'cloud', host: 'dev.azure.com', pathPrefix: 'acme' }),
    ).toMatchObject({ url: 'https://dev.azure.com' })
    expect(
      fliptApiUrlFor({ provider: 'bitbucket', deployment: 'self_hosted', host: 'bb.corp', pathPrefix: null }),
    ).toMatchObject({ url: null })
  })
})
