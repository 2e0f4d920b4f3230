import type { RuleCase } from './rule-fixtures'
import { TOKENS, account, ctx, flipt, healthy, repository } from './rule-fixtures'

/** Probe, Flipt-config and summary cases. */

const probe = (over: Partial<{ ok: boolean; category: 'bad_credentials' | null; login: string | null }>) => ({
  subject: 'accounts.gh',
  ok: true,
  category: null,
  login: 'octo',
  scopes: null,
  expiresAt: null,
  ms: 95,
  ...over,
})
const withFlipt = (f: Parameters<typeof flipt>[0]) => ({ ...ctx(healthy()), flipt: flipt(f) })

/** The probe family's cases. */
export const probeCases: readonly RuleCase[] = [
  {
    rule: 'probe.failed',
    name: 'a 401 from the provider',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: { ...ctx(healthy()), probes: [probe({ ok: false, category: 'bad_credentials', login: null })] },
  },
  {
    rule: 'probe.failed',
    name: 'a successful check',
    expect: 'pass',
    ctx: { ...ctx(healthy()), probes: [probe({})] },
  },
  {
    rule: 'probe.login_mismatch',
    name: 'the token belongs to someone else',
    expect: 'fail',
    subject: 'accounts.gh.username',
    ctx: { ...ctx(healthy()), probes: [probe({ login: 'mona' })] },
  },
  {
    rule: 'probe.login_mismatch',
    name: 'the login matches (case-insensitive)',
    expect: 'pass',
    ctx: { ...ctx(healthy()), probes: [probe({ login: 'Octo' })] },
  },
]

/** The Flipt-config family's cases. */
export const fliptConfigCases: readonly RuleCase[] = [
  {
    rule: 'flipt.licence_required',
    name: 'an environment with scm and no licence key',
    expect: 'fail',
    subject: 'license.key',
    ctx: ctx(healthy()),
  },
  {
    rule: 'flipt.licence_required',
    name: 'a licence key in the file',
    expect: 'pass',
    ctx: withFlipt({ licenceKeyPresent: true }),
  },
  {
    rule: 'flipt.licence_required',
    name: 'no scm and no signing',
    expect: 'pass',
    ctx: ctx({ ...healthy(), environments: [] }),
  },
  {
    rule: 'flipt.storage_name_key',
    name: 'storage.flags.name',
    expect: 'fail',
    subject: 'storage.flags.name',
    ctx: withFlipt({ storageNameKeys: ['flags'] }),
  },
  { rule: 'flipt.storage_name_key', name: 'no name key', expect: 'pass', ctx: withFlipt({}) },
  {
    rule: 'flipt.unknown_credential_type',
    name: 'type: token',
    expect: 'fail',
    subject: 'credentials.gh.type',
    ctx: withFlipt({ unknownCredentialTypes: [{ credentialId: 'gh', type: 'token' }] }),
  },
  { rule: 'flipt.unknown_credential_type', name: 'known types', expect: 'pass', ctx: withFlipt({}) },
  {
    rule: 'flipt.id_uppercase',
    name: 'storage id Flags',
    expect: 'fail',
    subject: 'storage.flags',
    ctx: withFlipt({ uppercaseIds: [{ section: 'storage', written: 'Flags' }] }),
  },
  { rule: 'flipt.id_uppercase', name: 'lowercase ids', expect: 'pass', ctx: withFlipt({}) },
]

/** The summary family's cases. */
export const summaryCases: readonly RuleCase[] = [
  {
    rule: 'checks.storage_ok',
    name: 'a healthy storage',
    expect: 'fail',
    subject: 'storage.flags',
    ctx: ctx(healthy()),
  },
  {
    rule: 'checks.storage_ok',
    name: 'a storage with a web-UI remote',
    expect: 'pass',
    ctx: ctx({
      ...healthy(),
      repositories: [
        repository({ id: 'flags', remote: 'https://github.com/acme/flags/tree/main', accountId: 'gh' }),
      ],
    }),
  },
  {
    rule: 'checks.storage_ok',
    name: 'a storage whose account token expired',
    expect: 'pass',
    ctx: ctx({
      ...healthy(),
      accounts: [
        account(
          { id: 'gh', provider: 'github', host: 'github.com', scopes: ['repo'], expiresAt: '2026-01-01' },
          TOKENS.github,
        ),
      ],
    }),
  },
  {
    rule: 'checks.account_ok',
    name: 'a healthy account',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: ctx(healthy()),
  },
  {
    rule: 'checks.account_ok',
    name: 'an account with an expired token',
    expect: 'pass',
    ctx: ctx({
      ...healthy(),
      accounts: [
        account(
          { id: 'gh', provider: 'github', host: 'github.com', scopes: ['repo'], expiresAt: '2026-01-01' },
          TOKENS.github,
        ),
      ],
    }),
  },
]
