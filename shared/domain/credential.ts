import { z } from 'zod'
import { IdSchema } from './account'
import { ExtraSchema } from './repository'

/**
 * Where a secret comes from, never the secret itself. `vault`: the bound GitKeys account's token
 * (written as env/file/inline at export time, by the chosen mode). `env`: Flipt's `${env:NAME}`.
 * `secret`: Flipt's `${secret:provider:key}`. `pending`: an imported inline secret awaiting the
 * user's confirmation to move into the vault.
 */
export const SecretRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vault'), accountId: IdSchema }),
  z.object({ kind: z.literal('env'), name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/) }),
  z.object({ kind: z.literal('secret'), provider: z.string().min(1), key: z.string().min(1) }),
  z.object({ kind: z.literal('pending'), hint: z.string() }),
])
/** See {@link SecretRefSchema}. */
export type SecretRef = z.infer<typeof SecretRefSchema>

/**
 * A Flipt credential (flipt-v2.md §1.2) as GitKeys keeps it: the type Flipt sends, the username, and
 * secret references; ssh and github_app carried through with their key paths.
 */
export const CredentialSchema = z.object({
  id: IdSchema,
  accountId: IdSchema.nullable(),
  type: z.enum(['basic', 'access_token', 'ssh', 'github_app']),
  username: z.string().max(200).nullable(),
  secret: SecretRefSchema.nullable(),
  ssh: z
    .object({
      user: z.string().nullable(),
      password: SecretRefSchema.nullable(),
      privateKeyPath: z.string().nullable(),
      privateKeyBytes: SecretRefSchema.nullable(),
      insecureIgnoreHostKey: z.boolean(),
    })
    .nullable(),
  githubApp: z
    .object({
      clientId: z.string(),
      installationId: z.string(),
      privateKeyPath: z.string().nullable(),
      privateKeyBytes: SecretRefSchema.nullable(),
      apiUrl: z.string().nullable(),
    })
    .nullable(),
  extra: ExtraSchema.optional(),
})
/** See {@link CredentialSchema}. */
export type Credential = z.infer<typeof CredentialSchema>
