import type { RuleCase } from './rule-fixtures'
import { TOKENS, credential, ctx, flipt, repository, secret } from './rule-fixtures'

/** Secret-reference cases: ${env:…} resolution as Flipt does it, ${secret:…}, inline secrets, missing secrets. */

const storage = repository({ id: 'flags', remote: 'https://github.com/acme/flags.git', credentialId: 'gh' })
const envToken = (state: 'set' | 'unset' | 'empty') =>
  ctx({
    credentials: [
      credential({ id: 'gh', type: 'access_token', secret: { kind: 'env', name: 'GITHUB_TOKEN' } }),
    ],
    repositories: [storage],
    secrets: [
      state === 'set'
        ? secret('gh', 'access_token', { token: TOKENS.github, provider: 'github', env: 'GITHUB_TOKEN' })
        : secret('gh', 'access_token', { env: 'GITHUB_TOKEN', state }),
    ],
  })
const fileRefs = (enabled: boolean, basePath: string | null) => ({
  ...envToken('set'),
  flipt: flipt({
    fileSecretRefs: [{ subject: 'credentials.gh.access_token', key: 'github-token' }],
    secretsFileProvider: { enabled, basePath },
  }),
})

/** The secret-reference family's cases. */
export const secretRefCases: readonly RuleCase[] = [
  {
    rule: 'env.ref_unset',
    name: '${env:GITHUB_TOKEN} unset',
    expect: 'fail',
    subject: 'credentials.gh.access_token',
    ctx: envToken('unset'),
  },
  {
    rule: 'env.ref_unset',
    name: '${env:REMOTE} unset in storage.remote',
    expect: 'fail',
    subject: 'storage.flags.remote',
    ctx: {
      ...envToken('set'),
      flipt: flipt({ envRefs: [{ subject: 'storage.flags.remote', name: 'REMOTE', state: 'unset' }] }),
    },
  },
  { rule: 'env.ref_unset', name: '${env:GITHUB_TOKEN} set', expect: 'pass', ctx: envToken('set') },
  {
    rule: 'env.ref_empty',
    name: '${env:GITHUB_TOKEN} set to ""',
    expect: 'fail',
    subject: 'credentials.gh.access_token',
    ctx: envToken('empty'),
  },
  { rule: 'env.ref_empty', name: '${env:GITHUB_TOKEN} set', expect: 'pass', ctx: envToken('set') },
  {
    rule: 'env.ref_not_whole',
    name: 'https://${env:HOST}/x',
    expect: 'fail',
    subject: 'storage.flags.remote',
    ctx: {
      ...envToken('set'),
      flipt: flipt({ partialEnvRefs: [{ subject: 'storage.flags.remote', name: 'HOST' }] }),
    },
  },
  {
    rule: 'env.ref_not_whole',
    name: 'no partial references',
    expect: 'pass',
    ctx: { ...envToken('set'), flipt: flipt({}) },
  },
  {
    rule: 'env.v1_syntax',
    name: '${GITHUB_TOKEN}',
    expect: 'fail',
    subject: 'credentials.gh.access_token',
    ctx: {
      ...envToken('set'),
      flipt: flipt({ v1EnvRefs: [{ subject: 'credentials.gh.access_token', name: 'GITHUB_TOKEN' }] }),
    },
  },
  {
    rule: 'env.v1_syntax',
    name: 'no v1 references',
    expect: 'pass',
    ctx: { ...envToken('set'), flipt: flipt({}) },
  },
  {
    rule: 'secret.ref_malformed',
    name: '${secret:github-token} without provider',
    expect: 'fail',
    subject: 'credentials.gh.access_token',
    ctx: {
      ...envToken('set'),
      flipt: flipt({
        malformedSecretRefs: [
          { subject: 'credentials.gh.access_token', why: 'invalid secret reference: provider is required' },
        ],
      }),
    },
  },
  {
    rule: 'secret.ref_malformed',
    name: 'well-formed references',
    expect: 'pass',
    ctx: { ...envToken('set'), flipt: flipt({}) },
  },
  {
    rule: 'secret.file_provider_disabled',
    name: '${secret:file:…} without the file provider',
    expect: 'fail',
    subject: 'secrets.providers.file',
    ctx: fileRefs(false, null),
  },
  {
    rule: 'secret.file_provider_disabled',
    name: 'file provider enabled without base_path',
    expect: 'fail',
    ctx: fileRefs(true, null),
  },
  {
    rule: 'secret.file_provider_disabled',
    name: 'file provider enabled with base_path',
    expect: 'pass',
    ctx: fileRefs(true, '/run/secrets'),
  },
  {
    rule: 'secret.inline',
    name: 'a token written in the file',
    expect: 'fail',
    subject: 'credentials.gh.access_token',
    ctx: ctx({
      credentials: [
        credential({ id: 'gh', type: 'access_token', secret: { kind: 'pending', hint: 'ghp_…F2pt' } }),
      ],
      repositories: [storage],
      secrets: [secret('gh', 'access_token', { inline: TOKENS.github, provider: 'github' })],
    }),
  },
  { rule: 'secret.inline', name: 'a reference', expect: 'pass', ctx: envToken('set') },
  {
    rule: 'secret.missing',
    name: 'an access_token credential without token',
    expect: 'fail',
    subject: 'credentials.gh.access_token',
    ctx: ctx({ credentials: [credential({ id: 'gh', type: 'access_token' })], repositories: [storage] }),
  },
  {
    rule: 'secret.missing',
    name: 'a basic credential with a username and no password',
    expect: 'fail',
    subject: 'credentials.gh.basic.password',
    ctx: ctx({
      credentials: [credential({ id: 'gh', type: 'basic', username: 'bot' })],
      repositories: [storage],
    }),
  },
  {
    rule: 'secret.missing',
    name: 'a credential bound to an account',
    expect: 'pass',
    ctx: ctx({
      credentials: [credential({ id: 'gh', type: 'access_token', accountId: 'gh' })],
      repositories: [storage],
    }),
  },
]
