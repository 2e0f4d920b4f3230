import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ActivityEntrySchema, type ActivityEntry } from '@shared/domain/activity'
import { redact } from '@shared/logic/redact'
import type { EventSink } from '../events'
import type { Logger } from '../logging/logger'
import type { DocumentStore } from '../storage/document-store'

/** The most entries kept; older ones are dropped first. */
export const ACTIVITY_LIMIT = 2000

const DocSchema = z.object({ version: z.literal(1), entries: z.array(ActivityEntrySchema) })

/** What a service reports; the log adds id and time. */
export type ActivityInput = Omit<ActivityEntry, 'id' | 'at' | 'detail'> & { readonly detail?: string }

/** The port services record through. */
export interface ActivitySink {
  record(input: ActivityInput): void
}

/**
 * The activity log (issue 7): every operation, bounded to {@link ACTIVITY_LIMIT} entries, redacted
 * against known secrets and token shapes before it is kept, written in the background so an
 * operation never waits for it, and exportable.
 */
export function createActivityLog(deps: {
  readonly store: DocumentStore
  readonly events: EventSink
  readonly logger: Logger
  readonly knownSecrets: () => readonly string[]
  readonly now?: () => Date
}) {
  const now = deps.now ?? (() => new Date())
  const log = deps.logger.child('activity')
  let entries: ActivityEntry[] = []
  let pending: Promise<void> = Promise.resolve()

  const persist = (): void => {
    const snapshot = { version: 1 as const, entries }
    pending = pending
      .then(() => deps.store.write(snapshot))
      .catch(() => log.warn('activity log could not be written'))
  }

  return {
    /** Loads the stored log; an unreadable one is moved aside by the store and the log starts empty. */
    async load(): Promise<void> {
      const r = await deps.store.read()
      if (r.kind !== 'ok') return
      const parsed = DocSchema.safeParse(r.data)
      if (parsed.success) entries = parsed.data.entries.slice(-ACTIVITY_LIMIT)
      else await deps.store.moveAside('unexpected shape')
    },
    /** Records one operation. */
    record(input: ActivityInput): void {
      const secrets = deps.knownSecrets()
      const entry: ActivityEntry = {
        ...input,
        id: randomBytes(6).toString('hex'),
        at: now().toISOString(),
        subject: redact(input.subject, secrets),
        detail: redact(input.detail ?? '', secrets).slice(0, 2000),
      }
      entries = [...entries, entry].slice(-ACTIVITY_LIMIT)
      persist()
      deps.events.emit('activity:added', entry)
    },
    /** The newest entries first, optionally for one subject. */
    list(opts: { limit?: number; subject?: string } = {}): ActivityEntry[] {
      const all = opts.subject ? entries.filter((e) => e.subject === opts.subject) : entries
      return all.slice(-(opts.limit ?? 200)).reverse()
    },
    /** The whole log as JSON lines, oldest first, for export. */
    exportText: (): string => entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''),
    /** Resolves once pending writes are on disk, including any queued while it waits (tests, shutdown). */
    async flush(): Promise<void> {
      for (let seen = pending; ; seen = pending) {
        await seen
        if (seen === pending) return
      }
    },
  }
}

/** See {@link createActivityLog}. */
export type ActivityLog = ReturnType<typeof createActivityLog>
