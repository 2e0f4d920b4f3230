import { Document, Pair, YAMLMap, type Node, type Scalar } from 'yaml'
import type { Finding } from '../domain/finding'
import type { Workspace } from '../domain/workspace'
import { exportFinding } from './finding-builder'
import { credentialNode } from './flipt-credential-node'
import { planFlipt, type PlannedEnvironment } from './flipt-plan'
import { createSecretSink, type SecretMode } from './flipt-secret-sink'
import { FLIPT_TOP_LEVEL_KEYS } from './flipt-values'
import { storageNode } from './flipt-storage-node'
import { remoteHost } from './remote-scope'
import { extraNode, map, mergeExtra, quoted, str } from './yaml-nodes'

/** The header Flipt itself writes into generated configs (cmd/flipt/config.go). */
export const FLIPT_SCHEMA_HEADER =
  ' yaml-language-server: $schema=https://raw.githubusercontent.com/flipt-io/flipt/v2/config/flipt.schema.json'
/** Flipt documents this base path but does not apply it, so GitKeys always writes one (flipt-v2.md §1.5). */
export const DEFAULT_SECRETS_BASE_PATH = '/etc/flipt/secrets'

/** Options of {@link exportFlipt}. */
export type FliptExportOptions = {
  readonly environmentIds?: readonly string[]
  readonly secrets: SecretMode
  /** Only used for `inline`, supplied by main after the user's explicit confirmation. */
  readonly inlineSecrets?: (accountId: string) => string | null
  /** For `file` mode; default {@link DEFAULT_SECRETS_BASE_PATH}. */
  readonly fileBasePath?: string
}

/** A Flipt v2 export: the YAML, the env template, the secret files main must write, and findings. */
export type FliptExport = {
  readonly yaml: string
  /** The variables the YAML references, without values, each with a comment saying whose it is. */
  readonly envTemplate: string
  /** For `file` mode: the files main writes (0600) under the base path, only on request. */
  readonly secretFiles: ReadonlyArray<{ readonly name: string; readonly accountId: string }>
  readonly warnings: readonly Finding[]
}

const section = (key: string, value: Node): Pair<Scalar<string>, Node> => {
  const k = str(key)
  k.spaceBefore = true
  return new Pair(k, value)
}

function environmentNode(doc: Document, planned: PlannedEnvironment): YAMLMap {
  const { env, scm } = planned
  const node = map([
    ['name', env.name],
    ['storage', env.repositoryId],
    ['default', planned.isDefault],
    ['directory', env.directory === '' ? null : env.directory],
    [
      'scm',
      scm
        ? map([
            ['type', scm.type],
            ['api_url', scm.apiUrl],
            ['credentials', scm.credentialId],
          ])
        : null,
    ],
  ])
  if (env.extra) mergeExtra(doc, node, env.extra)
  return node
}

/** The `secrets` section: the file provider GitKeys needs (with its base path) merged with what was carried. */
function secretsSection(doc: Document, carried: unknown, fileProvider: string | null): Node {
  const node: YAMLMap =
    fileProvider === null
      ? new YAMLMap()
      : map([
          [
            'providers',
            map([
              [
                'file',
                map([
                  ['enabled', true],
                  ['base_path', fileProvider],
                ]),
              ],
            ]),
          ],
        ])
  if (typeof carried === 'object' && carried !== null && !Array.isArray(carried))
    mergeExtra(doc, node, carried as Record<string, unknown>)
  else if (carried !== undefined) return extraNode(doc, carried)
  return node
}

/** Writes the carried top-level sections in their order; `secrets` also holds the file provider. */
function writeCarried(
  doc: Document,
  root: YAMLMap,
  extra: Readonly<Record<string, unknown>>,
  fileProvider: string | null,
  findings: Finding[],
): void {
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'secrets') root.items.push(section('secrets', secretsSection(doc, value, fileProvider)))
    else if (key === 'credentials' || key === 'storage' || key === 'environments')
      mergeExtra(doc, root, { [key]: value })
    else {
      root.items.push(section(key, extraNode(doc, value)))
      if (!FLIPT_TOP_LEVEL_KEYS.has(key))
        findings.push(
          exportFinding(
            'export.unknown_section',
            'warning',
            key,
            `"${key}" is not a Flipt v2 section`,
            'It was kept as imported; Flipt ignores it and its JSON schema rejects it.',
          ),
        )
    }
  }
  if (!('secrets' in extra) && fileProvider !== null)
    root.items.push(section('secrets', secretsSection(doc, undefined, fileProvider)))
}

/** Writes a workspace as a Flipt v2 config (flipt-v2.md §6.4) with the yaml Document API. */
export function exportFlipt(workspace: Workspace, opts: FliptExportOptions): FliptExport {
  const plan = planFlipt(workspace, opts.environmentIds)
  const findings: Finding[] = [...plan.findings]
  const sink = createSecretSink(workspace, opts)
  const doc = new Document()
  const root = new YAMLMap<unknown, unknown>()
  const version = str('version')
  version.commentBefore = FLIPT_SCHEMA_HEADER
  root.items.push(new Pair(version, quoted('2.0')))

  const hostsOf = (credentialId: string): string[] => [
    ...new Set(
      plan.storages
        .filter((s) => s.credentialId === credentialId)
        .flatMap((s) => remoteHost(s.repo.remote) ?? []),
    ),
  ]
  if (plan.credentials.length > 0) {
    const creds = map(
      plan.credentials.map(
        (pc) =>
          [pc.credential.id, credentialNode(doc, pc, sink, hostsOf(pc.credential.id), findings)] as const,
      ),
    )
    root.items.push(section('credentials', creds))
  }
  if (plan.storages.length > 0)
    root.items.push(
      section(
        'storage',
        map(
          plan.storages.map((s) => [s.repo.id, storageNode(doc, s.repo, s.credentialId, findings)] as const),
        ),
      ),
    )
  if (plan.environments.length > 0)
    root.items.push(
      section(
        'environments',
        map(plan.environments.map((pe) => [pe.env.id, environmentNode(doc, pe)] as const)),
      ),
    )

  const basePathFromWs = workspace.flipt?.secretsFileBasePath ?? null
  const fileProvider =
    sink.createdFileRefs() || basePathFromWs !== null
      ? ((opts.secrets === 'file' ? opts.fileBasePath : undefined) ??
        basePathFromWs ??
        opts.fileBasePath ??
        DEFAULT_SECRETS_BASE_PATH)
      : null
  writeCarried(doc, root, workspace.flipt?.extra ?? {}, fileProvider, findings)
  if (
    sink.carriedFileRefs() &&
    fileProvider === null &&
    !JSON.stringify(workspace.flipt?.extra.secrets ?? null).includes('"file"')
  )
    findings.push(
      exportFinding(
        'export.file_provider_missing',
        'warning',
        'secrets.providers.file',
        'File secrets are referenced but the file provider is off',
        'Enable secrets.providers.file with a base_path, or Flipt cannot resolve ${secret:file:…}.',
      ),
    )

  doc.contents = root
  const seen = new Set<string>()
  const warnings = [...findings, ...sink.findings].filter((f) => {
    const key = `${f.id}\u0000${f.subject}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
  return {
    yaml: doc.toString({ lineWidth: 0 }),
    envTemplate: sink.envTemplate(),
    secretFiles: [...sink.secretFiles],
    warnings,
  }
}
