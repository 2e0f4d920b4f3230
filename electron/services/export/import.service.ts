import { randomBytes } from 'node:crypto'
import type { Credential } from '@shared/domain/credential'
import type { ImportPreview } from '@shared/domain/export'
import { appError, type AppError } from '@shared/errors'
import { diffWorkspaces, importFlipt, readInlineSecret, type ImportResult } from '@shared/export/index'
import { defaultTokenKind } from '@shared/providers/catalog'
import { parseRemote } from '@shared/providers/remote-parse'
import { analyzeToken } from '@shared/providers/token-analysis'
import { err, ok, type Result } from '@shared/result'
import { fingerprint, type AccountsService } from '../accounts/accounts.service'
import type { EventSink } from '../events'
import type { Logger } from '../logging/logger'
import type { MetadataStore } from '../workspace/metadata-store'
import { workspaceOf } from '../workspace/workspace-of'

/** Where imports come from: the native open dialog and the file system, or test stand-ins. */
export interface ImportPorts {
  openFile(title: string): Promise<string | null>
  readFile(path: string, maxBytes: number): Promise<string>
}

type Session = {
  readonly text: string
  readonly source: string
  readonly result: ImportResult
  readonly at: number
}

const MAX_BYTES = 2 * 1024 * 1024
const TTL_MS = 30 * 60_000

/**
 * Flipt v2 import (issue 6): a config becomes a preview and a diff against the current workspace;
 * nothing changes until `apply`. The file text stays in main between the two, so inline secrets
 * never travel to the renderer; they go to the vault only when the user confirms.
 */
export function createImportService(deps: {
  readonly metadata: MetadataStore
  readonly accounts: AccountsService
  readonly ports: ImportPorts
  readonly events: EventSink
  readonly logger: Logger
}) {
  const log = deps.logger.child('import')
  const sessions = new Map<string, Session>()

  /**
   * An inline token that an account already holds (same fingerprint) is not pending: the credential
   * is bound to that account's vault entry, so re-importing an exported config changes nothing.
   */
  function recognizeVaulted(text: string, result: ImportResult): ImportResult {
    const current = workspaceOf(deps.metadata.get())
    const byPrint = new Map(current.accounts.map((a) => [a.secret.fingerprint, a.id]))
    let credentials = result.workspace.credentials
    const pending = result.pendingSecrets.filter((p) => {
      const value = readInlineSecret(text, p.credentialId, p.field)
      const accountId = value ? byPrint.get(fingerprint(value)) : undefined
      if (!accountId) return true
      credentials = credentials.map((c) =>
        c.id === p.credentialId ? { ...c, accountId, secret: { kind: 'vault' as const, accountId } } : c,
      )
      return false
    })
    if (pending.length === result.pendingSecrets.length) return result
    const workspace = { ...result.workspace, credentials }
    return { ...result, workspace, pendingSecrets: pending, diff: diffWorkspaces(current, workspace) }
  }

  function open(text: string, source: string): ImportPreview {
    for (const [id, s] of sessions) if (Date.now() - s.at > TTL_MS || sessions.size > 5) sessions.delete(id)
    const result = recognizeVaulted(text, importFlipt(text, workspaceOf(deps.metadata.get())))
    const sessionId = randomBytes(12).toString('hex')
    sessions.set(sessionId, { text, source, result, at: Date.now() })
    const ws = result.workspace
    return {
      sessionId,
      source,
      counts: {
        credentials: ws.credentials.length,
        repositories: ws.repositories.length,
        environments: ws.environments.length,
      },
      // JSON drops undefined, but a field change must keep both sides: a missing side becomes null.
      diff: JSON.parse(
        JSON.stringify(result.diff, (_k, v: unknown) => (v === undefined ? null : v)),
      ) as ImportPreview['diff'],
      pendingSecrets: [...result.pendingSecrets],
      unmodelled: [...result.unmodelled],
      problems: [...result.problems],
    }
  }

  async function vaultInline(s: Session, creds: Credential[]): Promise<string[]> {
    const created: string[] = []
    for (const pending of s.result.pendingSecrets) {
      const token = readInlineSecret(s.text, pending.credentialId, pending.field)
      const idx = creds.findIndex((c) => c.id === pending.credentialId)
      const cred = creds[idx]
      if (!token || !cred) continue
      const repo = s.result.workspace.repositories.find((r) => r.credentialId === cred.id)
      const remote = repo ? parseRemote(repo.remote) : null
      if (!remote) continue
      const analysis = analyzeToken(token, {
        provider: remote.provider,
        host: remote.host,
        deployment: remote.deployment,
      })
      const added = await deps.accounts.add(
        {
          provider: remote.provider,
          deployment: remote.deployment,
          host: remote.host,
          pathPrefix: remote.pathPrefix ?? remote.organization,
          label: `Imported ${cred.id}`,
          username: cred.username ?? '',
          tokenKind: analysis.kind ?? defaultTokenKind(remote.provider, remote.deployment).id,
          scopes: [],
          expiresAt: null,
          apiUrl: null,
          labels: ['imported'],
        },
        token,
      )
      if (!added.ok) continue
      creds[idx] = {
        ...cred,
        accountId: added.value.id,
        secret: { kind: 'vault', accountId: added.value.id },
      }
      created.push(added.value.id)
    }
    return created
  }

  return {
    /** Opens a file through the native dialog and previews it. Null when the dialog was cancelled. */
    async previewFile(): Promise<Result<ImportPreview | null, AppError>> {
      const path = await deps.ports.openFile('Import a Flipt v2 configuration')
      if (!path) return ok(null)
      try {
        return ok(open(await deps.ports.readFile(path, MAX_BYTES), path))
      } catch (e: unknown) {
        return err(
          appError('io', `Could not read ${path}.`, { hint: e instanceof Error ? e.message : undefined }),
        )
      }
    },

    /** Previews pasted text. */
    previewText: (text: string): Result<ImportPreview, AppError> => ok(open(text, 'pasted text')),

    /** Applies a previewed import: repositories, environments and credentials are replaced; accounts are kept. */
    async apply(
      sessionId: string,
      moveInlineSecrets: boolean,
    ): Promise<Result<{ accountsCreated: string[] }, AppError>> {
      const s = sessions.get(sessionId)
      if (!s)
        return err(
          appError('not_found', 'This import preview has expired.', { hint: 'Open the file again.' }),
        )
      const fatal = s.result.problems.filter((p) => /YAML|parse/i.test(p.message))
      if (fatal.length > 0 && s.result.workspace.environments.length === 0)
        return err(
          appError('invalid_input', 'This file cannot be imported.', {
            issues: fatal.map((p) => ({ path: p.path, message: p.message })),
          }),
        )
      const creds = [...s.result.workspace.credentials]
      const created = moveInlineSecrets ? await vaultInline(s, creds) : []
      const ws = s.result.workspace
      try {
        const next = await deps.metadata.update((d) => ({
          ...d,
          credentials: creds,
          repositories: ws.repositories.map((r) => {
            const c = creds.find((x) => x.id === r.credentialId)
            return r.accountId === null && c?.accountId ? { ...r, accountId: c.accountId } : r
          }),
          environments: ws.environments.map((e) => {
            const c = e.scm?.credentialId ? creds.find((x) => x.id === e.scm?.credentialId) : undefined
            return e.scm && e.scm.accountId === null && c?.accountId
              ? { ...e, scm: { ...e.scm, accountId: c.accountId } }
              : e
          }),
          ...(ws.flipt ? { flipt: ws.flipt } : {}),
        }))
        deps.events.emit('workspace:changed', {
          repositories: [...next.repositories],
          environments: [...next.environments],
          credentials: [...next.credentials],
        })
      } catch (e: unknown) {
        return err(
          appError('io', e instanceof Error ? e.message : 'Could not save the import.', {
            hint: 'Nothing was changed.',
          }),
        )
      }
      sessions.delete(sessionId)
      log.info('import applied', {
        source: s.source === 'pasted text' ? 'paste' : 'file',
        accounts: created.length,
      })
      return ok({ accountsCreated: created })
    },
  }
}

/** See {@link createImportService}. */
export type ImportService = ReturnType<typeof createImportService>
