import { fixText, type Finding } from '@shared/domain/finding'
import { providerIds } from '@shared/providers/catalog'
import { normalizeHost } from '@shared/logic/host'
import { analyzeToken } from '@shared/providers/token-analysis'
import { normalizeTokenInput } from '@shared/providers/token-input'
import type { Command } from '../cli'
import { choice, parseArgs, UsageError } from '../io'
import { guardIo, noPositional, readStdinValue, renderChecklist, summaryLine, writeJson } from '../output'

/** The JSON answer of `gitkeys check-token` (issue 3 part 6). */
export type CheckTokenJson = {
  readonly provider: string | null
  readonly kind: string | null
  readonly checksum: 'valid' | 'invalid' | 'none'
  readonly findings: ReadonlyArray<{ readonly id: string; readonly severity: string; readonly title: string }>
}

const USAGE = 'check-token [--provider github|gitlab|bitbucket|gitea|azure] [--host HOST] [--json] < token'

/**
 * `gitkeys check-token`: the offline token analysis of one token read from stdin (one trailing
 * newline is not part of it). Exit 1 when a finding is an error. The token is never printed: not
 * in findings (they carry hints), and the output is scrubbed of it anyway.
 */
export const checkTokenCommand: Command = {
  name: 'check-token',
  usage: USAGE,
  summary: 'Checks a token from stdin offline: provider, kind, checksum, paste and format problems.',
  help: [
    'Reads ONE token from stdin; a single trailing newline is not part of it. Nothing goes online.',
    '  --provider P  the provider the token is meant for (github, gitlab, bitbucket, gitea, azure)',
    '  --host HOST   the host it is meant for (gitlab.example.com[:port]); findings then check the pairing',
    '  --json        {"provider", "kind", "checksum": "valid"|"invalid"|"none", "findings": [{"id", "severity", "title"}]}',
    'Exit 0 without error findings, 1 with, 2 on bad usage. The token is never printed.',
  ].join('\n'),
  async run(argv, rawIo) {
    const args = parseArgs(argv, { values: ['provider', 'host'], booleans: ['json'] })
    noPositional(args, 'the token is read from stdin only, never from arguments')
    const provider = choice(args, 'provider', providerIds)
    const hostFlag = args.flags.get('host')
    const host = typeof hostFlag === 'string' ? normalizeHost(hostFlag) : null
    if (typeof hostFlag === 'string' && host === null)
      throw new UsageError('--host must be a host name with an optional port, e.g. gitlab.example.com')
    const raw = await readStdinValue(rawIo, 'token', '`printf %s "$TOKEN" | gitkeys check-token`')
    const secrets = [raw, normalizeTokenInput(raw).token]
    const io = guardIo(rawIo, () => secrets)
    const a = analyzeToken(raw, { ...(provider ? { provider } : {}), ...(host ? { host } : {}) })
    // 'unknown' (Azure's unconfirmed checksum) is "none" here; its info finding stays in the list.
    const json: CheckTokenJson = {
      provider: a.provider,
      kind: a.kind,
      checksum: a.checksum === 'unknown' ? 'none' : a.checksum,
      findings: a.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    }
    const failed = a.findings.some((f) => f.severity === 'error')
    if (args.flags.has('json')) {
      writeJson(io, json)
      return failed ? 1 : 0
    }
    const items = a.findings.map((f: Finding) => ({
      severity: f.severity,
      subject: '',
      title: f.title,
      fix: f.fixes[0] ? fixText(f.fixes[0]) : f.severity === 'error' ? f.detail : null,
    }))
    io.stdout(
      [
        `Token ${a.hint}: ${a.kindLabel ?? (a.provider ? `${a.provider} token of an unknown kind` : 'not recognised')}` +
          `${a.checksum === 'valid' ? ', checksum valid' : a.checksum === 'invalid' ? ', checksum INVALID' : ''}`,
        ...(items.length > 0 ? [renderChecklist(items, io)] : []),
        summaryLine(items),
        '',
      ].join('\n'),
    )
    return failed ? 1 : 0
  },
}
