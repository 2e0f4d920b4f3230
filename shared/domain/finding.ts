import { z } from 'zod'

/** How bad a finding is. `ok` records a check that passed, so a checklist can show it. */
export const SeveritySchema = z.enum(['error', 'warning', 'info', 'ok'])
/** See {@link SeveritySchema}. */
export type Severity = z.infer<typeof SeveritySchema>

/** Something the app can do for the user when they press a fix's button. */
export const FixActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open_url'), url: z.string() }),
  z.object({ kind: z.literal('set_field'), subject: z.string(), value: z.string() }),
  z.object({ kind: z.literal('rotate_token'), accountId: z.string() }),
  z.object({ kind: z.literal('open_screen'), screen: z.string(), id: z.string().optional() }),
])
/** See {@link FixActionSchema}. */
export type FixAction = z.infer<typeof FixActionSchema>

/** One way to fix a finding: words for a person, and optionally an action the app can apply. */
export const FixSchema = z.object({
  label: z.string(),
  detail: z.string().optional(),
  action: FixActionSchema.optional(),
})
/** See {@link FixSchema}. */
export type Fix = z.infer<typeof FixSchema>

/**
 * A diagnostic result (ARCHITECTURE.md §6). `id` is stable across versions (`token.checksum_invalid`);
 * `subject` is the config path of the offending item (`storage.default.remote`, `credentials.github`).
 * Never carries a secret: at most a hint such as `ghp_…a1b2`.
 */
export const FindingSchema = z.object({
  id: z.string(),
  severity: SeveritySchema,
  subject: z.string(),
  title: z.string(),
  detail: z.string(),
  fixes: z.array(FixSchema),
  docs: z.string().optional(),
})
/** See {@link FindingSchema}. */
export type Finding = z.infer<typeof FindingSchema>

/**
 * A fix as one line of text: its label, plus the value it would write when the label does not say
 * it ("Use this URL" → "Use this URL: https://…"), so a text report is as useful as the button.
 */
export function fixText(fix: Fix): string {
  const a = fix.action
  return a?.kind === 'set_field' && a.value !== '' && !fix.label.includes(a.value)
    ? `${fix.label}: ${a.value}`
    : fix.label
}
