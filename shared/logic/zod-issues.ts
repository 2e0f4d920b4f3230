import type { z } from 'zod'
import type { FieldIssue } from '../errors'

/** Turns zod issues into field issues with dotted paths a person can read. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(request)',
    message: i.message,
  }))
}
