import { describe, expect, it } from 'vitest'
import { credentialSection, exportGitConfig, gitConfigValue } from '@shared/export/git-config.writer'
import { account, credential, repository, workspace } from './workspace-builders'

const ws = workspace({
  accounts: [
    account({ id: 'gl', provider: 'gitlab', host: 'gitlab.com', username: 'alice', label: 'Alice\nGitLab' }),
    account({
      id: 'az-a',
      provider: 'azure',
      host: 'dev.azure.com',
      pathPrefix: 'acme',
      username: 'alice@acme.example',
    }),
    account({ id: 'az-b', provider: 'azure', host: 'dev.azure.com', pathPrefix: 'contoso', username: '' }),
    account({ id: 'gh-w', provider: 'github', host: 'github.com', username: 'alice-work' }),
    account({ id: 'gh-p', provider: 'github', host: 'github.com', username: 'alice' }),
    account({ id: 'gh-x', provider: 'github', host: 'github.com', username: 'nobody' }),
    account({
      id: 'bb',
      provider: 'bitbucket',
      host: 'bitbucket.org',
      username: 'x',
      tokenKind: 'workspace_access_token',
    }),
    account({
      id: 'bbdc',
      provider: 'bitbucket',
      deployment: 'self_hosted',
      host: 'git.acme.example:8443',
      username: 'a "b" ; c',
      tokenKind: 'repository_access_token',
    }),
  ],
  credentials: [
    credential({
      id: 'c',
      type: 'access_token',
      accountId: 'gh-p',
      secret: { kind: 'vault', accountId: 'gh-p' },
    }),
  ],
  repositories: [
    repository({ id: 'w1', remote: 'https://github.com/acme/flags.git', accountId: 'gh-w' }),
    repository({ id: 'w2', remote: 'https://github.com/acme/other.git', accountId: 'gh-w' }),
    repository({ id: 'p', remote: 'https://github.com/alice/dotfiles.git', credentialId: 'c' }),
    repository({ id: 'lost', remote: 'https://example.org/x/y.git' }),
  ],
})

describe('git credential config', () => {
  const out = exportGitConfig(ws)
  it('writes one username per host where one account uses it', () => {
    expect(out.text).toContain(
      '[credential "https://gitlab.com"]\n\t# Alice GitLab (gitlab, pat)\n\tusername = alice\n',
    )
    expect(out.text).toContain(
      '[credential "https://bitbucket.org"]\n\t# bb (bitbucket, workspace_access_token)\n\tusername = x-token-auth\n',
    )
  })
  it('uses useHttpPath and per-organisation sections for Azure DevOps organisations', () => {
    expect(out.text).toContain(
      '[credential "https://dev.azure.com"]\n\t# several GitKeys accounts use this host: tell them apart by path\n\tuseHttpPath = true\n',
    )
    expect(out.text).toContain(
      '[credential "https://dev.azure.com/acme"]\n\t# az-a (azure, pat)\n\tusername = alice@acme.example\n',
    )
    expect(out.text).toContain(
      '[credential "https://dev.azure.com/contoso"]\n\t# az-b (azure, pat)\n\tusername = pat\n',
    )
  })
  it('uses the owners of bound repositories for GitHub accounts sharing github.com', () => {
    expect(out.text).toContain(
      '[credential "https://github.com/acme"]\n\t# gh-w (github, pat)\n\tusername = alice-work\n',
    )
    expect(out.text).toContain(
      '[credential "https://github.com/alice"]\n\t# gh-p (github, pat)\n\tusername = alice\n',
    )
    expect(out.warnings.find((w) => w.id === 'gitconfig.no_path')?.subject).toBe('accounts.gh-x')
  })
  it('quotes values git would otherwise misread and flags Bearer-only tokens', () => {
    expect(out.text).toContain('[credential "https://git.acme.example:8443"]')
    expect(out.text).toContain('\tusername = "a \\"b\\" ; c"\n')
    expect(out.warnings.map((w) => w.id)).toContain('gitconfig.bearer_only')
  })
  it('suggests helpers only as comments, and holds no secret', () => {
    expect(out.text).toMatch(/^# \thelper = manager/m)
    expect(out.text).not.toMatch(/^\s*helper\s*=/m)
    expect(out.text).not.toMatch(/password|ghp_|glpat-|…/)
  })
  it('notes repositories no account covers', () => {
    expect(out.warnings.find((w) => w.id === 'gitconfig.no_account')?.subject).toBe('storage.lost.remote')
  })
  it.each([
    ['plain', 'plain'],
    [' lead', '" lead"'],
    ['a#b', '"a#b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['', '""'],
  ])('gitConfigValue(%j) = %s', (value, written) => {
    expect(gitConfigValue(value)).toBe(written)
  })
  it('refuses a section URL with a line break', () => {
    expect(credentialSection('https://x\n[core]')).toBeNull()
    expect(credentialSection('https://x/"q"')).toBe('[credential "https://x/\\"q\\""]')
  })
})
