import { importFlipt, serializeWorkspace } from '@shared/export'
import type { Command } from '../cli'
import { parseArgs, UsageError } from '../io'
import { readInputFile, renderChecklist, requireFormat } from '../output'

/**
 * `gitkeys import flipt FILE`: reads a Flipt v2 config into a workspace and prints the workspace
 * JSON on stdout (so `> workspace.json` gives a file `export` reads back). Inline secrets stay out
 * of it: the workspace marks them pending, with a hint. Notes and problems go to stderr (`--json`:
 * as one JSON object). A file that is not YAML, or not a Flipt config at all, exits 2.
 */
export const importCommand: Command = {
  name: 'import',
  usage: 'import flipt FILE [--json]',
  summary: 'Reads a Flipt v2 config and prints the GitKeys workspace JSON (secrets stay out).',
  help: [
    'Prints the workspace JSON on stdout (redirect it to a file for `gitkeys export`).',
    'Inline secrets are left out (marked pending, shown as a hint). Problems and notes go to stderr;',
    'with --json, as one JSON object {"problems", "unmodelled", "pendingSecrets"}.',
    'Exit 0, or 2 when the file cannot be read or is not a Flipt config.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: [], booleans: ['json'] })
    requireFormat(args.positional, 'gitkeys import flipt FILE')
    const file = args.positional[1]
    if (file === undefined) throw new UsageError('name the Flipt config file to import')
    if (args.positional.length > 2) throw new UsageError('import takes one file')
    const text = await readInputFile(io, file, 'Flipt config')
    const r = importFlipt(text)
    const yamlProblem = r.problems.find((p) => p.path === '(yaml)')
    if (yamlProblem) throw new UsageError(`${file} is not readable YAML: ${yamlProblem.message}`)
    const empty =
      r.workspace.credentials.length + r.workspace.repositories.length + r.workspace.environments.length === 0
    if (empty && r.problems.length > 0)
      throw new UsageError(
        `${file} is not a usable Flipt config: ${r.problems[0]?.path}: ${r.problems[0]?.message}`,
      )
    io.stdout(serializeWorkspace(r.workspace))
    const report = {
      problems: r.problems,
      unmodelled: r.unmodelled,
      pendingSecrets: r.pendingSecrets.map((p) => ({
        credentialId: p.credentialId,
        field: p.field,
        hint: p.hint,
      })),
    }
    if (args.flags.has('json')) io.stderr(`${JSON.stringify(report)}\n`)
    else {
      const items = [
        ...r.problems.map((p) => ({
          severity: 'warning' as const,
          subject: p.path,
          title: p.message,
          fix: null,
        })),
        ...r.pendingSecrets.map((p) => ({
          severity: 'info' as const,
          subject: `credentials.${p.credentialId}.${p.field}`,
          title: `inline secret ${p.hint} left out of the workspace`,
          fix: 'Move it to an environment variable or a secret reference.',
        })),
      ]
      if (items.length > 0) io.stderr(`${renderChecklist(items, { ...io, stdoutIsTTY: false })}\n`)
      io.stderr(
        `Imported ${r.workspace.repositories.length} storage(s), ${r.workspace.credentials.length} credential(s), ` +
          `${r.workspace.environments.length} environment(s); ${r.unmodelled.length} section(s) carried as-is.\n`,
      )
    }
    return 0
  },
}
