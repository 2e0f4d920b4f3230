import { describe, expect, it } from 'vitest'
import { parseRemote } from '@shared/providers/remote-parse'
import type { RemoteContext } from '@shared/providers/remote-parse'
import type { ParsedRemote } from '@shared/providers/provider-types'

type Row = {
  url: string
  ctx?: RemoteContext
  want: Partial<Omit<ParsedRemote, 'problems'>>
  problems?: string[]
  suggested?: string
}

const check = ({ url, ctx, want, problems = [], suggested }: Row): void => {
  const r = parseRemote(url, ctx)
  expect(r, url).not.toBeNull()
  expect(r).toMatchObject(want)
  expect(r?.problems.map((p) => p.id)).toEqual(problems)
  if (suggested !== undefined) expect(r?.problems[0]?.suggestedUrl).toBe(suggested)
}

describe('GitHub / GHES (providers.md §6)', () => {
  const rows: Row[] = [
    {
      url: 'https://github.com/octo/hello.git',
      want: {
        provider: 'github',
        deployment: 'cloud',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
    },
    {
      url: 'https://github.com/octo/hello',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
    },
    {
      url: 'https://github.com/octo/hello/',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
    },
    {
      url: 'https://GitHub.com/octo/hello.git',
      want: {
        provider: 'github',
        host: 'github.com',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
    },
    {
      url: 'https://github.com/octo/hello/tree/main/src',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
      problems: ['url.web_ui'],
      suggested: 'https://github.com/octo/hello.git',
    },
    {
      url: 'https://github.com/octo/hello/blob/main/README.md?plain=1',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
      problems: ['url.web_ui'],
    },
    {
      url: 'https://github.com/octo/hello/pull/12',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
      problems: ['url.web_ui'],
    },
    {
      url: 'git@github.com:octo/hello.git',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
      problems: ['url.ssh'],
      suggested: 'https://github.com/octo/hello.git',
    },
    {
      url: 'ssh://git@ssh.github.com:443/octo/hello.git',
      want: {
        provider: 'github',
        host: 'github.com',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
      problems: ['url.ssh'],
    },
    {
      url: 'https://octocat@github.com/octo/hello.git',
      want: {
        provider: 'github',
        owner: 'octo',
        repo: 'hello',
        cloneUrl: 'https://github.com/octo/hello.git',
      },
      problems: ['url.username_in_url'],
    },
    {
      url: 'https://ghe.corp.example/team/app.git',
      ctx: { provider: 'github' },
      want: {
        provider: 'github',
        deployment: 'self_hosted',
        host: 'ghe.corp.example',
        owner: 'team',
        repo: 'app',
        cloneUrl: 'https://ghe.corp.example/team/app.git',
      },
    },
    {
      url: 'https://ghe.corp.example:8443/team/app',
      ctx: { provider: 'github' },
      want: {
        provider: 'github',
        host: 'ghe.corp.example:8443',
        cloneUrl: 'https://ghe.corp.example:8443/team/app.git',
        owner: 'team',
        repo: 'app',
      },
    },
  ]
  it.each(rows)('$url', check)
  it('needs an owner and a repository', () => {
    expect(parseRemote('https://github.com/octo')).toBeNull()
  })
})

describe('GitLab (subgroups, relative root, /-/ pages)', () => {
  const rows: Row[] = [
    {
      url: 'https://gitlab.com/group/project.git',
      want: {
        provider: 'gitlab',
        deployment: 'cloud',
        owner: 'group',
        repo: 'project',
        cloneUrl: 'https://gitlab.com/group/project.git',
      },
    },
    {
      url: 'https://gitlab.com/a/b/c/d/project',
      want: {
        provider: 'gitlab',
        owner: 'a/b/c/d',
        repo: 'project',
        cloneUrl: 'https://gitlab.com/a/b/c/d/project.git',
      },
    },
    {
      url: 'https://gitlab.com/a/b/project/-/tree/main',
      want: {
        provider: 'gitlab',
        owner: 'a/b',
        repo: 'project',
        cloneUrl: 'https://gitlab.com/a/b/project.git',
      },
      problems: ['url.web_ui'],
      suggested: 'https://gitlab.com/a/b/project.git',
    },
    {
      url: 'https://gitlab.com/a/project/-/merge_requests/7',
      want: { provider: 'gitlab', owner: 'a', repo: 'project' },
      problems: ['url.web_ui'],
    },
    {
      url: 'git@gitlab.com:a/b/project.git',
      want: {
        provider: 'gitlab',
        owner: 'a/b',
        repo: 'project',
        cloneUrl: 'https://gitlab.com/a/b/project.git',
      },
      problems: ['url.ssh'],
    },
    {
      url: 'https://git.example.com/gitlab/team/app.git',
      ctx: { provider: 'gitlab', pathPrefix: 'gitlab' },
      want: {
        provider: 'gitlab',
        deployment: 'self_hosted',
        pathPrefix: 'gitlab',
        owner: 'team',
        repo: 'app',
        cloneUrl: 'https://git.example.com/gitlab/team/app.git',
      },
    },
    {
      url: 'https://git.example.com/gitlab/team/app/-/blob/main/x',
      ctx: { provider: 'gitlab', pathPrefix: '/gitlab/' },
      want: { owner: 'team', repo: 'app', cloneUrl: 'https://git.example.com/gitlab/team/app.git' },
      problems: ['url.web_ui'],
    },
    {
      url: 'git@git.example.com:team/app.git',
      ctx: { provider: 'gitlab', pathPrefix: 'gitlab' },
      want: { owner: 'team', repo: 'app', cloneUrl: 'https://git.example.com/gitlab/team/app.git' },
      problems: ['url.ssh'],
    },
    {
      url: 'https://git.example.com/team/app.git',
      ctx: { provider: 'gitlab', pathPrefix: 'gitlab' },
      want: { owner: 'team', repo: 'app' },
      problems: ['url.path_prefix_mismatch'],
    },
    {
      url: 'https://gitlab.internal/team/app.git',
      want: { provider: 'gitlab', deployment: 'self_hosted', owner: 'team', repo: 'app' },
    },
  ]
  it.each(rows)('$url', check)
})

describe('Bitbucket Cloud and Data Center', () => {
  const rows: Row[] = [
    {
      url: 'https://bitbucket.org/ws/repo.git',
      want: {
        provider: 'bitbucket',
        deployment: 'cloud',
        owner: 'ws',
        repo: 'repo',
        cloneUrl: 'https://bitbucket.org/ws/repo.git',
      },
    },
    {
      url: 'https://alice@bitbucket.org/ws/repo.git',
      want: { owner: 'ws', repo: 'repo', cloneUrl: 'https://bitbucket.org/ws/repo.git' },
      problems: ['url.username_in_url'],
      suggested: 'https://bitbucket.org/ws/repo.git',
    },
    {
      url: 'https://bitbucket.org/ws/repo/src/main/README.md',
      want: { owner: 'ws', repo: 'repo' },
      problems: ['url.web_ui'],
      suggested: 'https://bitbucket.org/ws/repo.git',
    },
    {
      url: 'https://bitbucket.org/ws/repo/pull-requests/3',
      want: { owner: 'ws', repo: 'repo' },
      problems: ['url.web_ui'],
    },
    {
      url: 'git@bitbucket.org:ws/repo.git',
      want: { owner: 'ws', repo: 'repo', cloneUrl: 'https://bitbucket.org/ws/repo.git' },
      problems: ['url.ssh'],
    },
    {
      url: 'https://bb.corp.example/scm/PROJ/repo.git',
      want: {
        provider: 'bitbucket',
        deployment: 'self_hosted',
        owner: 'PROJ',
        repo: 'repo',
        cloneUrl: 'https://bb.corp.example/scm/PROJ/repo.git',
        pathPrefix: null,
      },
    },
    {
      url: 'https://bb.corp.example:7990/bitbucket/scm/proj/repo.git',
      want: {
        host: 'bb.corp.example:7990',
        pathPrefix: 'bitbucket',
        owner: 'proj',
        repo: 'repo',
        cloneUrl: 'https://bb.corp.example:7990/bitbucket/scm/proj/repo.git',
      },
    },
    {
      url: 'https://bb.corp.example/scm/~alice/dotfiles.git',
      want: {
        owner: '~alice',
        repo: 'dotfiles',
        cloneUrl: 'https://bb.corp.example/scm/~alice/dotfiles.git',
      },
    },
    {
      url: 'https://bb.corp.example/projects/PROJ/repos/repo/browse',
      want: { owner: 'proj', repo: 'repo', cloneUrl: 'https://bb.corp.example/scm/proj/repo.git' },
      problems: ['url.web_ui'],
      suggested: 'https://bb.corp.example/scm/proj/repo.git',
    },
    {
      url: 'https://bb.corp.example/ctx/projects/PROJ/repos/repo/browse/src/a.ts?at=main',
      want: { pathPrefix: 'ctx', cloneUrl: 'https://bb.corp.example/ctx/scm/proj/repo.git' },
      problems: ['url.web_ui'],
    },
    {
      url: 'https://bb.corp.example/users/Alice/repos/dotfiles/browse',
      want: { owner: '~alice', cloneUrl: 'https://bb.corp.example/scm/~alice/dotfiles.git' },
      problems: ['url.web_ui'],
    },
    {
      url: 'ssh://git@bb.corp.example:7999/proj/repo.git',
      ctx: { provider: 'bitbucket', pathPrefix: 'ctx' },
      want: { owner: 'proj', repo: 'repo', cloneUrl: 'https://bb.corp.example/ctx/scm/proj/repo.git' },
      problems: ['url.ssh'],
    },
    {
      url: 'https://bb.corp.example/other/scm/proj/repo.git',
      ctx: { provider: 'bitbucket', pathPrefix: 'ctx' },
      want: { owner: 'proj' },
      problems: ['url.path_prefix_mismatch'],
    },
  ]
  it.each(rows)('$url', check)
})

describe('Azure DevOps', () => {
  const full = 'https://dev.azure.com/acme/Web%20Site/_git/portal'
  const rows: Row[] = [
    {
      url: 'https://dev.azure.com/acme/Web%20Site/_git/portal',
      want: {
        provider: 'azure',
        deployment: 'cloud',
        organization: 'acme',
        pathPrefix: 'acme',
        owner: 'Web Site',
        repo: 'portal',
        cloneUrl: full,
      },
    },
    {
      url: 'https://acme@dev.azure.com/acme/Web%20Site/_git/portal',
      want: { cloneUrl: full },
      problems: ['url.username_in_url'],
      suggested: full,
    },
    {
      url: 'https://dev.azure.com/acme/_git/portal',
      want: { owner: 'portal', repo: 'portal', cloneUrl: 'https://dev.azure.com/acme/portal/_git/portal' },
    },
    {
      url: 'https://dev.azure.com/acme/Web Site/_git/portal',
      want: { cloneUrl: full },
      problems: ['url.unencoded_space'],
      suggested: full,
    },
    {
      url: 'https://dev.azure.com/acme/Web%20Site/_git/portal.git',
      want: { repo: 'portal', cloneUrl: full },
      problems: ['url.azure_dot_git'],
      suggested: full,
    },
    {
      url: 'https://dev.azure.com/acme/Web%20Site/_git/portal?path=/src/a.ts&version=GBmain',
      want: { cloneUrl: full },
      problems: ['url.web_ui'],
      suggested: full,
    },
    {
      url: 'https://dev.azure.com/acme/Web%20Site/_git/portal/pullrequest/42',
      want: { cloneUrl: full },
      problems: ['url.web_ui'],
    },
    {
      url: 'https://dev.azure.com/acme/Web%20Site/_git/portal/branches',
      want: { cloneUrl: full },
      problems: ['url.web_ui'],
    },
    {
      url: 'git@ssh.dev.azure.com:v3/acme/Web%20Site/portal',
      want: { organization: 'acme', owner: 'Web Site', repo: 'portal', cloneUrl: full },
      problems: ['url.ssh'],
    },
    {
      url: 'acme@vs-ssh.visualstudio.com:v3/acme/Web%20Site/portal',
      want: { cloneUrl: full },
      problems: ['url.ssh'],
    },
    {
      url: 'https://acme.visualstudio.com/Web%20Site/_git/portal',
      want: {
        deployment: 'cloud',
        organization: 'acme',
        pathPrefix: null,
        host: 'acme.visualstudio.com',
        cloneUrl: 'https://acme.visualstudio.com/Web%20Site/_git/portal',
      },
      problems: ['url.azure_legacy_host'],
      suggested: full,
    },
    {
      url: 'https://acme.visualstudio.com/DefaultCollection/Web%20Site/_git/portal',
      want: { organization: 'acme', owner: 'Web Site', repo: 'portal' },
      problems: ['url.azure_legacy_host'],
    },
    {
      url: 'https://tfs.corp.example/tfs/DefaultCollection/Proj/_git/app',
      want: {
        provider: 'azure',
        deployment: 'self_hosted',
        organization: 'tfs/DefaultCollection',
        pathPrefix: 'tfs/DefaultCollection',
        owner: 'Proj',
        repo: 'app',
        cloneUrl: 'https://tfs.corp.example/tfs/DefaultCollection/Proj/_git/app',
      },
    },
    {
      url: 'https://ado.corp.example/Coll/Proj/_git/app',
      ctx: { provider: 'azure' },
      want: {
        organization: 'Coll',
        owner: 'Proj',
        repo: 'app',
        cloneUrl: 'https://ado.corp.example/Coll/Proj/_git/app',
      },
    },
    {
      url: 'https://ado.corp.example/Coll/_git/app',
      ctx: { provider: 'azure' },
      want: { organization: 'Coll', owner: 'app', repo: 'app' },
    },
    {
      url: 'https://ado.corp.example/a/b/Proj/_git/app',
      ctx: { provider: 'azure', pathPrefix: 'a/b' },
      want: { organization: 'a/b', owner: 'Proj', repo: 'app' },
    },
  ]
  it.each(rows)('$url', check)
  it('needs a _git segment', () => {
    expect(parseRemote('https://dev.azure.com/acme/Web%20Site')).toBeNull()
  })
})

describe('Gitea / Forgejo', () => {
  const rows: Row[] = [
    {
      url: 'https://codeberg.org/owner/repo.git',
      want: {
        provider: 'gitea',
        deployment: 'self_hosted',
        owner: 'owner',
        repo: 'repo',
        cloneUrl: 'https://codeberg.org/owner/repo.git',
      },
    },
    {
      url: 'https://gitea.example.com/owner/repo/src/branch/main/x.md',
      want: { owner: 'owner', repo: 'repo', cloneUrl: 'https://gitea.example.com/owner/repo.git' },
      problems: ['url.web_ui'],
    },
    {
      url: 'https://gitea.example.com/owner/repo/pulls/4',
      want: { owner: 'owner', repo: 'repo' },
      problems: ['url.web_ui'],
    },
    {
      url: 'https://git.example.com/forge/owner/repo.git',
      ctx: { provider: 'gitea', pathPrefix: 'forge' },
      want: {
        pathPrefix: 'forge',
        owner: 'owner',
        repo: 'repo',
        cloneUrl: 'https://git.example.com/forge/owner/repo.git',
      },
    },
    {
      url: 'git@git.example.com:owner/repo.git',
      ctx: { provider: 'gitea' },
      want: { owner: 'owner', repo: 'repo', cloneUrl: 'https://git.example.com/owner/repo.git' },
      problems: ['url.ssh'],
    },
  ]
  it.each(rows)('$url', check)
})

describe('what parseRemote does not read', () => {
  it.each(['', 'not a url', '/local/path', 'ext::sh -c x', 'https://unknown.example/a/b.git'])(
    '%j',
    (url) => {
      expect(parseRemote(url)).toBeNull()
    },
  )
})
