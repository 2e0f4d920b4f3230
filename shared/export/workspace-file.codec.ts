import { WORKSPACE_VERSION, WorkspaceSchema, type Workspace } from '../domain/workspace'
import { err, ok, type Result } from '../result'

/**
 * The workspace file (ARCHITECTURE.md §7): stable pretty JSON, read back with schema validation,
 * migrations from older versions, a clear refusal of newer ones, `__proto__` keys refused and a BOM
 * tolerated. Every problem names its field as a path like `repositories[2].branch`.
 */

/** A problem with a workspace file, at a field path. */
export type WorkspaceFileIssue = { readonly path: string; readonly message: string }

/** Turns a raw workspace of version N into version N + 1. */
export type WorkspaceMigration = (raw: Readonly<Record<string, unknown>>) => Record<string, unknown>

/** Migrations by the version they read. Version 1 is the first, so there are none yet. */
export const WORKSPACE_MIGRATIONS: Readonly<Record<number, WorkspaceMigration>> = {}

/** `repositories[2].branch` from a path of keys and indexes. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') ||
    '(file)'
  )
}

/** Serialises a workspace as stable, pretty JSON (schema field order, two-space indent, final newline). */
export function serializeWorkspace(ws: Workspace): string {
  return `${JSON.stringify(WorkspaceSchema.parse(ws), null, 2)}\n`
}

function findProtoKeys(value: unknown, path: ReadonlyArray<PropertyKey>, out: WorkspaceFileIssue[]): void {
  if (out.length >= 20 || typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    value.forEach((v, i) => findProtoKeys(v, [...path, i], out))
    return
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__')
      out.push({ path: fieldPath([...path, key]), message: '"__proto__" is not allowed as a key' })
    else findProtoKeys((value as Record<string, unknown>)[key], [...path, key], out)
  }
}

/** Brings a raw workspace up to {@link WORKSPACE_VERSION}, or says why it cannot. */
export function migrateWorkspace(
  raw: Readonly<Record<string, unknown>>,
  migrations: Readonly<Record<number, WorkspaceMigration>> = WORKSPACE_MIGRATIONS,
  target: number = WORKSPACE_VERSION,
): Result<Record<string, unknown>, WorkspaceFileIssue[]> {
  const version = raw.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err([
      {
        path: 'version',
        message: `unknown workspace file version ${JSON.stringify(version) ?? 'undefined'}`,
      },
    ])
  if (version > target)
    return err([
      {
        path: 'version',
        message: `this workspace file is version ${version}, written by a newer GitKeys; this one reads up to version ${target}. Update GitKeys to open it.`,
      },
    ])
  let current: Record<string, unknown> = { ...raw }
  for (let v = version; v < target; v++) {
    const step = migrations[v]
    if (!step)
      return err([{ path: 'version', message: `no migration from workspace file version ${v} to ${v + 1}` }])
    current = { ...step(current), version: v + 1 }
  }
  return ok(current)
}

function referenceIssues(ws: Workspace): WorkspaceFileIssue[] {
  const issues: WorkspaceFileIssue[] = []
  const ids = (kind: string, items: ReadonlyArray<{ readonly id: string }>): Set<string> => {
    const seen = new Set<string>()
    items.forEach((it, i) => {
      if (seen.has(it.id)) issues.push({ path: `${kind}[${i}].id`, message: `duplicate id "${it.id}"` })
      seen.add(it.id)
    })
    return seen
  }
  const accounts = ids('accounts', ws.accounts)
  const credentials = ids('credentials', ws.credentials)
  const repositories = ids('repositories', ws.repositories)
  ids('environments', ws.environments)
  const need = (set: Set<string>, id: string | null, path: string, what: string): void => {
    if (id !== null && !set.has(id)) issues.push({ path, message: `no ${what} with id "${id}"` })
  }
  ws.credentials.forEach((c, i) => {
    need(accounts, c.accountId, `credentials[${i}].accountId`, 'account')
    if (c.secret?.kind === 'vault')
      need(accounts, c.secret.accountId, `credentials[${i}].secret.accountId`, 'account')
  })
  ws.repositories.forEach((r, i) => {
    need(accounts, r.accountId, `repositories[${i}].accountId`, 'account')
    need(credentials, r.credentialId, `repositories[${i}].credentialId`, 'credential')
  })
  ws.environments.forEach((e, i) => {
    need(repositories, e.repositoryId, `environments[${i}].repositoryId`, 'repository')
    need(accounts, e.scm?.accountId ?? null, `environments[${i}].scm.accountId`, 'account')
    need(credentials, e.scm?.credentialId ?? null, `environments[${i}].scm.credentialId`, 'credential')
  })
  return issues
}

/** Reads a workspace file. */
export function parseWorkspace(
  text: string,
  migrations: Readonly<Record<number, WorkspaceMigration>> = WORKSPACE_MIGRATIONS,
): Result<Workspace, WorkspaceFileIssue[]> {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e: unknown) {
    return err([
      { path: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : 'unreadable'}` },
    ])
  }
  const proto: WorkspaceFileIssue[] = []
  findProtoKeys(raw, [], proto)
  if (proto.length > 0) return err(proto)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return err([{ path: '(file)', message: 'a workspace file is a JSON object' }])
  const rec = raw as Record<string, unknown>
  if (rec.format !== 'gitkeys-workspace')
    return err([
      { path: 'format', message: 'not a GitKeys workspace file (format must be "gitkeys-workspace")' },
    ])
  const migrated = migrateWorkspace(rec, migrations)
  if (!migrated.ok) return migrated
  const parsed = WorkspaceSchema.safeParse(migrated.value)
  if (!parsed.success)
    return err(parsed.error.issues.slice(0, 50).map((i) => ({ path: fieldPath(i.path), message: i.message })))
  const refs = referenceIssues(parsed.data)
  return refs.length > 0 ? err(refs) : ok(parsed.data)
}
