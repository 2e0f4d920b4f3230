import { z } from 'zod'

const VaultDocSchema = z.object({
  version: z.literal(1),
  weakOptIn: z.string().nullable(),
  entries: z.record(z.string(), z.object({ data: z.string(), storedAt: z.string() })),
})

/** The vault file: one base64 ciphertext per account id, and the weak-storage opt-in if given. */
export type VaultDoc = z.infer<typeof VaultDocSchema>

/** Validates a vault file read from disk. */
export function parseVaultDoc(data: unknown): { ok: true; doc: VaultDoc } | { ok: false; reason: string } {
  const r = VaultDocSchema.safeParse(data)
  if (r.success) return { ok: true, doc: r.data }
  return {
    ok: false,
    reason: `the vault file does not have the expected shape (${r.error.issues[0]?.message ?? 'invalid'})`,
  }
}
