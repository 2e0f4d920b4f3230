import { Scalar, type Document, type YAMLMap } from 'yaml'
import type { Finding } from '../domain/finding'
import type { Repository } from '../domain/repository'
import { FLIPT_DURATION_PATTERN } from '../logic/duration'
import { exportFinding } from './finding-builder'
import { parseGoDuration } from './flipt-values'
import { map, mergeExtra, quoted } from './yaml-nodes'

/** Keys of `storage.<id>` in Flipt's JSON schema. */
const SCHEMA_STORAGE_KEYS = new Set(
  'remote fetch_policy backend branch signature poll_interval ca_cert_path ca_cert_bytes insecure_skip_tls credentials'.split(
    ' ',
  ),
)

function pollInterval(repo: Repository, findings: Finding[]): Scalar {
  const subject = `storage.${repo.id}.poll_interval`
  if (/^\d+$/.test(repo.pollInterval)) {
    findings.push(
      exportFinding(
        'export.poll_interval_unitless',
        'warning',
        subject,
        'poll_interval has no unit',
        `Flipt reads ${repo.pollInterval} as nanoseconds and refuses anything under 1s; write it with a unit, e.g. "30s".`,
        [{ label: 'Use 30s', action: { kind: 'set_field', subject, value: '30s' } }],
      ),
    )
    return new Scalar(Number(repo.pollInterval))
  }
  const parsed = parseGoDuration(repo.pollInterval)
  if (!parsed.ok || parsed.ns < 1e9)
    findings.push(
      exportFinding(
        'export.poll_interval_invalid',
        'warning',
        subject,
        'poll_interval is not a valid interval',
        `Flipt needs a duration of at least 1s such as "30s" or "1m"; got "${repo.pollInterval}".`,
      ),
    )
  else if (!FLIPT_DURATION_PATTERN.test(repo.pollInterval))
    findings.push(
      exportFinding(
        'export.poll_interval_schema',
        'info',
        subject,
        "poll_interval is outside Flipt's JSON schema",
        `Flipt reads "${repo.pollInterval}", but its schema only allows whole numbers with a unit, such as "90s".`,
      ),
    )
  return quoted(repo.pollInterval)
}

/** One `storage.<id>` entry (flipt-v2.md §1.3), with carried keys merged back. */
export function storageNode(
  doc: Document,
  repo: Repository,
  credentialId: string | null,
  findings: Finding[],
): YAMLMap {
  const node = map([
    ['remote', repo.remote === '' ? null : repo.remote],
    ['branch', repo.branch],
    ['poll_interval', pollInterval(repo, findings)],
    ['fetch_policy', repo.remote !== '' || repo.fetchPolicy === 'lenient' ? repo.fetchPolicy : null],
    ['credentials', credentialId],
    ['ca_cert_path', repo.caCertPath],
    ['ca_cert_bytes', repo.caCertPem],
    ['insecure_skip_tls', repo.insecureSkipTls ? true : null],
    [
      'backend',
      repo.backend.type === 'local'
        ? map([
            ['type', 'local'],
            ['path', repo.backend.path],
          ])
        : map([['type', 'memory']]),
    ],
    [
      'signature',
      repo.author
        ? map([
            ['name', repo.author.name],
            ['email', repo.author.email],
          ])
        : null,
    ],
  ])
  for (const key of Object.keys(repo.extra ?? {}).filter((k) => !SCHEMA_STORAGE_KEYS.has(k)))
    findings.push(
      exportFinding(
        'export.storage_unknown_key',
        'warning',
        `storage.${repo.id}.${key}`,
        `storage.${repo.id}.${key} is not a Flipt v2 setting`,
        'It was kept as imported. Flipt ignores it and its JSON schema rejects it; remove it.',
      ),
    )
  if (repo.extra) mergeExtra(doc, node, repo.extra)
  return node
}
