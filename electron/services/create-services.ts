import { ok } from '@shared/result'
import { dashboardOf } from '@shared/logic/dashboard'
import { isAllowedExternalUrl } from '@shared/logic/link-allowlist'
import { supportReport } from '@shared/logic/support-report'
import { createDoctorService } from './diagnostics/doctor.service'
import { createHttpClient } from './net/http-client'
import { createApiProber } from './probes/api-prober'
import type { LogRecord } from './logging/logger'
import { createAccountsService, type TokenAnalyzer } from './accounts/accounts.service'
import { createActivityLog } from './activity/activity.service'
import { createExpiryNotifier, type Notifier } from './activity/expiry-notifier'
import { createAppInfoService, type HostFacts } from './app/app-info.service'
import { createClassifier } from './diagnostics/classify'
import type { Handlers } from './dispatcher'
import type { EventSink } from './events'
import { createCredentialBroker, type HelperLauncher } from './git/credential-broker'
import { createGitOperations, type Timeouts } from './git/git-operations'
import { createGitRunner } from './git/git-runner'
import { createGitService } from './git/git.service'
import type { Logger } from './logging/logger'
import type { DocumentStore } from './storage/document-store'
import type { SecretCipher } from './vault/cipher'
import { createVault } from './vault/vault.service'
import { createMetadataStore } from './workspace/metadata-store'
import { readFile } from 'node:fs/promises'
import { tokenCreationLink } from '@shared/providers/token-links'
import { appError } from '@shared/errors'
import { err } from '@shared/result'
import { createExportService } from './export/export.service'
import { writeFileSafely } from './export/safe-file'
import { createImportService } from './export/import.service'
import { createApprovedRoots } from './workspace/approved-roots'
import type { Settings } from './workspace/metadata-doc'
import { createWorkspaceService } from './workspace/workspace.service'

/** Native dialogs (Electron) or their test stand-ins. */
export interface Dialogs {
  chooseFolder(title: string, defaultPath?: string): Promise<string | null>
  saveFile(title: string, defaultName: string): Promise<string | null>
  openFile(title: string): Promise<string | null>
}

/** The desktop around the app: the clipboard and the browser. */
export interface Desktop {
  /** Writes the clipboard; when `clearAfterMs` is given, clears it then if it still holds `text`. */
  copyText(text: string, clearAfterMs?: number): Promise<void>
  /** Opens an https URL in the user's browser (the caller has validated it). */
  openExternal(url: string): Promise<boolean>
}

/** Every port a composition root must supply. Electron, the test bridge and the CLI each wire their own. */
export type Ports = {
  readonly host: HostFacts
  readonly logger: Logger
  readonly events: EventSink
  readonly cipher: SecretCipher
  readonly stores: {
    readonly metadata: DocumentStore
    readonly vault: DocumentStore
    readonly activity: DocumentStore
  }
  readonly notifier: Notifier
  readonly analyze: TokenAnalyzer
  readonly dialogs: Dialogs
  readonly desktop: Desktop
  /** The environment git inherits from (allow-listed again by the runner). */
  readonly env: NodeJS.ProcessEnv
  readonly helper?: HelperLauncher
  /** The recent tail of the log, for the support report. */
  readonly logTail: () => readonly LogRecord[]
  readonly timeouts?: Partial<Timeouts>
  readonly now?: () => Date
}

/** Builds and loads every service over the given ports; returns them and the dispatcher's handler table. */
export async function createServices(ports: Ports) {
  const now = ports.now ?? (() => new Date())
  const appInfo = createAppInfoService(ports.host)
  const metadata = createMetadataStore({ store: ports.stores.metadata, logger: ports.logger })
  const vault = createVault({
    cipher: ports.cipher,
    store: ports.stores.vault,
    logger: ports.logger,
    now,
    // A retry persisted or opened secrets once the keyring came back: the banner and the account list follow.
    onChange: () => void publishVault().catch(() => ports.logger.warn('vault status could not be published')),
  })
  const activity = createActivityLog({
    store: ports.stores.activity,
    events: ports.events,
    logger: ports.logger,
    knownSecrets: () => vault.knownSecrets(),
    now,
  })
  const accounts = createAccountsService({
    activity,
    metadata,
    vault,
    analyze: ports.analyze,
    events: ports.events,
    logger: ports.logger,
    now,
  })
  /** The vault's status; by default after retrying what waits for the keyring. */
  const vaultStatus = async (retry = true) => {
    const ids = metadata.get().accounts.map((a) => a.id)
    const status = retry ? await vault.status(ids) : await vault.currentStatus(ids)
    return { ...status, storeProblems: [...metadata.problems(), ...status.storeProblems] }
  }
  const publishVault = async (): Promise<void> => {
    ports.events.emit('vault:changed', await vaultStatus(false))
    ports.events.emit('accounts:changed', { accounts: accounts.list() })
  }
  const roots = createApprovedRoots(metadata)
  const workspace = createWorkspaceService({ metadata, roots, events: ports.events, logger: ports.logger })
  const broker = createCredentialBroker({
    logger: ports.logger,
    ...(ports.helper ? { launcher: ports.helper } : {}),
  })
  const runner = createGitRunner({ broker, env: ports.env, logger: ports.logger })
  const settingsView = (s: Settings) => ({
    expiryWarningDays: s.expiryWarningDays,
    notifications: s.notifications,
    proxy: s.proxy,
    noProxy: s.noProxy,
  })
  const configuredProxy = () => {
    const s = metadata.get().settings
    return s.proxy ? { url: s.proxy, noProxy: s.noProxy } : null
  }
  const operations = createGitOperations({
    proxy: configuredProxy,
    runner,
    classify: createClassifier(now),
    logger: ports.logger,
    ...(ports.timeouts ? { timeouts: ports.timeouts } : {}),
  })
  const git = createGitService({ metadata, accounts, operations, events: ports.events, activity })
  const apiProber = {
    probe: (input: Parameters<ReturnType<typeof createApiProber>['probe']>[0]) => {
      const s = metadata.get().settings
      const http = createHttpClient({
        env: ports.env,
        proxy: s.proxy,
        noProxy: s.noProxy,
        logger: ports.logger,
      })
      return createApiProber({ http, logger: ports.logger, now }).probe(input)
    },
  }
  const doctor = createDoctorService({
    metadata,
    accounts,
    git,
    runner,
    apiProber,
    env: ports.env,
    activity,
    events: ports.events,
    now,
  })
  const buildSupportReport = async (): Promise<string> => {
    const d = metadata.get()
    const run = await doctor.run({ kind: 'all' }, false)
    return supportReport({
      generatedAt: now(),
      app: await appInfo.info(),
      vault: await vaultStatus(),
      accounts: accounts.list(),
      repositories: d.repositories,
      environments: d.environments,
      findings: run.findings,
      activity: activity.list({ limit: 50 }),
      logs: ports.logTail().slice(-100),
      knownSecrets: vault.knownSecrets(),
    })
  }
  const notifier = createExpiryNotifier({ accounts, metadata, notifier: ports.notifier, now })
  const exporter = createExportService({
    metadata,
    accounts,
    logger: ports.logger,
    ports: {
      saveFile: (title, name) => ports.dialogs.saveFile(title, name),
      chooseFolder: async (title) => {
        const picked = await ports.dialogs.chooseFolder(title)
        return picked ? roots.approve(picked) : null
      },
      copyText: (text) => ports.desktop.copyText(text),
    },
  })
  const importer = createImportService({
    metadata,
    accounts,
    events: ports.events,
    logger: ports.logger,
    ports: {
      openFile: (title) => ports.dialogs.openFile(title),
      readFile: async (path, max) => {
        const buf = await readFile(path)
        if (buf.length > max) throw new Error(`The file is larger than ${Math.round(max / 1024)} KiB.`)
        return buf.toString('utf8')
      },
    },
  })
  await metadata.load()
  await accounts.load()
  await activity.load()

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

    'accounts:list': async () => {
      await vault.retryPending()
      return ok({ accounts: accounts.list() })
    },
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

    'accounts:open-token-page': async (r) => {
      const link = tokenCreationLink({
        provider: r.provider,
        deployment: r.deployment,
        host: r.host,
        pathPrefix: r.pathPrefix,
        kind: r.tokenKind,
        use: r.use,
      })
      if (!link.ok) return err(appError('unsupported', link.error))
      const opened = await ports.desktop.openExternal(link.value.url)
      return ok({ url: link.value.url, opened, prefilled: [...link.value.prefilled], note: link.value.note })
    },
    'accounts:test': async (r) => {
      // The token goes to the account's API: only once the host and API URL pass the same checks as a save.
      const fields = accounts.checkFields(r.fields)
      if (!fields.ok) return fields
      const analysis = accounts.analyze(r.token, {
        provider: r.fields.provider,
        host: r.fields.host,
        deployment: r.fields.deployment,
        tokenKind: r.fields.tokenKind,
      })
      const token = ports.analyze(r.token, { provider: r.fields.provider }).cleaned ?? r.token.trim()
      const probe = await apiProber.probe({
        account: fields.value,
        token,
        use: r.use ?? 'flipt_sync',
        timeoutMs: 15_000,
      })
      return ok({
        analysis,
        probe: {
          ok: probe.ok,
          authenticated: probe.authenticated,
          category: probe.category,
          login: probe.login,
          scopes: probe.scopes ? [...probe.scopes] : null,
          expiresAt: probe.expiresAt,
          detail: probe.detail,
          ms: probe.ms,
        },
      })
    },
    'accounts:copy-token': async (r) => {
      const s = accounts.secretFor(r.id)
      if (!s.ok) return s
      await ports.desktop.copyText(s.value.token, 30_000)
      return ok({ clearsInSeconds: 30 })
    },

    'workspace:get': () => Promise.resolve(ok(workspace.get())),
    'repositories:save': (r) => workspace.saveRepository(r.repository),
    'repositories:remove': (r) => workspace.removeRepository(r.id, r.confirm),
    'environments:save': (r) => workspace.saveEnvironment(r.environment),
    'environments:remove': (r) => workspace.removeEnvironment(r.id),

    'git:test': (r) => git.test(r.repositoryId, r.operationId),
    'git:probe-write': (r) => git.probeWrite(r.repositoryId, r.operationId),
    'git:run': (r) => git.run(r.op, r.repositoryId, r.operationId),
    'git:cancel': (r) => Promise.resolve(ok({ cancelled: git.cancel(r.operationId) })),

    'export:preview': (r) => Promise.resolve(exporter.preview(r)),
    'export:save': async (r) => {
      const saved = await exporter.save(r.request, {
        confirmInline: r.confirmInline,
        writeSecretFiles: r.writeSecretFiles,
      })
      if (!saved.ok || saved.value.path)
        activity.record({
          op: 'export',
          subject: `${r.request.format}:${r.request.secrets}`,
          accountId: null,
          fingerprint: null,
          outcome: saved.ok ? 'ok' : 'failed',
          category: null,
          ms: null,
          detail: saved.ok ? `saved ${saved.value.path ?? ''}` : saved.error.message,
        })
      return saved
    },
    'export:copy': (r) => {
      const { part, ...req } = r
      return exporter.copy(req, part)
    },
    'import:open-file': async () => {
      const p = await importer.previewFile()
      return p.ok ? ok({ preview: p.value }) : p
    },
    'import:preview-text': (r) => Promise.resolve(importer.previewText(r.text)),
    'import:apply': async (r) => {
      const applied = await importer.apply(r.sessionId, r.moveInlineSecrets)
      activity.record({
        op: 'import',
        subject: 'flipt',
        accountId: null,
        fingerprint: null,
        outcome: applied.ok ? 'ok' : 'failed',
        category: null,
        ms: null,
        detail: applied.ok
          ? `applied; ${applied.value.accountsCreated.length} account(s) created from inline tokens`
          : applied.error.message,
      })
      return applied
    },

    'activity:list': (r) =>
      Promise.resolve(
        ok({
          entries: activity.list({
            ...(r.limit ? { limit: r.limit } : {}),
            ...(r.subject ? { subject: r.subject } : {}),
          }),
        }),
      ),
    'activity:export': async () => {
      const path = await ports.dialogs.saveFile('Export the activity log', 'gitkeys-activity.jsonl')
      if (!path) return ok({ path: null, entries: 0 })
      const written = await writeFileSafely(path, activity.exportText())
      return written.ok
        ? ok({ path: written.value, entries: activity.list({ limit: 2000 }).length })
        : written
    },
    'dashboard:get': () => {
      const d = metadata.get()
      return Promise.resolve(
        ok(
          dashboardOf(
            accounts.list(),
            d.repositories,
            activity.list({ limit: 2000 }),
            now(),
            d.settings.expiryWarningDays,
          ),
        ),
      )
    },
    'settings:get': () => {
      const s = metadata.get().settings
      return Promise.resolve(ok(settingsView(s)))
    },
    'settings:update': async (r) => {
      try {
        const next = await metadata.update((d) => ({
          ...d,
          settings: {
            ...d.settings,
            ...(r.expiryWarningDays !== undefined ? { expiryWarningDays: r.expiryWarningDays } : {}),
            ...(r.notifications !== undefined ? { notifications: r.notifications } : {}),
            ...(r.proxy !== undefined ? { proxy: r.proxy } : {}),
            ...(r.noProxy !== undefined ? { noProxy: r.noProxy } : {}),
          },
        }))
        return ok(settingsView(next.settings))
      } catch (e: unknown) {
        return err(appError('io', e instanceof Error ? e.message : 'Settings were not saved.'))
      }
    },

    'doctor:run': async (r) => ok(await doctor.run(r.scope, r.online, r.runId)),
    'doctor:explain': (r) =>
      Promise.resolve(
        ok(
          doctor.explain(r.text, {
            ...(r.accountId ? { accountId: r.accountId } : {}),
            ...(r.provider ? { provider: r.provider } : {}),
          }),
        ),
      ),
    'doctor:apply-fix': (r) => workspace.applyFix(r.subject, r.value),
    'support:report': async () => ok({ text: await buildSupportReport() }),
    'support:save': async () => {
      const path = await ports.dialogs.saveFile('Save the support report', 'gitkeys-support-report.md')
      if (!path) return ok({ path: null })
      const written = await writeFileSafely(path, await buildSupportReport())
      return written.ok ? ok({ path: written.value }) : written
    },
    'support:copy': async () => {
      await ports.desktop.copyText(await buildSupportReport())
      return ok({ copied: true as const })
    },
    'app:open-external': async (r) => {
      const hosts = metadata.get().accounts.map((a) => a.host)
      if (!isAllowedExternalUrl(r.url, hosts))
        return err(
          appError(
            'invalid_input',
            'GitKeys opens only https links to your Git hosts and their documentation.',
          ),
        )
      return ok({ opened: await ports.desktop.openExternal(r.url) })
    },

    'dialog:choose-folder': async (r) => {
      const picked = await ports.dialogs.chooseFolder(r.title, r.defaultPath)
      return ok({ path: picked ? await roots.approve(picked) : null })
    },
  }
  return {
    handlers,
    accounts,
    vault,
    metadata,
    workspace,
    git,
    runner,
    activity,
    notifier,
    knownSecrets: () => vault.knownSecrets(),
    /** Flushes pending writes and removes private temp folders (app quit, end of a test). */
    async dispose(): Promise<void> {
      await activity.flush()
      await operations.dispose()
    },
  }
}

/** What {@link createServices} returns. */
export type Services = Awaited<ReturnType<typeof createServices>>
