import { isNode, type Document, type LineCounter } from 'yaml'
import type { SecretRef } from '../domain/credential'
import { IdSchema } from '../domain/account'
import { secretHint } from '../logic/redact'

/** A problem that names the bad field (dotted path as written in the file) and, where known, its line. */
export type ImportProblem = { readonly path: string; readonly message: string }
/** A key GitKeys does not model: carried in `extra` and reported. */
export type UnmodelledKey = { readonly path: string; readonly note: string }
/** An inline secret found on import: its value goes to the vault only after the user confirms. */
export type PendingSecret = { readonly credentialId: string; readonly field: string; readonly hint: string }

/** What the section readers report into. */
export type ImportContext = {
  problem(path: readonly string[], message: string): void
  note(path: readonly string[], note: string): void
  /** Records an inline secret and returns the `pending` reference the workspace keeps instead. */
  pending(credentialId: string, field: string, value: string): SecretRef
  readonly problems: ImportProblem[]
  readonly unmodelled: UnmodelledKey[]
  readonly pendingSecrets: PendingSecret[]
}

/** Creates a context that locates paths in `doc` (built with `lineCounter`). */
export function createImportContext(doc: Document | null, lineCounter: LineCounter | null): ImportContext {
  const problems: ImportProblem[] = []
  const unmodelled: UnmodelledKey[] = []
  const pendingSecrets: PendingSecret[] = []
  const where = (path: readonly string[]): string => {
    if (!doc || !lineCounter) return ''
    for (let n = path.length; n > 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true)
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0])
        return ` (line ${pos.line}, column ${pos.col})`
      }
    }
    return ''
  }
  const dotted = (path: readonly string[]): string => path.join('.') || '(file)'
  return {
    problems,
    unmodelled,
    pendingSecrets,
    problem(path, message) {
      problems.push({ path: dotted(path), message: `${message}${where(path)}` })
    },
    note(path, note) {
      unmodelled.push({ path: dotted(path), note })
    },
    pending(credentialId, field, value) {
      const hint = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value) ? 'PEM private key' : secretHint(value)
      pendingSecrets.push({ credentialId, field, hint })
      return { kind: 'pending', hint }
    },
  }
}

/** How a Flipt map key becomes a GitKeys id: lowercased as Viper does, then made a valid id. */
export type IdAssignment = { readonly key: string; readonly lower: string; readonly id: string }

/**
 * Assigns ids to the keys of a Flipt map section. Viper lowercases keys, so `GitHub` is `github`;
 * GitKeys ids also refuse `_` and `.`, so those become `-` (reported, since Flipt env overrides such
 * as FLIPT_STORAGE_<ID>_… then no longer match).
 */
export function assignIds(
  section: string,
  keys: readonly string[],
  ctx: ImportContext | null,
): IdAssignment[] {
  const valid = (s: string): boolean => IdSchema.safeParse(s).success
  const taken = new Set(keys.map((k) => k.toLowerCase()).filter(valid))
  const lowerSeen = new Map<string, string>()
  const out: IdAssignment[] = []
  for (const key of keys) {
    const lower = key.toLowerCase()
    const earlier = lowerSeen.get(lower)
    if (earlier !== undefined)
      ctx?.problem(
        [section, key],
        `"${key}" and "${earlier}" are the same id once Flipt lowercases it; the last one wins`,
      )
    lowerSeen.set(lower, key)
    let id = lower
    if (!valid(id)) {
      const base =
        lower
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^-+/, '')
          .slice(0, 60) || 'id'
      id = base
      for (let n = 2; taken.has(id) && earlier === undefined; n++) id = `${base}-${n}`
      ctx?.problem(
        [section, key],
        `id "${lower}" is stored as "${id}": GitKeys ids use lowercase letters, digits and dashes`,
      )
    }
    taken.add(id)
    out.push({ key, lower, id })
  }
  return out.filter((a) => lowerSeen.get(a.lower) === a.key)
}

/** Sets `value` at `path` inside a nested plain record, creating records on the way. */
export function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path
  if (head === undefined) return
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const next = target[head]
  const child: Record<string, unknown> =
    typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : {}
  target[head] = child
  setIn(child, rest, value)
}

/** The keys of `raw` not in `known`, reported and collected as extra (prototype keys dropped). */
export function collectExtra(
  raw: Readonly<Record<string, unknown>>,
  known: readonly string[],
  path: readonly string[],
  ctx: ImportContext,
  note: (key: string) => string,
): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (known.includes(key)) continue
    extra[key] = value
    ctx.note([...path, key], note(key))
  }
  return extra
}
