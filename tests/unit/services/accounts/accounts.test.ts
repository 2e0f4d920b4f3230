import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newRepository } from '@shared/domain/repository'
import { createAccountsService } from '../../../../electron/services/accounts/accounts.service'
import { createLogger, memorySink } from '../../../../electron/services/logging/logger'
import { createFileStore } from '../../../../electron/services/storage/file-store'
import { createAesGcmCipher } from '../../../../electron/services/vault/cipher'
import { createVault } from '../../../../electron/services/vault/vault.service'
import { createMetadataStore } from '../../../../electron/services/workspace/metadata-store'
import { forwardingEventSink } from '../../../support/test-world'
import { aesKey } from '../../../support/fake-ciphers'
import { accountFields, trimmingAnalyzer } from '../../../support/sample-data'

const CANARY = 'ghp_CANARY0000000000000000000000000000'

describe('accounts service', () => {
  let dir = ''
  const key = aesKey()
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitkeys-acc-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  async function make() {
    const sink = memorySink()
    const logger = createLogger(sink)
    const metadata = createMetadataStore({ store: createFileStore(join(dir, 'metadata.json')), logger })
    const vault = createVault({
      cipher: createAesGcmCipher(key),
      store: createFileStore(join(dir, 'vault.json')),
      logger,
    })
    const events = forwardingEventSink()
    const accounts = createAccountsService({ metadata, vault, analyze: trimmingAnalyzer, events, logger })
    await metadata.load()
    await accounts.load()
    return { accounts, metadata, events, sink }
  }

  it('adds an account: the token goes to the vault, the view shows only a hint and a fingerprint', async () => {
    const { accounts, events, sink } = await make()
    const r = await accounts.add(accountFields(), `  ${CANARY}\n`)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({ id: 'github-work', secret: { state: 'stored' } })
    expect(r.value.secret.hint).toBe('ghp_…0000')
    expect(r.value.secret.fingerprint).toMatch(/^sha256:[0-9a-f]{12}$/)
    const everything = [
      JSON.stringify(r.value),
      JSON.stringify(events.seen),
      JSON.stringify(sink.records),
      ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')),
    ].join('\n')
    expect(everything).not.toContain('CANARY')
    expect(accounts.secretFor('github-work')).toMatchObject({ ok: true, value: { token: CANARY } })
  })

  it('keeps several accounts per provider and per host with distinct ids', async () => {
    const { accounts } = await make()
    await accounts.add(accountFields(), CANARY)
    await accounts.add(accountFields(), 'ghp_second000000000000000000000000000000')
    await accounts.add(accountFields({ host: 'ghe.acme.test', deployment: 'self_hosted' }), CANARY)
    expect(accounts.list().map((a) => a.id)).toEqual(['github-work', 'github-work-2', 'github-work-3'])
  })

  it.each([
    ['a URL as host', { host: 'https://github.com/o' }],
    ['userinfo in the host', { host: 'me@github.com' }],
    ['a space', { host: 'git hub.com' }],
  ])('refuses %s with a message that says what to enter', async (_n, over) => {
    const { accounts } = await make()
    const r = await accounts.add(accountFields(over), CANARY)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'host' }] } })
    expect(accounts.list()).toEqual([])
  })

  it.each([
    ['a line break', 'ghp_abc\ndef'],
    ['NUL', 'ghp_abc\u0000def'],
    ['U+2028', 'ghp_abc\u2028def'],
    ['non-ASCII', 'ghp_аbc'],
    ['an inner space', 'ghp_abc def'],
    ['nothing', '   '],
    ['5000 chars', 'x'.repeat(5000)],
  ])('refuses a token with %s before encryption (vector 33)', async (_n, token) => {
    const { accounts } = await make()
    const r = await accounts.add(accountFields(), token)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(accounts.list()).toEqual([])
  })

  it('rotates a token and, with "everywhere", replaces it in every account that held it', async () => {
    const { accounts } = await make()
    await accounts.add(accountFields(), CANARY)
    await accounts.add(
      accountFields({ label: 'Same token', host: 'ghe.acme.test', deployment: 'self_hosted' }),
      CANARY,
    )
    await accounts.add(accountFields({ label: 'Other' }), 'ghp_other0000000000000000000000000000000')
    const next = 'ghp_NEWTOKEN00000000000000000000000000'
    const r = await accounts.rotate('github-work', next, { everywhere: true, expiresAt: '2027-01-01' })
    expect(r).toMatchObject({ ok: true, value: { alsoRotated: ['github-same-token'] } })
    expect(accounts.secretFor('github-same-token')).toMatchObject({ ok: true, value: { token: next } })
    expect(accounts.secretFor('github-other')).toMatchObject({
      ok: true,
      value: { token: 'ghp_other0000000000000000000000000000000' },
    })
    expect(accounts.list().find((a) => a.id === 'github-work')?.expiresAt).toBe('2027-01-01')
  })

  it('editing the host re-binds the token to the new host', async () => {
    const { accounts } = await make()
    await accounts.add(
      accountFields({ provider: 'gitea', host: 'git.old.test', deployment: 'self_hosted', tokenKind: 'pat' }),
      'a'.repeat(40),
    )
    const r = await accounts.update(
      'gitea-work',
      accountFields({ provider: 'gitea', host: 'GIT.new.test', deployment: 'self_hosted', tokenKind: 'pat' }),
    )
    expect(r).toMatchObject({ ok: true, value: { host: 'git.new.test', secret: { state: 'stored' } } })
    expect(accounts.secretFor('gitea-work').ok).toBe(true)
  })

  it('removal shows what uses the account and needs confirmation; confirmed, bindings are cleared', async () => {
    const { accounts, metadata } = await make()
    await accounts.add(accountFields(), CANARY)
    await metadata.update((d) => ({
      ...d,
      repositories: [
        newRepository({ id: 'flags', remote: 'https://github.com/acme/flags.git', accountId: 'github-work' }),
      ],
    }))
    expect(accounts.usage('github-work').repositories).toEqual(['flags'])
    const refused = await accounts.remove('github-work', false)
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(accounts.list()).toHaveLength(1)
    const done = await accounts.remove('github-work', true)
    expect(done).toMatchObject({ ok: true, value: { unbound: { repositories: ['flags'] } } })
    expect(metadata.get().repositories[0]?.accountId).toBeNull()
    expect(accounts.secretFor('github-work').ok).toBe(false)
  })

  it('emits accounts:changed with the list after every change', async () => {
    const { accounts, events } = await make()
    await accounts.add(accountFields(), CANARY)
    expect(events.seen.at(-1)).toMatchObject({
      event: 'accounts:changed',
      payload: { accounts: [{ id: 'github-work' }] },
    })
  })

  it('survives a restart: accounts and tokens load back', async () => {
    const first = await make()
    await first.accounts.add(accountFields(), CANARY)
    const second = await make()
    expect(second.accounts.list()).toHaveLength(1)
    expect(second.accounts.secretFor('github-work')).toMatchObject({ ok: true, value: { token: CANARY } })
  })
})
