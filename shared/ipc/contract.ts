import { z } from 'zod'
import {
  AccountFieldsSchema,
  AccountSchema,
  IdSchema,
  IsoDateSchema,
  TokenInputSchema,
} from '../domain/account'
import { ActivityEntrySchema } from '../domain/activity'
import { AppInfoSchema } from '../domain/app-info'
import { CredentialSchema } from '../domain/credential'
import {
  DoctorProgressSchema,
  DoctorResultSchema,
  DoctorScopeSchema,
  ExplanationSchema,
} from '../domain/doctor'
import { ExportPreviewSchema, ExportRequestSchema, ImportPreviewSchema } from '../domain/export'
import { EnvironmentSchema } from '../domain/environment'
import {
  ConnectionResultSchema,
  GitProgressEventSchema,
  OperationResultSchema,
} from '../domain/git-operation'
import { DeploymentSchema, ProviderIdSchema, TokenUseSchema } from '../domain/provider'
import { RepositorySchema } from '../domain/repository'
import { TokenAnalysisSchema } from '../domain/token-analysis'
import { VaultStatusSchema } from '../domain/vault'

/** A request that carries nothing: still one (empty, strict) object payload. */
export const Empty = z.strictObject({})

/** How one invoke channel is declared: a strict request schema and the response schema. */
export type ChannelSpec = { readonly request: z.ZodType; readonly response: z.ZodType }

/**
 * THE contract (ARCHITECTURE.md §3): every renderer → main channel, named `domain:verb`, with one
 * object payload. Request schemas are strict; response schemas are the allow-list of what may leave
 * main (unknown keys are stripped, so a secret added to a service result by mistake never crosses).
 */
const AccountUsageSchema = z.object({
  repositories: z.array(z.string()),
  environments: z.array(z.string()),
  credentials: z.array(z.string()),
})
const AccountListSchema = z.object({ accounts: z.array(AccountSchema) })
const SettingsViewSchema = z.object({
  expiryWarningDays: z.number(),
  notifications: z.boolean(),
  proxy: z.string().nullable(),
  noProxy: z.string().nullable(),
})
/** A proxy URL as the settings accept it: http(s) with a host, no control characters, no userinfo (it would be stored in plain text). */
const ProxyUrlSchema = z
  .string()
  .max(500)
  .regex(
    /^https?:\/\/[^\s/@]+(:\d+)?\/?$/,
    'use a proxy URL like http://proxy.example:3128, without a user or password',
  )
  .nullable()
const DashboardSchema = z.object({
  providers: z.array(z.object({ provider: ProviderIdSchema, count: z.number(), attention: z.number() })),
  expiries: z.array(
    z.object({
      accountId: z.string(),
      label: z.string(),
      provider: ProviderIdSchema,
      expiresAt: z.string(),
      expiry: z.object({ state: z.enum(['none', 'ok', 'soon', 'expired']), days: z.number().optional() }),
    }),
  ),
  retirements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      detail: z.string(),
      date: z.string(),
      inEffect: z.boolean(),
      conditional: z.string().nullable(),
      accountIds: z.array(z.string()),
    }),
  ),
  repositories: z.array(z.object({ id: z.string(), lastCheck: ActivityEntrySchema.nullable() })),
  needsReentry: z.array(z.string()),
  horizonDays: z.number(),
})
const WorkspaceSnapshotSchema = z.object({
  repositories: z.array(RepositorySchema),
  environments: z.array(EnvironmentSchema),
  credentials: z.array(CredentialSchema),
})
/** A new item is submitted with an empty id; main assigns one. */
const DraftId = z.union([IdSchema, z.literal('')])
const OperationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
const RepoOp = z.strictObject({ repositoryId: IdSchema, operationId: OperationIdSchema })

export const channels = {
  'app:info': { request: Empty, response: AppInfoSchema },

  'vault:status': { request: Empty, response: VaultStatusSchema },
  'vault:allow-weak-storage': {
    request: z.strictObject({ confirm: z.literal(true) }),
    response: VaultStatusSchema,
  },

  'accounts:list': { request: Empty, response: AccountListSchema },
  'accounts:analyze-token': {
    request: z.strictObject({
      token: TokenInputSchema,
      provider: ProviderIdSchema.optional(),
      host: z.string().max(253).optional(),
      deployment: DeploymentSchema.optional(),
      tokenKind: z.string().max(64).optional(),
    }),
    response: TokenAnalysisSchema,
  },
  'accounts:add': {
    request: z.strictObject({
      fields: AccountFieldsSchema,
      token: TokenInputSchema,
      /** The use whose scopes the answer is judged against (default: Flipt sync). */
      use: TokenUseSchema.optional(),
    }),
    response: AccountSchema,
  },
  'accounts:update': {
    request: z.strictObject({ id: IdSchema, fields: AccountFieldsSchema }),
    response: AccountSchema,
  },
  'accounts:rotate': {
    request: z.strictObject({
      id: IdSchema,
      token: TokenInputSchema,
      expiresAt: IsoDateSchema.nullable().optional(),
      everywhere: z.boolean(),
    }),
    response: z.object({ account: AccountSchema, alsoRotated: z.array(z.string()) }),
  },
  'accounts:usage': { request: z.strictObject({ id: IdSchema }), response: AccountUsageSchema },
  'accounts:remove': {
    request: z.strictObject({ id: IdSchema, confirm: z.boolean() }),
    response: z.object({ unbound: AccountUsageSchema }),
  },
  'accounts:open-token-page': {
    request: z.strictObject({
      provider: ProviderIdSchema,
      deployment: DeploymentSchema,
      host: z.string().min(1).max(253),
      pathPrefix: z.string().max(200).nullable(),
      tokenKind: z.string().min(1).max(64),
      use: TokenUseSchema,
    }),
    response: z.object({
      url: z.string(),
      opened: z.boolean(),
      prefilled: z.array(z.string()),
      note: z.string(),
    }),
  },
  'accounts:test': {
    request: z.strictObject({
      fields: AccountFieldsSchema,
      token: TokenInputSchema,
      /** The use whose scopes the answer is judged against (default: Flipt sync). */
      use: TokenUseSchema.optional(),
    }),
    response: z.object({
      analysis: TokenAnalysisSchema,
      probe: z
        .object({
          ok: z.boolean(),
          authenticated: z.boolean().nullable(),
          category: z.string().nullable(),
          login: z.string().nullable(),
          scopes: z.array(z.string()).nullable(),
          expiresAt: z.string().nullable(),
          detail: z.string(),
          ms: z.number(),
        })
        .nullable(),
    }),
  },
  'accounts:copy-token': {
    request: z.strictObject({ id: IdSchema }),
    response: z.object({ clearsInSeconds: z.number() }),
  },

  'workspace:get': { request: Empty, response: WorkspaceSnapshotSchema },
  'repositories:save': {
    request: z.strictObject({ repository: RepositorySchema.extend({ id: DraftId }).strict() }),
    response: RepositorySchema,
  },
  'repositories:remove': {
    request: z.strictObject({ id: IdSchema, confirm: z.boolean() }),
    response: z.object({ environments: z.array(z.string()) }),
  },
  'environments:save': {
    request: z.strictObject({ environment: EnvironmentSchema.extend({ id: DraftId }).strict() }),
    response: EnvironmentSchema,
  },
  'environments:remove': {
    request: z.strictObject({ id: IdSchema }),
    response: z.object({ removed: z.string() }),
  },

  'git:test': { request: RepoOp, response: ConnectionResultSchema },
  'git:probe-write': { request: RepoOp, response: ConnectionResultSchema },
  'git:run': {
    request: RepoOp.extend({ op: z.enum(['clone', 'fetch', 'pull', 'push']) }).strict(),
    response: OperationResultSchema,
  },
  'git:cancel': {
    request: z.strictObject({ operationId: OperationIdSchema }),
    response: z.object({ cancelled: z.boolean() }),
  },

  'export:preview': { request: ExportRequestSchema, response: ExportPreviewSchema },
  'export:save': {
    request: z.strictObject({
      request: ExportRequestSchema,
      confirmInline: z.boolean(),
      writeSecretFiles: z.boolean(),
    }),
    response: z.object({ path: z.string().nullable(), secretFilesWritten: z.number() }),
  },
  'export:copy': {
    request: ExportRequestSchema.extend({ part: z.enum(['document', 'envTemplate']) }).strict(),
    response: z.object({ copied: z.literal(true) }),
  },
  'import:open-file': { request: Empty, response: z.object({ preview: ImportPreviewSchema.nullable() }) },
  'import:preview-text': {
    request: z.strictObject({ text: z.string().max(2 * 1024 * 1024) }),
    response: ImportPreviewSchema,
  },
  'import:apply': {
    request: z.strictObject({
      sessionId: z.string().regex(/^[0-9a-f]{24}$/),
      moveInlineSecrets: z.boolean(),
    }),
    response: z.object({ accountsCreated: z.array(z.string()) }),
  },

  'activity:list': {
    request: z.strictObject({
      limit: z.number().int().min(1).max(2000).optional(),
      subject: z.string().max(200).optional(),
    }),
    response: z.object({ entries: z.array(ActivityEntrySchema) }),
  },
  'activity:export': {
    request: Empty,
    response: z.object({ path: z.string().nullable(), entries: z.number() }),
  },
  'dashboard:get': { request: Empty, response: DashboardSchema },
  'settings:get': { request: Empty, response: SettingsViewSchema },
  'settings:update': {
    request: z.strictObject({
      expiryWarningDays: z.number().int().min(1).max(365).optional(),
      notifications: z.boolean().optional(),
      proxy: ProxyUrlSchema.optional(),
      noProxy: z
        .string()
        .max(1000)
        .regex(/^[^\s]*$/, 'a comma-separated list without spaces')
        .nullable()
        .optional(),
    }),
    response: SettingsViewSchema,
  },

  'doctor:run': {
    request: z.strictObject({
      scope: DoctorScopeSchema,
      online: z.boolean(),
      /** Names the run in its `doctor:progress` events. */
      runId: z.string().min(1).max(64).optional(),
    }),
    response: DoctorResultSchema,
  },
  'doctor:explain': {
    request: z.strictObject({
      text: z.string().max(2 * 1024 * 1024),
      accountId: IdSchema.optional(),
      provider: ProviderIdSchema.optional(),
    }),
    response: ExplanationSchema,
  },
  'doctor:apply-fix': {
    request: z.strictObject({ subject: z.string().max(300), value: z.string().max(2000) }),
    response: z.object({ subject: z.string() }),
  },
  'support:report': { request: Empty, response: z.object({ text: z.string() }) },
  'support:save': { request: Empty, response: z.object({ path: z.string().nullable() }) },
  'support:copy': { request: Empty, response: z.object({ copied: z.literal(true) }) },
  'app:open-external': {
    request: z.strictObject({ url: z.string().max(2000) }),
    response: z.object({ opened: z.boolean() }),
  },

  'dialog:choose-folder': {
    request: z.strictObject({ title: z.string().max(200), defaultPath: z.string().max(1000).optional() }),
    response: z.object({ path: z.string().nullable() }),
  },
} as const satisfies Record<string, ChannelSpec>

/** Every main → renderer event and its payload schema. */
export const events = {
  'accounts:changed': AccountListSchema,
  'vault:changed': VaultStatusSchema,
  'workspace:changed': WorkspaceSnapshotSchema,
  'git:progress': GitProgressEventSchema,
  'doctor:progress': DoctorProgressSchema,
  'activity:added': ActivityEntrySchema,
} as const satisfies Record<string, z.ZodType>

/** A channel name. */
export type Channel = keyof typeof channels
/** An event name. */
export type EventName = keyof typeof events
/** The parsed request type of a channel. */
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>
/** The payload type of an event. */
export type EventPayloadOf<E extends EventName> = z.infer<(typeof events)[E]>

/** All channel names, in declaration order. */
export const channelNames = Object.keys(channels) as Channel[]
/** All event names, in declaration order. */
export const eventNames = Object.keys(events) as EventName[]

/** Narrows an untrusted string to a channel name. */
export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name)
/** Narrows an untrusted string to an event name. */
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
