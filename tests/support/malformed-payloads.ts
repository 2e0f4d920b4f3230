import type { z } from 'zod'

/**
 * Payloads no channel may accept: wrong types, a 10 MB string, prototype pollution, deep nesting,
 * extra fields (vectors 3-4 of security.md §8). Extra-field variants use the schema's own keys so
 * they stay malformed for strict objects of any shape.
 */
export function malformedPayloads(schema: z.ZodType): unknown[] {
  const shape: Record<string, unknown> = (schema as { shape?: Record<string, unknown> }).shape ?? {}
  const keys = Object.keys(shape)
  const deep: Record<string, unknown> = {}
  let cur = deep
  for (let i = 0; i < 100; i++) {
    const next: Record<string, unknown> = {}
    cur.x = next
    cur = next
  }
  const huge = 'x'.repeat(10 * 1024 * 1024)
  const out: unknown[] = [
    undefined,
    null,
    42,
    'string',
    true,
    [],
    [{}],
    { allowUnsafe: true },
    JSON.parse('{"__proto__":{"polluted":1}}'),
    { constructor: { prototype: { polluted: 1 } } },
    deep,
    { huge },
  ]
  for (const k of keys) {
    out.push({ [k]: huge })
    out.push({ [k]: { __proto__: null, nested: ['x'] } })
    out.push({ [k]: 0, extra_field_zz: 1 })
  }
  return out
}
