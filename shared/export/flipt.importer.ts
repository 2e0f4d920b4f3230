import { isScalar, LineCounter, parseDocument } from 'yaml'
import type { Credential } from '../domain/credential'
import type { Environment } from '../domain/environment'
import type { Repository } from '../domain/repository'
import { emptyWorkspace, WorkspaceSchema, type Workspace } from '../domain/workspace'
import {
  assignIds,
  createImportContext,
  type ImportContext,
  type ImportProblem,
  type PendingSecret,
  type UnmodelledKey,
} from './flipt-import-context'
import { readCredential } from './flipt-import-credential'
import { readEnvironment } from './flipt-import-environment'
import { linkToAccounts } from './flipt-import-link'
import { readStorage } from './flipt-import-storage'
import { asRecord, FLIPT_TOP_LEVEL_KEYS, weakString } from './flipt-values'
import { noteInlineSecrets, readSecretsSection, sanitizeTree } from './flipt-import-tree'
import { diffWorkspaces, type WorkspaceDiff } from './workspace.diff'

/** What an import yields: the workspace, what needs the user's attention, and a preview diff. */
export type ImportResult = {
  readonly workspace: Workspace
  /** Inline secrets: the workspace holds `{ kind: 'pending' }`; values come from {@link readInlineSecret}. */
  readonly pendingSecrets: readonly PendingSecret[]
  readonly unmodelled: readonly UnmodelledKey[]
  readonly problems: readonly ImportProblem[]
  readonly diff: WorkspaceDiff
}

const MODELLED = new Set(['version', 'credentials', 'storage', 'environments', 'secrets'])

function section(
  root: Readonly<Record<string, unknown>>,
  key: string,
  ctx: ImportContext,
): Readonly<Record<string, unknown>> {
  const value = root[key]
  if (value === undefined || value === null) return {}
  const rec = asRecord(value)
  if (!rec) ctx.problem([key], `${key} must be a mapping of ids`)
  return rec ?? {}
}

/**
 * Reads a Flipt v2 config into a workspace (flipt-v2.md §1). Ids are lowercased as Viper does;
 * references are resolved exactly as written, like Flipt. Accounts are never created (they hold
 * secrets): credentials are linked to `current`'s accounts when host and username match.
 */
export function importFlipt(yamlText: string, current?: Workspace): ImportResult {
  const text = yamlText.replace(/^\uFEFF/, '')
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false })
  const ctx = createImportContext(doc, lineCounter)
  const base = current ?? emptyWorkspace()
  const fail = (): ImportResult => ({
    workspace: base,
    pendingSecrets: [],
    unmodelled: ctx.unmodelled,
    problems: ctx.problems,
    diff: diffWorkspaces(current, base),
  })
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0])
      ctx.problems.push({
        path: '(yaml)',
        message: `${e.message.split('\n')[0] ?? e.code} (line ${pos.line}, column ${pos.col})`,
      })
    }
    return fail()
  }
  let js: unknown
  try {
    js = doc.toJS({ maxAliasCount: 100 })
  } catch (e: unknown) {
    ctx.problems.push({ path: '(yaml)', message: e instanceof Error ? e.message : 'unreadable YAML' })
    return fail()
  }
  const root = asRecord(sanitizeTree(js ?? {}, [], ctx))
  if (!root) {
    ctx.problem([], 'a Flipt config must be a mapping at the top level')
    return fail()
  }

  if (root.version !== undefined && root.version !== null) {
    const node = doc.get('version', true)
    const v = weakString(root.version)
    if (isScalar(node) && typeof node.value === 'number')
      ctx.problem(
        ['version'],
        `version is the number ${String(node.value)}; Flipt expects the string "2.0" (quote it)`,
      )
    else if (v !== '2.0') ctx.problem(['version'], `invalid version: ${v ?? ''}`)
  }

  const extra: Record<string, unknown> = {}
  const credSection = section(root, 'credentials', ctx)
  const credIds = assignIds('credentials', Object.keys(credSection), ctx)
  const credentialIds = new Map(credIds.map((a) => [a.lower, a.id]))
  const credentials: Credential[] = []
  for (const a of credIds) {
    const c = readCredential(a.key, a.id, credSection[a.key], ctx)
    if (c) credentials.push(c)
    else
      extra.credentials = {
        ...asRecord(extra.credentials),
        [a.lower]: sanitizeTree(credSection[a.key], ['credentials', a.key], ctx, true),
      }
  }

  const currentRepo = new Map((current?.repositories ?? []).map((r) => [r.id, r]))
  const storageSection = section(root, 'storage', ctx)
  const storageKeys = Object.keys(storageSection)
  const storageIds = assignIds('storage', storageKeys, ctx)
  const repositories: Repository[] =
    storageKeys.length === 0
      ? [readStorage('default', 'default', {}, ctx, credentialIds, currentRepo.get('default'))]
      : storageIds.map((a) =>
          readStorage(a.key, a.id, storageSection[a.key], ctx, credentialIds, currentRepo.get(a.id)),
        )
  const storageIdMap = new Map(
    storageKeys.length === 0 ? [['default', 'default']] : storageIds.map((a) => [a.lower, a.id]),
  )

  const currentEnv = new Map((current?.environments ?? []).map((e) => [e.id, e]))
  const envSection = section(root, 'environments', ctx)
  const envKeys = Object.keys(envSection)
  const envIds = assignIds('environments', envKeys, ctx)
  const refs = { storageIds: storageIdMap, credentialIds, environmentCount: envIds.length }
  const environments: Environment[] =
    envKeys.length === 0
      ? [
          readEnvironment(
            'default',
            'default',
            'default',
            { name: 'default', storage: 'default', default: true },
            ctx,
            refs,
            currentEnv.get('default'),
          ),
        ]
      : envIds.map((a) =>
          readEnvironment(a.key, a.lower, a.id, envSection[a.key], ctx, refs, currentEnv.get(a.id)),
        )
  checkEnvironments(environments, envIds, ctx)

  const secrets = readSecretsSection(root.secrets, ctx)
  if (secrets.carried !== undefined) {
    extra.secrets = secrets.carried
    noteInlineSecrets(secrets.carried, ['secrets'], ctx)
  }
  for (const [key, value] of Object.entries(root)) {
    if (MODELLED.has(key)) continue
    extra[key] = value
    ctx.note(
      [key],
      FLIPT_TOP_LEVEL_KEYS.has(key)
        ? 'section GitKeys does not model; kept as written'
        : 'not a Flipt v2 section (Flipt ignores it, its JSON schema rejects it); kept as written',
    )
    noteInlineSecrets(value, [key], ctx)
  }

  const linked = linkToAccounts({ credentials, repositories, environments }, base.accounts)
  for (const m of linked.missingApiUrl)
    ctx.problem(
      ['environments', envIds.find((a) => a.id === m.environmentId)?.key ?? m.environmentId, 'scm'],
      `scm.api_url is absent, so Flipt calls its default API; for this remote it should be ${m.derived}`,
    )

  const hasFlipt = Object.keys(extra).length > 0 || secrets.basePath !== null
  const candidate: Workspace = {
    ...emptyWorkspace(),
    accounts: base.accounts,
    credentials: [...linked.credentials],
    repositories: [...linked.repositories],
    environments: [...linked.environments],
    ...(hasFlipt ? { flipt: { extra, secretsFileBasePath: secrets.basePath } } : {}),
  }
  const checked = WorkspaceSchema.safeParse(candidate)
  if (!checked.success) {
    for (const issue of checked.error.issues.slice(0, 20))
      ctx.problems.push({ path: issue.path.map(String).join('.'), message: issue.message })
    return fail()
  }
  return {
    workspace: checked.data,
    pendingSecrets: ctx.pendingSecrets,
    unmodelled: ctx.unmodelled,
    problems: ctx.problems,
    diff: diffWorkspaces(current, checked.data),
  }
}

function checkEnvironments(
  envs: readonly Environment[],
  ids: ReadonlyArray<{ key: string; id: string }>,
  ctx: ImportContext,
): void {
  const defaults = envs.filter((e) => e.default)
  if (defaults.length === 0)
    ctx.problem(['environments'], 'environments: default environment non-empty value is required')
  if (defaults.length > 1)
    ctx.problem(['environments'], 'environments: default only one environment can be default')
  const byDir = new Map<string, string[]>()
  for (const e of envs) {
    const k = `${e.repositoryId}\u0000${e.directory}`
    byDir.set(k, [...(byDir.get(k) ?? []), e.name])
  }
  for (const [k, names] of byDir) {
    if (names.length < 2) continue
    const [storage = '', dir = ''] = k.split('\u0000')
    const key = ids.find((a) => a.id === envs.find((e) => e.name === names[0])?.id)?.key
    ctx.problem(
      ['environments', ...(key ? [key] : [])],
      `environments: directory environments [${[...names].sort().join(', ')}] share the same storage "${storage}" and directory "${dir}"`,
    )
  }
}
