import { z } from 'zod'

/** How secrets are protected right now, for the UI's vault banner. Never holds a secret. */
export const VaultStatusSchema = z.object({
  backend: z.string(),
  /** New and existing secrets are written to disk, encrypted. */
  persistent: z.boolean(),
  /** The only key available is one anyone can read (Linux basic_text). */
  weak: z.boolean(),
  /** When the user explicitly chose weak storage (ISO time), or null. */
  weakOptIn: z.string().nullable(),
  /** Why secrets are not persisted, or what went wrong last, in words for a person. */
  reason: z.string().nullable(),
  /** The keyring is temporarily unavailable: retry later, nothing is deleted. */
  locked: z.boolean(),
  sessionOnly: z.number().int(),
  needsReentry: z.number().int(),
  /** Encrypted secrets whose account metadata is gone (kept, never deleted silently). */
  orphaned: z.number().int(),
  /** A store file that was corrupt and moved aside, with where the copy is. */
  storeProblems: z.array(z.object({ file: z.string(), reason: z.string(), backup: z.string().nullable() })),
})
/** See {@link VaultStatusSchema}. */
export type VaultStatus = z.infer<typeof VaultStatusSchema>
