import type { LocalGitEnv } from '@shared/diagnostics/diagnose.types'
import type { RuleCase } from './rule-fixtures'
import { TOKENS, credential, ctx, healthy, local } from './rule-fixtures'
import { analyzeToken } from '@shared/providers/token-analysis'

/** Local git environment cases, for the github.com host of the healthy workspace. */

const machine = (git: Partial<LocalGitEnv>) => ({ ...ctx(healthy()), local: local({ git }) })
const helper = (
  value: string,
  urlPattern: string | null = null,
  scope: 'global' | 'system' | 'local' = 'global',
) => ({ scope, origin: 'file:/home/u/.gitconfig', urlPattern, value })
const otherToken = analyzeToken('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', { provider: 'github' })
const ownToken = analyzeToken(TOKENS.github, { provider: 'github' })

/** The local family's cases. */
export const localCases: readonly RuleCase[] = [
  {
    rule: 'local.helper_shadows',
    name: 'a global manager helper',
    expect: 'fail',
    subject: 'local.git.credential_helper',
    ctx: machine({ helpers: [helper('manager')] }),
  },
  {
    rule: 'local.helper_shadows',
    name: 'a helper scoped to github.com',
    expect: 'fail',
    ctx: machine({ helpers: [helper('!gh auth git-credential', 'https://github.com')] }),
  },
  {
    rule: 'local.helper_shadows',
    name: 'a helper scoped to another host',
    expect: 'pass',
    ctx: machine({ helpers: [helper('store', 'https://gitlab.com')] }),
  },
  {
    rule: 'local.helper_shadows',
    name: 'a helper list reset by an empty value',
    expect: 'pass',
    ctx: machine({ helpers: [helper('manager', null, 'system'), helper('')] }),
  },
  {
    rule: 'local.helper_plaintext',
    name: 'credential.helper=store',
    expect: 'fail',
    subject: 'local.git.credential_helper.store',
    ctx: machine({ helpers: [helper('store --file ~/.creds')] }),
  },
  {
    rule: 'local.helper_plaintext',
    name: 'credential.helper=osxkeychain',
    expect: 'pass',
    ctx: machine({ helpers: [helper('osxkeychain')] }),
  },
  {
    rule: 'local.env_token',
    name: "GH_TOKEN holding another account's token",
    expect: 'fail',
    subject: 'local.env.GH_TOKEN',
    ctx: machine({ envTokens: [{ name: 'GH_TOKEN', empty: false, analysis: otherToken }] }),
  },
  {
    rule: 'local.env_token',
    name: 'GITLAB_TOKEN while no GitLab host is used',
    expect: 'pass',
    ctx: machine({ envTokens: [{ name: 'GITLAB_TOKEN', empty: false, analysis: null }] }),
  },
  {
    rule: 'local.env_token',
    name: 'a GH_TOKEN that the configuration itself reads (${env:GH_TOKEN})',
    expect: 'pass',
    ctx: {
      ...machine({ envTokens: [{ name: 'GH_TOKEN', empty: false, analysis: otherToken }] }),
      credentials: [
        credential({ id: 'gh', type: 'access_token', secret: { kind: 'env', name: 'GH_TOKEN' } }),
      ],
    },
  },
  {
    rule: 'local.env_token',
    name: 'an empty GH_TOKEN',
    expect: 'pass',
    ctx: machine({ envTokens: [{ name: 'GH_TOKEN', empty: true, analysis: null }] }),
  },
  {
    rule: 'local.netrc_entry',
    name: 'a .netrc machine github.com',
    expect: 'fail',
    subject: 'local.netrc.github.com',
    ctx: machine({
      netrc: [{ file: '/home/u/.netrc', machine: 'github.com', login: 'octo', hasPassword: true }],
    }),
  },
  {
    rule: 'local.netrc_entry',
    name: 'a .netrc default entry',
    expect: 'fail',
    subject: 'local.netrc.default',
    ctx: machine({
      netrc: [{ file: '/home/u/.netrc', machine: 'default', login: 'anonymous', hasPassword: true }],
    }),
  },
  {
    rule: 'local.netrc_entry',
    name: 'a .netrc entry for another host',
    expect: 'pass',
    ctx: machine({
      netrc: [{ file: '/home/u/.netrc', machine: 'example.com', login: 'x', hasPassword: true }],
    }),
  },
  {
    rule: 'local.url_credentials',
    name: 'a clone with a token in its origin URL',
    expect: 'fail',
    subject: 'local.clone./home/u/src/flags',
    ctx: machine({
      clones: [
        {
          path: '/home/u/src/flags',
          repositoryId: null,
          remote: 'origin',
          url: 'https://octo:***@github.com/acme/flags.git',
          host: 'github.com',
          username: 'octo',
          hasPassword: true,
        },
      ],
    }),
  },
  {
    rule: 'local.url_credentials',
    name: 'a clone with credentials for another host',
    expect: 'pass',
    ctx: machine({
      clones: [
        {
          path: '/src/x',
          repositoryId: null,
          remote: 'origin',
          url: 'https://***@example.com/x.git',
          host: 'example.com',
          username: null,
          hasPassword: true,
        },
      ],
    }),
  },
  {
    rule: 'local.effective_credential',
    name: 'a machine with a helper',
    expect: 'fail',
    subject: 'local.git.effective.github.com',
    ctx: machine({
      helpers: [helper('manager')],
      envTokens: [{ name: 'GH_TOKEN', empty: false, analysis: ownToken }],
    }),
  },
  {
    rule: 'local.effective_credential',
    name: 'local facts not collected',
    expect: 'pass',
    ctx: ctx(healthy()),
  },
]
