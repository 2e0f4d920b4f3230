import { z } from 'zod'
import { IdSchema } from './account'

/** Where Flipt keeps the git data: in memory, or a local directory. */
export const BackendSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('memory') }),
  z.object({ type: z.literal('local'), path: z.string().min(1).max(1000) }),
])
/** See {@link BackendSchema}. */
export type Backend = z.infer<typeof BackendSchema>

/** Keys of a Flipt section GitKeys does not model: carried through import → export, never dropped. */
export const ExtraSchema = z.record(z.string(), z.unknown())

/**
 * A repository is a Flipt storage (flipt-v2.md §1.3): remote, branch, the bound account, the backend,
 * polling, TLS and commit author. `credentialId` names the Flipt credential to export for it; when null
 * the exporter derives one from the bound account. `localPath` is where GitKeys clones it.
 */
export const RepositorySchema = z.object({
  id: IdSchema,
  remote: z.string().max(2000),
  branch: z.string().min(1).max(255),
  accountId: IdSchema.nullable(),
  credentialId: IdSchema.nullable(),
  backend: BackendSchema,
  pollInterval: z.string().max(40),
  fetchPolicy: z.enum(['strict', 'lenient']),
  caCertPath: z.string().max(1000).nullable(),
  caCertPem: z.string().max(200_000).nullable(),
  insecureSkipTls: z.boolean(),
  author: z.object({ name: z.string().max(200), email: z.string().max(320) }).nullable(),
  localPath: z.string().max(1000).nullable(),
  extra: ExtraSchema.optional(),
})
/** See {@link RepositorySchema}. */
export type Repository = z.infer<typeof RepositorySchema>

/**
 * A repository with Flipt's storage defaults (flipt-v2.md §1.3: branch main, memory backend, polled
 * every 30s, strict fetch, TLS verified) for every field not given; `id: ''` asks main to assign one.
 */
export function newRepository(over: Partial<Repository> = {}): Repository {
  return {
    id: '',
    remote: '',
    branch: 'main',
    accountId: null,
    credentialId: null,
    backend: { type: 'memory' },
    pollInterval: '30s',
    fetchPolicy: 'strict',
    caCertPath: null,
    caCertPem: null,
    insecureSkipTls: false,
    author: null,
    localPath: null,
    ...over,
  }
}
