import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fixText, type Finding, type Severity } from '@shared/domain/finding'
import { secretHint } from '@shared/logic/redact'
import { UsageError, type CliIo } from './io'

/** One line of a human checklist. */
export type CheckItem = {
  readonly severity: Severity
  readonly subject: string
  readonly title: string
  /** The first fix, or null. */
  readonly fix: string | null
}

/** A finding as a checklist line: its severity, subject, title and first fix. */
export function checkItem(f: Pick<Finding, 'severity' | 'subject' | 'title' | 'fixes'>): CheckItem {
  return {
    severity: f.severity,
    subject: f.subject,
    title: f.title,
    fix: f.fixes[0] ? fixText(f.fixes[0]) : null,
  }
}

/** ANSI colours, or identity functions when colour is off. */
export type Palette = {
  readonly red: (s: string) => string
  readonly yellow: (s: string) => string
  readonly green: (s: string) => string
  readonly dim: (s: string) => string
  readonly bold: (s: string) => string
}

const ansi =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`

/** Colours only when stdout is a terminal and NO_COLOR is unset (no-color.org). */
export function palette(io: CliIo): Palette {
  const on = io.stdoutIsTTY === true && (io.env.NO_COLOR ?? '') === ''
  const id = (s: string): string => s
  return on
    ? { red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), dim: ansi(2, 22), bold: ansi(1, 22) }
    : { red: id, yellow: id, green: id, dim: id, bold: id }
}

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, ok: 3 }

/** Errors first, then warnings, notes and passed checks; each with its subject, title and first fix. */
export function renderChecklist(items: readonly CheckItem[], io: CliIo): string {
  const p = palette(io)
  const mark: Readonly<Record<Severity, string>> = {
    error: p.red('✗'),
    warning: p.yellow('!'),
    info: p.dim('·'),
    ok: p.green('✓'),
  }
  const sorted = [...items].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return sorted
    .map((i) => {
      const head = `${mark[i.severity]} ${i.subject ? `${p.bold(i.subject)}: ` : ''}${i.title}`
      return i.fix && i.severity !== 'ok' ? `${head}\n    ${p.dim(`→ ${i.fix}`)}` : head
    })
    .join('\n')
}

/** `2 errors, 1 warning, 3 notes, 5 ok`. */
export function summaryLine(items: readonly CheckItem[]): string {
  const n = (s: Severity): number => items.filter((i) => i.severity === s).length
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`
  return [
    plural(n('error'), 'error'),
    plural(n('warning'), 'warning'),
    plural(n('info'), 'note'),
    `${n('ok')} ok`,
  ].join(', ')
}

/** Prints a value as one JSON document with a final newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

/**
 * The same io, but every known secret that would reach stdout or stderr is replaced by its hint.
 * Commands never print secrets; this is the belt to those braces.
 */
export function guardIo(io: CliIo, secrets: () => readonly string[]): CliIo {
  const scrub = (text: string): string => {
    let out = text
    for (const s of secrets()) if (s.length >= 6) out = out.split(s).join(secretHint(s))
    return out
  }
  return { ...io, stdout: (t) => io.stdout(scrub(t)), stderr: (t) => io.stderr(scrub(t)) }
}

/** stdin minus exactly one trailing newline (LF or CRLF), which is not part of the value. */
export async function readStdinValue(io: CliIo, what: string, example: string): Promise<string> {
  const text = (await io.readStdin()).replace(/\r?\n$/, '')
  if (text === '') throw new UsageError(`no ${what} on stdin; pipe it in, e.g. ${example}`)
  return text
}

const MAX_FILE = 8 * 1024 * 1024

/** Reads a text file named on the command line; any failure is a one-line usage error. */
export async function readInputFile(io: CliIo, path: string, what: string): Promise<string> {
  const full = resolve(io.cwd, path)
  try {
    const st = await stat(full)
    if (!st.isFile()) throw new UsageError(`${path} is not a file`)
    if (st.size > MAX_FILE) throw new UsageError(`${path} is too large for a ${what} (over 8 MB)`)
    return await readFile(full, 'utf8')
  } catch (e: unknown) {
    if (e instanceof UsageError) throw e
    const code = (e as { code?: string }).code ?? 'unreadable'
    throw new UsageError(`cannot read ${what} ${path} (${code})`)
  }
}

/** Refuses positional arguments that may be secrets, without echoing them. */
export function noPositional(args: { readonly positional: readonly string[] }, hint: string): void {
  if (args.positional.length > 0) throw new UsageError(`unexpected argument; ${hint}`)
}

/** Reads `FORMAT` as the first positional of import/export: only `flipt` exists today. */
export function requireFormat(positional: readonly string[], usage: string): void {
  const format = positional[0]
  if (format === undefined) throw new UsageError(`say which format: ${usage}`)
  if (format !== 'flipt')
    throw new UsageError(`unknown format "${format.slice(0, 40)}"; only flipt is supported`)
}
