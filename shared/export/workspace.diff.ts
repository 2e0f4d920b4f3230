import type { Workspace } from '../domain/workspace'

/** One field that differs, by dotted path (`scm.apiUrl`, `backend.path`); values never hold secrets. */
export type FieldChange = { readonly field: string; readonly before: unknown; readonly after: unknown }

/** What changed for one kind of entity, matched by id. */
export type EntityChanges = {
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly changed: ReadonlyArray<{ readonly id: string; readonly fields: readonly FieldChange[] }>
}

/** The preview of an import: per entity kind, plus the carried Flipt sections. */
export type WorkspaceDiff = {
  readonly accounts: EntityChanges
  readonly credentials: EntityChanges
  readonly repositories: EntityChanges
  readonly environments: EntityChanges
  readonly flipt: readonly FieldChange[]
  /** True when nothing differs. */
  readonly empty: boolean
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Leaf-level differences of two values; arrays and scalars are compared whole. */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.flatMap((k) => fieldChanges(before[k], after[k], prefix ? `${prefix}.${k}` : k))
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  return [{ field: prefix || '(value)', before, after }]
}

function entityChanges<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
): EntityChanges {
  const was = new Map(before.map((e) => [e.id, e]))
  const now = new Map(after.map((e) => [e.id, e]))
  return {
    added: after.filter((e) => !was.has(e.id)).map((e) => e.id),
    removed: before.filter((e) => !now.has(e.id)).map((e) => e.id),
    changed: after.flatMap((e) => {
      const old = was.get(e.id)
      const fields = old === undefined ? [] : fieldChanges(old, e)
      return fields.length > 0 ? [{ id: e.id, fields }] : []
    }),
  }
}

const isEmpty = (c: EntityChanges): boolean => c.added.length + c.removed.length + c.changed.length === 0

/** Differences from `before` (absent = an empty workspace) to `after`. */
export function diffWorkspaces(before: Workspace | undefined, after: Workspace): WorkspaceDiff {
  const accounts = entityChanges(before?.accounts ?? [], after.accounts)
  const credentials = entityChanges(before?.credentials ?? [], after.credentials)
  const repositories = entityChanges(before?.repositories ?? [], after.repositories)
  const environments = entityChanges(before?.environments ?? [], after.environments)
  const flipt = fieldChanges(before?.flipt ?? {}, after.flipt ?? {})
  const empty = [accounts, credentials, repositories, environments].every(isEmpty) && flipt.length === 0
  return { accounts, credentials, repositories, environments, flipt, empty }
}
