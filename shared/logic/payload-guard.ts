/** Limits on what an untrusted payload may look like before any schema sees it. */
export type PayloadLimits = { readonly maxBytes: number; readonly maxDepth: number; readonly maxKeys: number }

/** Defaults for IPC: generous for real requests, far below what could stall main. */
export const IPC_LIMITS: PayloadLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 32, maxKeys: 50_000 }

/**
 * Walks a structured-clone value and says why it is too large or too deep, or null when it fits.
 * Stops early, so a 100 MB string costs no more than a short one.
 */
export function payloadProblem(value: unknown, limits: PayloadLimits = IPC_LIMITS): string | null {
  let bytes = 0
  let keys = 0
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }]
  while (stack.length > 0) {
    const item = stack.pop()
    if (!item) break
    const { v, depth } = item
    if (depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`
    if (typeof v === 'string') bytes += v.length * 2
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) bytes += 8
    else if (typeof v === 'object') {
      const entries = Array.isArray(v) ? v : Object.keys(v).map((k) => (v as Record<string, unknown>)[k])
      keys += entries.length
      if (keys > limits.maxKeys) return `more than ${limits.maxKeys} fields`
      if (!Array.isArray(v)) bytes += Object.keys(v).reduce((n, k) => n + k.length * 2, 0)
      for (const e of entries) stack.push({ v: e, depth: depth + 1 })
    } else return `unsupported value of type ${typeof v}`
    if (bytes > limits.maxBytes) return `larger than ${Math.round(limits.maxBytes / 1024)} KiB`
  }
  return null
}
