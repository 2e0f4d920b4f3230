import type { z } from 'zod'
import type { FieldIssue } from '../errors'

const MAX_SEGMENT = 40
const MAX_MESSAGE = 200

/** A path segment as shown: long keys (which come from the request, not from us) are cut. */
const segment = (s: PropertyKey): string => {
  const text = String(s)
  return text.length > MAX_SEGMENT ? `${text.slice(0, MAX_SEGMENT)}…` : text
}

/**
 * Turns zod issues into field issues with dotted paths a person can read. Text that comes from the
 * request (unknown key names, long record keys) is never echoed whole: an error must stay small and
 * must not carry back what it refused.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(segment).join('.') || '(request)',
    message:
      i.code === 'unrecognized_keys'
        ? `${i.keys.length} field${i.keys.length === 1 ? '' : 's'} GitKeys does not know`
        : i.message.slice(0, MAX_MESSAGE),
  }))
}
