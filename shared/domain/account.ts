import { z } from 'zod'
import { DeploymentSchema, ProviderIdSchema } from './provider'

/** A stable id: lowercase letters, digits and dashes (also safe as a file name and a Flipt id). */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, dashes and underscores')

/** An ISO calendar date (YYYY-MM-DD): expiry dates are days, as every provider shows them. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')

/** Where an account's secret stands. The secret itself never leaves main. */
export const SecretStateSchema = z.enum(['stored', 'session_only', 'needs_reentry', 'missing'])
/** See {@link SecretStateSchema}. */
export type SecretState = z.infer<typeof SecretStateSchema>

/**
 * An account: one token on one host, with what GitKeys knows about it. `host` is the lowercase
 * hostname with an explicit port only when it is not the scheme's default. `pathPrefix` is the part
 * of the URL that belongs to the account's scope, not to a repository: the Azure DevOps
 * organisation (`acme`) or Server collection (`tfs/DefaultCollection`), a GitLab relative root, a
 * Bitbucket Data Center context path.
 */
export const AccountSchema = z.object({
  id: IdSchema,
  provider: ProviderIdSchema,
  deployment: DeploymentSchema,
  host: z.string().min(1).max(253),
  pathPrefix: z.string().max(200).nullable(),
  label: z.string().min(1).max(120),
  username: z.string().max(200),
  tokenKind: z.string().min(1).max(64),
  scopes: z.array(z.string().max(100)).max(100),
  expiresAt: IsoDateSchema.nullable(),
  apiUrl: z.string().max(500).nullable(),
  labels: z.array(z.string().min(1).max(40)).max(20),
  createdAt: z.string(),
  updatedAt: z.string(),
  secret: z.object({
    state: SecretStateSchema,
    hint: z.string(),
    fingerprint: z.string(),
    checksum: z.enum(['valid', 'invalid', 'none', 'unknown']),
  }),
})
/** See {@link AccountSchema}. */
export type Account = z.infer<typeof AccountSchema>

/** The editable fields of an account, as a person enters them on a connection screen. */
export const AccountFieldsSchema = z.strictObject({
  provider: ProviderIdSchema,
  deployment: DeploymentSchema,
  host: z.string().min(1).max(253),
  pathPrefix: z.string().max(200).nullable(),
  label: z.string().trim().min(1).max(120),
  username: z.string().max(200),
  tokenKind: z.string().min(1).max(64),
  scopes: z.array(z.string().max(100)).max(100),
  expiresAt: IsoDateSchema.nullable(),
  apiUrl: z.string().max(500).nullable(),
  labels: z.array(z.string().trim().min(1).max(40)).max(20),
})
/** See {@link AccountFieldsSchema}. */
export type AccountFields = z.infer<typeof AccountFieldsSchema>

/** A token crossing IPC, once, towards main: bounded, and never sent back. */
export const TokenInputSchema = z.string().max(8192)
