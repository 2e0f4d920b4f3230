import { ok } from '@shared/result'
import { createAccountsService, type TokenAnalyzer } from './accounts/accounts.service'
import { createAppInfoService, type HostFacts } from './app/app-info.service'
import type { Handlers } from './dispatcher'
import type { EventSink } from './events'
import type { Logger } from './logging/logger'
import type { DocumentStore } from './storage/document-store'
import type { SecretCipher } from './vault/cipher'
import { createVault } from './vault/vault.service'
import { createMetadataStore } from './workspace/metadata-store'

/** Every port a composition root must supply. Electron, the test bridge and the CLI each wire their own. */
export type Ports = {
  readonly host: HostFacts
  readonly logger: Logger
  readonly events: EventSink
  readonly cipher: SecretCipher
  readonly stores: { readonly metadata: DocumentStore; readonly vault: DocumentStore }
  readonly analyze: TokenAnalyzer
  readonly now?: () => Date
}

/** Builds and loads every service over the given ports; returns them and the dispatcher's handler table. */
export async function createServices(ports: Ports) {
  const appInfo = createAppInfoService(ports.host)
  const metadata = createMetadataStore({ store: ports.stores.metadata, logger: ports.logger })
  const vault = createVault({
    cipher: ports.cipher,
    store: ports.stores.vault,
    logger: ports.logger,
    now: ports.now,
  })
  const accounts = createAccountsService({
    metadata,
    vault,
    analyze: ports.analyze,
    events: ports.events,
    logger: ports.logger,
    now: ports.now,
  })
  await metadata.load()
  await accounts.load()

  const vaultStatus = async () => {
    const status = await vault.status(metadata.get().accounts.map((a) => a.id))
    return { ...status, storeProblems: [...metadata.problems(), ...status.storeProblems] }
  }

  const handlers: Handlers = {
    'app:info': async () => ok(await appInfo.info()),

    'vault:status': async () => ok(await vaultStatus()),
    'vault:allow-weak-storage': async () => {
      await vault.allowWeakStorage()
      const status = await vaultStatus()
      ports.events.emit('vault:changed', status)
      ports.events.emit('accounts:changed', { accounts: accounts.list() })
      return ok(status)
    },

    'accounts:list': () => Promise.resolve(ok({ accounts: accounts.list() })),
    'accounts:analyze-token': (r) => {
      const { token, ...ctx } = r
      return Promise.resolve(ok(accounts.analyze(token, ctx)))
    },
    'accounts:add': (r) => accounts.add(r.fields, r.token),
    'accounts:update': (r) => accounts.update(r.id, r.fields),
    'accounts:rotate': (r) =>
      accounts.rotate(r.id, r.token, { expiresAt: r.expiresAt, everywhere: r.everywhere }),
    'accounts:usage': (r) => Promise.resolve(ok(accounts.usage(r.id))),
    'accounts:remove': (r) => accounts.remove(r.id, r.confirm),
  }
  return { handlers, accounts, vault, metadata, knownSecrets: () => vault.knownSecrets() }
}

/** What {@link createServices} returns. */
export type Services = Awaited<ReturnType<typeof createServices>>
