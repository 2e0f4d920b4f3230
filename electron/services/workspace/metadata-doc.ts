import { z } from 'zod'
import { AccountSchema } from '@shared/domain/account'
import { CredentialSchema } from '@shared/domain/credential'
import { EnvironmentSchema } from '@shared/domain/environment'
import { RepositorySchema } from '@shared/domain/repository'

/** The current metadata schema version. Bump it with a migration in {@link migrations}. */
export const METADATA_VERSION = 1

/** An account as stored: everything but the live secret state, which the vault decides. */
export const StoredAccountSchema = AccountSchema.extend({
  secret: AccountSchema.shape.secret.omit({ state: true }),
})
/** See {@link StoredAccountSchema}. */
export type StoredAccount = z.infer<typeof StoredAccountSchema>

/** App settings kept with the metadata. */
export const SettingsSchema = z.object({
  expiryWarningDays: z.number().int().min(1).max(365),
  notifications: z.boolean(),
  /** Folders the user picked in the native dialog: clone destinations must lie inside one (vector 40). */
  approvedRoots: z.array(z.string()).default([]),
  /** The day (YYYY-MM-DD) each account was last notified about its expiry, so reminders do not repeat. */
  notified: z.record(z.string(), z.string()).default({}),
  /** A proxy for git and API calls (http://host:port); null uses the system's HTTPS_PROXY/NO_PROXY. */
  proxy: z.string().nullable().default(null),
  /** Hosts that bypass the configured proxy (curl's NO_PROXY syntax). */
  noProxy: z.string().nullable().default(null),
})
/** See {@link SettingsSchema}. */
export type Settings = z.infer<typeof SettingsSchema>

/** Default settings. */
export const DEFAULT_SETTINGS: Settings = {
  expiryWarningDays: 14,
  notifications: true,
  approvedRoots: [],
  notified: {},
  proxy: null,
  noProxy: null,
}

/** Flipt top-level sections GitKeys does not model, kept from an import so an export gives them back. */
export const FliptExtrasSchema = z.object({
  extra: z.record(z.string(), z.unknown()),
  secretsFileBasePath: z.string().nullable(),
})

/** The metadata document: no secrets, ever. Items that fail validation are quarantined, not dropped. */
export type MetadataDoc = {
  readonly flipt?: z.infer<typeof FliptExtrasSchema>
  readonly schemaVersion: typeof METADATA_VERSION
  readonly accounts: readonly StoredAccount[]
  readonly credentials: readonly z.infer<typeof CredentialSchema>[]
  readonly repositories: readonly z.infer<typeof RepositorySchema>[]
  readonly environments: readonly z.infer<typeof EnvironmentSchema>[]
  readonly settings: Settings
  readonly quarantine: readonly {
    readonly collection: string
    readonly item: unknown
    readonly reason: string
  }[]
}

/** An empty metadata document. */
export const emptyMetadata = (): MetadataDoc => ({
  schemaVersion: METADATA_VERSION,
  accounts: [],
  credentials: [],
  repositories: [],
  environments: [],
  settings: DEFAULT_SETTINGS,
  quarantine: [],
})

/** Migrations from version N to N+1, applied in order. Version 0 is the unversioned pre-release form. */
export const migrations: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> =
  {
    0: (doc) => ({
      ...doc,
      schemaVersion: 1,
      quarantine: doc.quarantine ?? [],
      settings: doc.settings ?? DEFAULT_SETTINGS,
    }),
  }

const collections = {
  accounts: StoredAccountSchema,
  credentials: CredentialSchema,
  repositories: RepositorySchema,
  environments: EnvironmentSchema,
} as const

/** What reading the metadata found: the usable document, and every item that had to be set aside. */
export type ParseOutcome =
  | {
      readonly kind: 'ok'
      readonly doc: MetadataDoc
      readonly quarantined: number
      readonly migratedFrom: number | null
    }
  | { readonly kind: 'unusable'; readonly reason: string }

/** Migrates and validates stored metadata, item by item, so one bad entry costs nothing else. */
export function parseMetadata(data: unknown): ParseOutcome {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { kind: 'unusable', reason: 'not a document' }
  let raw = data as Record<string, unknown>
  const start = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0
  if (!Number.isInteger(start) || start < 0)
    return { kind: 'unusable', reason: `unknown schema version ${String(raw.schemaVersion)}` }
  if (start > METADATA_VERSION)
    return {
      kind: 'unusable',
      reason: `written by a newer GitKeys (schema ${start}); this version reads up to ${METADATA_VERSION}`,
    }
  for (let v = start; v < METADATA_VERSION; v++) {
    const m = migrations[v]
    if (!m) return { kind: 'unusable', reason: `no migration from schema ${v}` }
    raw = m(raw)
  }
  const quarantine: Array<{ collection: string; item: unknown; reason: string }> = Array.isArray(
    raw.quarantine,
  )
    ? (raw.quarantine as Array<{ collection: string; item: unknown; reason: string }>)
    : []
  const before = quarantine.length
  const out: Record<string, unknown[]> = {}
  for (const [name, schema] of Object.entries(collections)) {
    const list = Array.isArray(raw[name]) ? (raw[name] as unknown[]) : []
    if (raw[name] !== undefined && !Array.isArray(raw[name]))
      quarantine.push({ collection: name, item: raw[name], reason: 'not a list' })
    out[name] = []
    for (const item of list) {
      const r = schema.safeParse(item)
      if (r.success) out[name].push(r.data)
      else
        quarantine.push({
          collection: name,
          item,
          reason: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        })
    }
  }
  const settings = SettingsSchema.safeParse(raw.settings)
  const flipt = FliptExtrasSchema.safeParse(raw.flipt)
  const doc = {
    ...(flipt.success ? { flipt: flipt.data } : {}),
    schemaVersion: METADATA_VERSION,
    accounts: out.accounts,
    credentials: out.credentials,
    repositories: out.repositories,
    environments: out.environments,
    settings: settings.success ? settings.data : DEFAULT_SETTINGS,
    quarantine,
  } as MetadataDoc
  return {
    kind: 'ok',
    doc,
    quarantined: quarantine.length - before,
    migratedFrom: start === METADATA_VERSION ? null : start,
  }
}
