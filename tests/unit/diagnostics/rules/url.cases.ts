import type { RuleCase } from './rule-fixtures'
import { TOKENS, account, azureAccount, credential, ctx, healthy, repository } from './rule-fixtures'

/** Remote-URL cases, on the storage remote. */

const gh = () =>
  account({ id: 'gh', provider: 'github', host: 'github.com', scopes: ['repo'] }, TOKENS.github)
const az = azureAccount
/** A storage on `remote` bound to `who` (default: the GitHub account). */
const remote = (url: string, who: 'gh' | 'az' | null = 'gh') =>
  ctx({
    accounts: who === 'az' ? [az()] : who === 'gh' ? [gh()] : [],
    repositories: [repository({ id: 'flags', remote: url, accountId: who })],
  })
const S = 'storage.flags.remote'

/** The URL family's cases. */
export const urlCases: readonly RuleCase[] = [
  {
    rule: 'url.web_ui',
    name: 'a GitHub /tree/ page',
    expect: 'fail',
    subject: S,
    ctx: remote('https://github.com/acme/flags/tree/main'),
  },
  {
    rule: 'url.web_ui',
    name: 'a GitLab /-/ page',
    expect: 'fail',
    subject: S,
    ctx: remote('https://gitlab.com/acme/flags/-/tree/main', null),
  },
  { rule: 'url.web_ui', name: 'a clone URL', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.secret_in_url',
    name: 'a token in the userinfo',
    expect: 'fail',
    subject: S,
    ctx: remote(`https://octo:${TOKENS.github}@github.com/acme/flags.git`),
  },
  { rule: 'url.secret_in_url', name: 'no userinfo', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.username_in_url',
    name: 'a username in an https URL',
    expect: 'fail',
    subject: S,
    ctx: remote('https://octo@github.com/acme/flags.git'),
  },
  { rule: 'url.username_in_url', name: 'no userinfo', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.azure_dot_git',
    name: 'an Azure Repos URL ending in .git',
    expect: 'fail',
    subject: S,
    ctx: remote('https://dev.azure.com/acme/platform/_git/flags.git', 'az'),
  },
  {
    rule: 'url.azure_dot_git',
    name: 'an Azure Repos URL without .git',
    expect: 'pass',
    ctx: remote('https://dev.azure.com/acme/platform/_git/flags', 'az'),
  },
  {
    rule: 'url.spaces',
    name: 'a space before the URL',
    expect: 'fail',
    subject: S,
    ctx: remote(' https://github.com/acme/flags.git'),
  },
  {
    rule: 'url.spaces',
    name: 'an unencoded space in an Azure project',
    expect: 'fail',
    subject: S,
    ctx: remote('https://dev.azure.com/acme/my project/_git/flags', 'az'),
  },
  { rule: 'url.spaces', name: 'no spaces', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.query_or_fragment',
    name: 'a #fragment',
    expect: 'fail',
    subject: S,
    ctx: remote('https://github.com/acme/flags.git#main'),
  },
  { rule: 'url.query_or_fragment', name: 'no query', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.not_https',
    name: 'plain http to github.com',
    expect: 'fail',
    subject: S,
    ctx: remote('http://github.com/acme/flags.git'),
  },
  {
    rule: 'url.not_https',
    name: 'http to a loopback mirror',
    expect: 'pass',
    ctx: remote('http://127.0.0.1:8080/acme/flags.git', null),
  },
  {
    rule: 'url.host_mismatch',
    name: 'a gitlab.com remote bound to a GitHub account',
    expect: 'fail',
    subject: S,
    ctx: remote('https://gitlab.com/acme/flags.git'),
  },
  { rule: 'url.host_mismatch', name: "the account's host", expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.idn_host',
    name: 'a punycode look-alike host',
    expect: 'fail',
    subject: S,
    ctx: remote('https://xn--gthub-n4a.com/acme/flags.git', null),
  },
  { rule: 'url.idn_host', name: 'an ASCII host', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.path_prefix_mismatch',
    name: 'a remote in another Azure organisation',
    expect: 'fail',
    subject: S,
    ctx: remote('https://dev.azure.com/other/platform/_git/flags', 'az'),
  },
  {
    rule: 'url.path_prefix_mismatch',
    name: "a remote in the account's organisation",
    expect: 'pass',
    ctx: remote('https://dev.azure.com/acme/platform/_git/flags', 'az'),
  },
  {
    rule: 'url.not_a_repository',
    name: 'an organisation page',
    expect: 'fail',
    subject: S,
    ctx: remote('https://github.com/acme'),
  },
  { rule: 'url.not_a_repository', name: 'a repository', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.unsafe',
    name: 'a ".." segment',
    expect: 'fail',
    subject: S,
    ctx: remote('https://github.com/acme/../flags.git'),
  },
  {
    rule: 'url.unsafe',
    name: 'an encoded newline',
    expect: 'fail',
    subject: S,
    ctx: remote('https://github.com/acme/flags%0a.git'),
  },
  { rule: 'url.unsafe', name: 'a plain clone URL', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'url.ssh_with_token',
    name: 'an SSH remote bound to a token account',
    expect: 'fail',
    subject: S,
    ctx: remote('git@github.com:acme/flags.git'),
  },
  {
    rule: 'url.ssh_with_token',
    name: 'an SSH remote with an ssh credential',
    expect: 'pass',
    ctx: ctx({
      credentials: [
        credential({
          id: 'key',
          type: 'ssh',
          ssh: {
            user: 'git',
            password: { kind: 'env', name: 'P' },
            privateKeyPath: '/k',
            privateKeyBytes: null,
            insecureIgnoreHostKey: false,
          },
        }),
      ],
      repositories: [
        repository({ id: 'flags', remote: 'git@github.com:acme/flags.git', credentialId: 'key' }),
      ],
    }),
  },
  {
    rule: 'url.azure_legacy_host',
    name: 'a visualstudio.com remote',
    expect: 'fail',
    subject: S,
    ctx: remote('https://acme.visualstudio.com/platform/_git/flags', null),
  },
  {
    rule: 'url.azure_legacy_host',
    name: 'a dev.azure.com remote',
    expect: 'pass',
    ctx: remote('https://dev.azure.com/acme/platform/_git/flags', 'az'),
  },
  { rule: 'url.no_remote', name: 'a local-only storage', expect: 'fail', subject: S, ctx: remote('', null) },
  { rule: 'url.no_remote', name: 'a storage with a remote', expect: 'pass', ctx: ctx(healthy()) },
]
