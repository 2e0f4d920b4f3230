/**
 * Turns a noisy paste into clean lines: terminal colours, CR/CRLF, progress meters, `remote:`
 * prefixes, timestamps and log envelopes (JSON logs, logfmt, CI runners, git traces) go away,
 * several commands' output stays in order. The work is capped so a huge paste stays cheap.
 */

/** Lines kept from each end of a very long paste. */
export const HEAD_LINES = 2000
/** See {@link HEAD_LINES}. */
export const TAIL_LINES = 2000
/** Characters kept from a single line (half from its start, half from its end). */
export const MAX_LINE = 4000
/** Characters of input looked at: the first and last half of this many. */
export const MAX_INPUT = 1_000_000

// ESC [ … final byte (colours, cursor moves) and ESC ] … BEL/ST (titles, hyperlinks).
// eslint-disable-next-line no-control-regex -- matching terminal control sequences is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g
// eslint-disable-next-line no-control-regex -- C0 controls other than tab/newline are noise in a paste
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g

/** Envelopes in front of the message, removed repeatedly from the start of a line. */
const PREFIXES: readonly RegExp[] = [
  // ISO timestamps: GitHub Actions `2021-06-17T02:43:51.1242808Z`, Desktop `2024-06-03T16:11:00.842Z - `
  /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?(?:\s+-(?=\s+(?:info|error|warn|warning|debug)\b))?\s+/i,
  // git trace: `14:40:07.458522 git.c:419               trace: ` / `http.c:677 <= Recv data: `
  /^\d{2}:\d{2}:\d{2}\.\d+\s+[\w./\\-]+:\d+\s+(?:trace:\s*|==\s*Info:\s*|<=\s*Recv (?:header|data):\s*|=>\s*Send (?:header|data):\s*)?/,
  // clock times `22:24:44 `, `[8:13:17 PM] `
  /^\[?\d{1,2}:\d{2}:\d{2}(?:\s?[AP]M)?\]?\s+/,
  // syslog `Nov 13 16:12:03 host proc[123]: `
  /^[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\S+\s+[\w./-]+(?:\[\d+\])?:\s+/,
  // BuildKit step output `#20 7.475 `
  /^#\d+\s+\d+\.\d+\s+/,
  // log levels and CI markers
  /^(?:\[(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL)\]|##\[(?:error|warning|group|endgroup|command)\]|\[command\])\s*/i,
  /^(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL|ERRO|WARN)(?:\s+|:\s*)(?=\S)/,
  // quoting in issue threads and shell prompts
  /^(?:>|#)\s+/,
  /^\$\s+/,
  /^stderr:\s*/i,
  // the server's voice
  /^remote:\s?/i,
]

/** A client's own list of possible causes (GitHub Desktop, TFS) that follows the real error: hints, not evidence. */
const HINT_HEADER =
  /\(The error was parsed as \d+:|Some common reasons include|Possible reasons for failure include|Possible causes(?: include)?:/i
const BULLET = /^(?:[-•*]|\d+\.)\s/

const PROGRESS =
  /^(?:Enumerating|Counting|Compressing|Receiving|Resolving|Writing|Unpacking|Updating files|Checking out files|Filtering content|Finding sources|Deflating|Downloading|Uploading)\b[^:]*:\s+\d+%/i

const MESSAGE_KEYS = /^(?:M|msg|message|error|err|Error|stderr|body|detail|output)$/

/** The string leaves of a parsed JSON log line, message-like keys first (depth-limited). */
function jsonStrings(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value]
  if (depth > 3 || value === null || typeof value !== 'object') return []
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  const first = entries.filter(([k]) => MESSAGE_KEYS.test(k))
  const rest = entries.filter(([k]) => !MESSAGE_KEYS.test(k))
  return [...first, ...rest].flatMap(([, v]) => jsonStrings(v, depth + 1))
}

/** A JSON log line (Flipt, zap, bunyan…) as the text of its fields; anything else unchanged. */
function fromJsonLog(line: string): string[] | null {
  const t = line.trim()
  if (!t.startsWith('{') || !t.endsWith('}')) return null
  try {
    const parsed: unknown = JSON.parse(t)
    return jsonStrings(parsed).flatMap((v) => v.split(/\r\n|\r|\n/))
  } catch {
    return null
  }
}

/** Splits literal `\n` inside JSON/log strings so that the embedded git output becomes lines. */
function unescapeEmbedded(line: string): string[] {
  const json = fromJsonLog(line)
  if (json) return json
  if (!line.includes('\\n') && !line.includes('\\"')) return [line]
  const unescaped = line.replace(/\\\\/g, '\\').replace(/\\"/g, '"').replace(/\\r/g, '')
  return unescaped.split(/\\n/)
}

/** Removes envelopes until none applies (a line may carry several: timestamp, level, `remote:`). */
function stripPrefixes(line: string): string {
  let out = line.trim()
  for (let guard = 0; guard < 8; guard++) {
    const before = out
    for (const re of PREFIXES) out = out.replace(re, '').trim()
    if (out === before) break
  }
  return out
}

/** Keeps the head and tail of an over-long string. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const half = Math.floor(max / 2)
  return `${s.slice(0, half)} … ${s.slice(-half)}`
}

/**
 * Clean, non-empty lines of `text`, in order, with runs of identical lines collapsed and a client's
 * list of possible causes (hints, not evidence) left out.
 */
export function normalizeLines(text: string): readonly string[] {
  const input = clip(typeof text === 'string' ? text : '', MAX_INPUT)
  const raw = input.split(/\r\n|\r|\n/)
  const capped =
    raw.length > HEAD_LINES + TAIL_LINES ? [...raw.slice(0, HEAD_LINES), ...raw.slice(-TAIL_LINES)] : raw
  const out: string[] = []
  let inHints = false
  for (const rawLine of capped) {
    const plain = clip(rawLine, MAX_LINE).replace(ANSI, '').replace(CONTROL, '')
    for (const part of unescapeEmbedded(plain)) {
      const line = stripPrefixes(part)
      if (line === '' || PROGRESS.test(line)) continue
      if (HINT_HEADER.test(line)) {
        inHints = true
        continue
      }
      if (inHints && BULLET.test(line)) continue
      inHints = false
      if (out[out.length - 1] === line) continue
      out.push(line)
    }
  }
  return out
}
