import { doctorFliptConfig } from '@shared/diagnostics/flipt-doctor'
import type { Finding, Fix } from '@shared/domain/finding'
import type { Command } from '../cli'
import { createCliEngine } from '../compose'
import { localFactsForConfig } from '../doctor-local'
import { probeStorages, type DoctorProbeJson } from '../doctor-probes'
import { parseArgs, UsageError } from '../io'
import {
  checkItem,
  guardIo,
  noPositional,
  palette,
  readInputFile,
  renderChecklist,
  summaryLine,
  writeJson,
} from '../output'

/** The JSON answer of `gitkeys doctor` (issue 5 part 5). */
export type DoctorJson = {
  readonly ok: boolean
  readonly findings: ReadonlyArray<{
    readonly id: string
    readonly severity: string
    readonly subject: string
    readonly title: string
    readonly fixes: readonly Fix[]
  }>
  readonly probes: readonly DoctorProbeJson[]
}

const SEVERITY_ORDER: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2, ok: 3 }

/**
 * `gitkeys doctor --config FLIPT.yml`: every offline rule on a Flipt v2 config, reading
 * `${env:NAME}` from this environment as Flipt does, with this machine's local facts (folders, CA
 * files, credential helpers, token variables, .netrc); then, unless `--offline`, every storage is
 * probed online with its credential (authentication, branch, write) in parallel through the git
 * runner and the credential broker. Resolved secrets stay in memory: never printed, never in git's
 * argv, environment or any file.
 */
export const doctorCommand: Command = {
  name: 'doctor',
  usage: 'doctor --config FLIPT.yml [--offline] [--json] [--verbose]',
  summary: 'Diagnoses a Flipt v2 config offline, then probes every storage online unless --offline.',
  help: [
    '  --config FILE  the Flipt v2 config; ${env:NAME} references resolve from this environment',
    '  --offline      offline rules only: no network (git only reads the local config)',
    '  --json         {"ok", "findings": [{"id", "severity", "subject", "title", "fixes"}],',
    '                  "probes": [{"subject": "storage.<id>", "ok", "category", "ms"}]}',
    '  --verbose      log to stderr (redacted)',
    'Storages with an https remote and access_token or basic credentials are probed with',
    'git ls-remote and push --dry-run of a throwaway ref (nothing is written). HTTPS_PROXY,',
    'NO_PROXY and the storage CA settings apply. Exit 0 without error findings, 1 with,',
    '2 on bad usage or an unreadable file. Secrets are never printed.',
  ].join('\n'),
  async run(argv, rawIo) {
    const args = parseArgs(argv, { values: ['config'], booleans: ['offline', 'json', 'verbose'] })
    noPositional(args, 'name the config with --config FILE')
    const file = args.flags.get('config')
    if (typeof file !== 'string') throw new UsageError('--config FILE is required')
    const text = await readInputFile(rawIo, file, 'Flipt config')
    let secrets: readonly string[] = []
    const io = guardIo(rawIo, () => secrets)
    const engine = createCliEngine(io, { verbose: args.flags.has('verbose'), secrets: () => secrets })
    try {
      const local = await localFactsForConfig(text, engine.runner, io)
      const result = doctorFliptConfig(text, io.env, new Date(), { local })
      secrets = result.targets.flatMap((t) => (t.credential?.secret ? [t.credential.secret] : []))
      let probes: readonly DoctorProbeJson[] = []
      let probeFindings: readonly Finding[] = []
      if (!args.flags.has('offline') && result.targets.length > 0) {
        const outcome = await probeStorages(result.targets, engine.repositories)
        probes = outcome.probes
        probeFindings = outcome.findings
      }
      const findings = [...result.findings, ...probeFindings]
        .map((f, i) => ({ f, i }))
        .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
        .map((x) => x.f)
      const ok = !findings.some((f) => f.severity === 'error')
      if (args.flags.has('json')) {
        const json: DoctorJson = {
          ok,
          findings: findings.map((f) => ({
            id: f.id,
            severity: f.severity,
            subject: f.subject,
            title: f.title,
            fixes: f.fixes,
          })),
          probes,
        }
        writeJson(io, json)
        return ok ? 0 : 1
      }
      const p = palette(io)
      const items = findings.map(checkItem)
      const online = args.flags.has('offline')
        ? 'Online checks skipped (--offline).'
        : probes.length === 0
          ? 'No storage could be probed online.'
          : `Online: ${probes.filter((x) => x.ok).length} of ${probes.length} storage(s) passed ` +
            `(${probes.map((x) => `${x.subject} ${x.ok ? 'ok' : (x.category ?? 'failed')} ${x.ms} ms`).join(', ')}).`
      io.stdout(
        [
          p.bold(`Flipt config ${file}`),
          ...(items.length > 0 ? [renderChecklist(items, io)] : []),
          '',
          online,
          `${ok ? p.green('OK') : p.red('PROBLEMS')}: ${summaryLine(items)}`,
          '',
        ].join('\n'),
      )
      return ok ? 0 : 1
    } finally {
      await engine.dispose()
    }
  },
}
