import { z } from 'zod'
import { FindingSchema } from './finding'

/** What can be exported. */
export const ExportFormatSchema = z.enum(['flipt', 'dflow', 'git'])
/** See {@link ExportFormatSchema}. */
export type ExportFormat = z.infer<typeof ExportFormatSchema>

/** How secrets appear in a Flipt export: env references (default), secret-file references, or inline. */
export const SecretModeSchema = z.enum(['env', 'file', 'inline'])

/** An export request. `environmentIds: null` means every environment. */
export const ExportRequestSchema = z.strictObject({
  format: ExportFormatSchema,
  environmentIds: z.array(z.string().max(64)).max(5000).nullable(),
  secrets: SecretModeSchema,
})
/** See {@link ExportRequestSchema}. */
export type ExportRequest = z.infer<typeof ExportRequestSchema>

/** The live preview: the document with every secret shown as a hint, never its value. */
export const ExportPreviewSchema = z.object({
  text: z.string(),
  fileName: z.string(),
  envTemplate: z.string().nullable(),
  secretFiles: z.array(z.object({ name: z.string(), accountId: z.string() })),
  warnings: z.array(FindingSchema),
  masked: z.boolean(),
})
/** See {@link ExportPreviewSchema}. */
export type ExportPreview = z.infer<typeof ExportPreviewSchema>

const ChangesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(
    z.object({
      id: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
})

/** An import preview: what the file means and how it differs from the current workspace. */
export const ImportPreviewSchema = z.object({
  sessionId: z.string(),
  source: z.string(),
  counts: z.object({ credentials: z.number(), repositories: z.number(), environments: z.number() }),
  diff: z.object({
    accounts: ChangesSchema,
    credentials: ChangesSchema,
    repositories: ChangesSchema,
    environments: ChangesSchema,
    flipt: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    empty: z.boolean(),
  }),
  pendingSecrets: z.array(z.object({ credentialId: z.string(), field: z.string(), hint: z.string() })),
  unmodelled: z.array(z.object({ path: z.string(), note: z.string() })),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
})
/** See {@link ImportPreviewSchema}. */
export type ImportPreview = z.infer<typeof ImportPreviewSchema>
