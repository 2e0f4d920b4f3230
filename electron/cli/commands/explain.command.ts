import type { Fix } from '@shared/domain/finding'
import { explain } from '@shared/diagnostics/explain/explain'
import { providerIds } from '@shared/providers/catalog'
import type { Command } from '../cli'
import { choice, parseArgs } from '../io'
import { noPositional, palette, readStdinValue, writeJson } from '../output'

/** The JSON answer of `gitkeys explain` (issue 5 part 5). */
export type ExplainJson = {
  readonly category: string
  readonly candidates: ReadonlyArray<{ readonly category: string; readonly score: number }>
  readonly title: string
  readonly fixes: readonly Fix[]
  readonly evidence: string
}

const MAX_TEXT = 1_000_000

/**
 * `gitkeys explain`: the offline explainer over an error text read from stdin (git stderr, a curl,
 * TLS or proxy error, a Flipt log). Candidates best first; the evidence lines are redacted.
 */
export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain [--provider github|gitlab|bitbucket|gitea|azure] [--json] < error.txt',
  summary: 'Explains a git / API / Flipt error text from stdin: likely cause, alternatives, fixes.',
  help: [
    'Reads an error text from stdin (git stderr, curl/TLS/proxy errors, Flipt logs). Offline.',
    '  --provider P  the provider the text came from, for provider-specific fixes',
    '  --json        {"category", "candidates": [{"category", "score"}], "title", "fixes": [...], "evidence"}',
    'Candidates are best first. Evidence lines are redacted. Exit 0, or 2 on bad usage.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['provider'], booleans: ['json'] })
    noPositional(args, 'the error text is read from stdin')
    const provider = choice(args, 'provider', providerIds)
    const text = (await readStdinValue(io, 'error text', '`git fetch 2>&1 | gitkeys explain`')).slice(
      0,
      MAX_TEXT,
    )
    const x = explain(text, provider ? { provider } : {})
    const json: ExplainJson = {
      category: x.category,
      candidates: x.candidates.map((c) => ({ category: c.category, score: c.score })),
      title: x.title,
      fixes: x.fixes,
      evidence: x.evidence,
    }
    if (args.flags.has('json')) {
      writeJson(io, json)
      return 0
    }
    const p = palette(io)
    const others = x.candidates.slice(1, 4)
    io.stdout(
      [
        `${p.bold(x.title)} ${p.dim(`(${x.category})`)}`,
        x.detail,
        ...(x.evidence ? ['', 'Evidence:', ...x.evidence.split('\n').map((l) => `  ${l}`)] : []),
        ...(x.fixes.length > 0
          ? [
              '',
              'Fixes:',
              ...x.fixes.map(
                (f, i) => `  ${i + 1}. ${f.label}${f.detail ? `\n     ${p.dim(f.detail)}` : ''}`,
              ),
            ]
          : []),
        ...(others.length > 0
          ? [
              '',
              `Also possible: ${others.map((c) => `${c.category} (${Math.round(c.score * 100)}%)`).join(', ')}`,
            ]
          : []),
        '',
      ].join('\n'),
    )
    return 0
  },
}
