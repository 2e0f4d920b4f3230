import { exportFlipt, parseWorkspace } from '@shared/export'
import type { Command } from '../cli'
import { choice, parseArgs, UsageError } from '../io'
import { checkItem, readInputFile, renderChecklist, requireFormat, summaryLine, writeJson } from '../output'

/**
 * `gitkeys export flipt --workspace FILE [--secrets env|file]`: prints the Flipt v2 YAML of a
 * workspace file. Secrets are references (`${env:…}` or `${secret:file:…}`), never values: the CLI
 * has no vault, and inline export is not offered here. `--json` prints the YAML, the environment
 * template and the export's findings as one JSON object.
 */
export const exportCommand: Command = {
  name: 'export',
  usage: 'export flipt --workspace FILE [--secrets env|file] [--json]',
  summary: 'Prints the Flipt v2 YAML of a workspace file; secrets as ${env:…} or file references.',
  help: [
    '  --workspace FILE  a GitKeys workspace file (from `gitkeys import flipt` or the app)',
    '  --secrets env     secrets as ${env:NAME} references (default)',
    '  --secrets file    secrets as ${secret:file:NAME} with the file provider enabled',
    '  --json            {"yaml", "envTemplate", "secretFiles", "warnings"}',
    'Secret values are never written: the CLI has no vault. Exit 1 when the export has error',
    'findings, 2 on bad usage or an unreadable workspace.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['workspace', 'secrets'], booleans: ['json'] })
    requireFormat(args.positional, 'gitkeys export flipt --workspace FILE')
    if (args.positional.length > 1)
      throw new UsageError('export takes no file argument; use --workspace FILE')
    const file = args.flags.get('workspace')
    if (typeof file !== 'string') throw new UsageError('--workspace FILE is required')
    const secrets = choice(args, 'secrets', ['env', 'file'] as const) ?? 'env'
    const parsed = parseWorkspace(await readInputFile(io, file, 'workspace file'))
    if (!parsed.ok) {
      const first = parsed.error[0]
      throw new UsageError(
        `${file} is not a valid workspace file: ${first ? `${first.path}: ${first.message}` : 'unreadable'}` +
          `${parsed.error.length > 1 ? ` (and ${parsed.error.length - 1} more)` : ''}`,
      )
    }
    const out = exportFlipt(parsed.value, { secrets })
    const failed = out.warnings.some((w) => w.severity === 'error')
    if (args.flags.has('json')) {
      writeJson(io, {
        yaml: out.yaml,
        envTemplate: out.envTemplate,
        secretFiles: out.secretFiles.map((f) => f.name),
        warnings: out.warnings.map((w) => ({
          id: w.id,
          severity: w.severity,
          subject: w.subject,
          title: w.title,
        })),
      })
      return failed ? 1 : 0
    }
    io.stdout(out.yaml.endsWith('\n') ? out.yaml : `${out.yaml}\n`)
    const items = out.warnings.map(checkItem)
    if (items.length > 0)
      io.stderr(`${renderChecklist(items, { ...io, stdoutIsTTY: false })}\n${summaryLine(items)}\n`)
    if (out.secretFiles.length > 0)
      io.stderr(`Secret files the config reads: ${out.secretFiles.map((f) => f.name).join(', ')}\n`)
    return failed ? 1 : 0
  },
}
