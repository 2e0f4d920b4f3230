import { stringify } from 'yaml'
import type { Finding, Fix } from '../domain/finding'
import { importFlipt } from '../export/index'
import { diagnose } from './diagnose'
import type { DiagnoseContext, LocalFacts } from './diagnose.types'
import { fliptFactsOf, secretFactsOf } from './flipt-doctor-facts'
import { probeTargetsOf, type ProbeTarget } from './flipt-doctor-targets'
import { readConfig } from './flipt-doctor-tree'
import { fliptLoadErrors, type LoadError } from './flipt-doctor-validate'
import { SEVERITY_RANK } from './rules/rule-kit.logic'

/**
 * `gitkeys doctor` for a Flipt v2 config file, offline: reads the file as Flipt would (YAML,
 * `${env:…}` against the given environment, defaults), runs Flipt's own load-time validation with
 * its exact messages, imports the file into the GitKeys model and runs every offline rule on it.
 * Returns findings (secret-free), the storages the CLI may probe online, and parse problems.
 */

export type { ProbeTarget } from './flipt-doctor-targets'

/** What the doctor returns. Only `targets[].credential.secret` may hold a resolved secret. */
export type DoctorResult = {
  readonly findings: Finding[]
  readonly targets: ProbeTarget[]
  readonly parseProblems: { path: string; message: string }[]
}

/** Options: local facts collected by the CLI (paths, CA files, git environment) and the expiry window. */
export type DoctorOptions = { readonly local?: LocalFacts; readonly expiryWarningDays?: number }

/** Diagnose findings a load error makes redundant; `all` drops them anywhere, `root` only on the same item. */
const SUPERSEDES: Readonly<
  Record<string, { readonly ids: readonly string[]; readonly scope: 'root' | 'all' }>
> = {
  'flipt.load.no_default': { ids: ['environments.no_default'], scope: 'all' },
  'flipt.load.multiple_defaults': { ids: ['environments.multiple_defaults'], scope: 'all' },
  'flipt.load.directory_clash': { ids: ['environments.directory_clash'], scope: 'all' },
  'flipt.load.environment_storage': { ids: ['environments.storage_undefined'], scope: 'root' },
  'flipt.load.ca_both': { ids: ['storage.ca_both'], scope: 'root' },
  'flipt.load.poll_interval': {
    // A bare number is nanoseconds to Flipt, so "no unit" is this same refusal in other words.
    ids: [
      'storage.poll_interval_too_short',
      'storage.poll_interval_invalid',
      'storage.poll_interval_no_unit',
    ],
    scope: 'root',
  },
  'flipt.load.duration': { ids: ['storage.poll_interval_invalid'], scope: 'root' },
  'flipt.load.credential': { ids: ['secret.missing'], scope: 'root' },
  'flipt.load.credential_type': { ids: ['flipt.unknown_credential_type'], scope: 'root' },
  'flipt.load.secrets_base_path': { ids: ['secret.file_provider_disabled'], scope: 'all' },
}

const rootOf = (subject: string): string => subject.split('.', 2).join('.')

/** Fixes the app can apply for some load errors. */
function loadFixes(e: LoadError): Fix[] {
  switch (e.id) {
    case 'flipt.load.version':
      return [
        { label: 'Write version: "2.0"', action: { kind: 'set_field', subject: 'version', value: '2.0' } },
      ]
    case 'flipt.load.poll_interval':
    case 'flipt.load.duration':
      return [{ label: 'Use "30s"', action: { kind: 'set_field', subject: e.subject, value: '30s' } }]
    default:
      return []
  }
}

function loadFinding(e: LoadError, index: number): Finding {
  return {
    id: e.id,
    severity: 'error',
    subject: e.subject,
    title: index === 0 ? `Flipt refuses to start: ${e.message}` : `Flipt also refuses: ${e.message}`,
    detail:
      index === 0
        ? `${e.message}. Flipt validates the file when it loads it and stops at the first error; this is the first one in Flipt's order.`
        : `${e.message}. Flipt reports one error at a time; this one comes after those above.`,
    fixes: loadFixes(e),
  }
}

/** Reads a Flipt v2 config offline. `env` is the environment Flipt will run with; `now` judges dates. */
export function doctorFliptConfig(
  yamlText: string,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
  opts: DoctorOptions = {},
): DoctorResult {
  const read = readConfig(yamlText, env)
  if (!read.ok) {
    return {
      findings: read.problems.map((p) => ({
        id: 'flipt.yaml_error',
        severity: 'error',
        subject: p.path,
        title: 'The file cannot be read as YAML',
        detail: `${p.message} (line ${p.line}, column ${p.col}). Flipt cannot load it either.`,
        fixes: [],
      })),
      targets: [],
      parseProblems: read.problems.map((p) => ({
        path: p.path,
        message: `${p.message} (line ${p.line}, column ${p.col})`,
      })),
    }
  }
  const loadErrors = fliptLoadErrors(read.resolved).map(loadFinding)
  // Re-serialising costs as much as parsing: only when a non-secret field held ${env:…}.
  const imported = importFlipt(read.model === null ? yamlText : stringify(read.model))
  const ws = imported.workspace
  const parseProblems =
    ws.repositories.length === 0 && imported.problems.length > 0
      ? imported.problems.map((p) => ({ path: p.path, message: p.message }))
      : []
  const ctx: DiagnoseContext = {
    accounts: [],
    credentials: ws.credentials,
    repositories: ws.repositories,
    environments: ws.environments,
    secrets: secretFactsOf(read.raw, env, ws, now),
    local: opts.local ?? null,
    probes: [],
    flipt: fliptFactsOf(read.raw, read.resolved, read.refs),
  }
  const diagnosed = diagnose(
    ctx,
    now,
    opts.expiryWarningDays === undefined ? {} : { expiryWarningDays: opts.expiryWarningDays },
  )
  const supersedes = (l: Finding, f: Finding): boolean => {
    const s = SUPERSEDES[l.id]
    return (
      s !== undefined &&
      s.ids.includes(f.id) &&
      (s.scope === 'all' || rootOf(l.subject) === rootOf(f.subject))
    )
  }
  const kept = diagnosed.filter(
    (f) => !loadErrors.some((l) => supersedes(l, f)) && !(f.severity === 'ok' && loadErrors.length > 0),
  )
  // A superseded finding on the same item often says why Flipt refuses (a bare number is nanoseconds):
  // its explanation joins the load error's, so one finding carries both.
  const explained = loadErrors.map((l) => {
    const why = diagnosed
      .filter((f) => f.subject === l.subject && supersedes(l, f))
      .map((f) => f.detail)
      .filter((d) => !l.detail.includes(d))
    return why.length ? { ...l, detail: [l.detail, ...why].join(' ') } : l
  })
  const findings = [...explained, ...kept]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f)
  return { findings, targets: probeTargetsOf(read.resolved), parseProblems }
}
