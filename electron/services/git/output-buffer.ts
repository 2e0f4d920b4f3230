import { StringDecoder } from 'node:string_decoder'
import { redact } from '@shared/logic/redact'

/** Characters kept from the start of git's stderr: what it tried first. */
export const HEAD_CHARS = 32_000
/** Characters kept from the end: git's closing `fatal:` line, which is what diagnosis needs. */
export const TAIL_CHARS = 224_000
/** A single line longer than this keeps only its start. */
export const LINE_CHARS = 16_000
/** Look-ahead redacted with an over-long line before it is cut, so a token across the cut is still seen whole. */
const LINE_SLACK = 4_096

/** A bounded, redacted copy of a process's output stream. */
export type OutputBuffer = {
  /** Adds a chunk as it arrives (bytes are decoded as UTF-8 across chunk boundaries). */
  push(chunk: Buffer | string): void
  /** The kept head and tail, redacted; ends the stream (later chunks are ignored). */
  text(): string
}

/**
 * Keeps the first {@link HEAD_CHARS} and the last {@link TAIL_CHARS} characters of a stream, cut only
 * at line ends (`\n` or `\r`, so progress meters count as lines), with a marker saying how much was
 * dropped between them. Cutting at line ends means no token is split at a cut; the one line that can
 * be cut, an over-long one, is redacted with look-ahead first. Memory stays bounded however much
 * arrives. `secrets` are the exact values to redact besides token shapes.
 */
export function createOutputBuffer(
  opts: { readonly head?: number; readonly tail?: number; readonly secrets?: readonly string[] } = {},
): OutputBuffer {
  const headMax = opts.head ?? HEAD_CHARS
  const tailMax = opts.tail ?? TAIL_CHARS
  const secrets = opts.secrets ?? []
  const decoder = new StringDecoder('utf8')
  const head: string[] = []
  let headLen = 0
  let headDone = false
  let tail: string[] = []
  let tailStart = 0
  let tailLen = 0
  let droppedLines = 0
  let droppedChars = 0
  let partial = ''
  let skipping = false
  let ended = false

  function keep(line: string): void {
    if (!headDone && headLen + line.length <= headMax) {
      head.push(line)
      headLen += line.length
      return
    }
    headDone = true
    tail.push(line)
    tailLen += line.length
    while (tailLen > tailMax && tail.length - tailStart > 1) {
      const old = tail[tailStart] ?? ''
      tailStart++
      tailLen -= old.length
      droppedLines++
      droppedChars += old.length
    }
    if (tailStart > 1024 && tailStart * 2 > tail.length) {
      tail = tail.slice(tailStart)
      tailStart = 0
    }
  }

  function add(piece: string, ends: boolean): void {
    if (skipping) {
      if (ends) skipping = false
      return
    }
    partial += piece
    if (partial.length > LINE_CHARS + LINE_SLACK) {
      keep(`${redact(partial, secrets).slice(0, LINE_CHARS)}…${ends ? piece.slice(-1) : '\n'}`)
      partial = ''
      skipping = !ends
      return
    }
    if (ends) {
      keep(partial)
      partial = ''
    }
  }

  function feed(s: string): void {
    let from = 0
    for (;;) {
      const n = s.indexOf('\n', from)
      const r = s.indexOf('\r', from)
      const at = n < 0 ? r : r < 0 ? n : Math.min(n, r)
      if (at < 0) {
        if (from < s.length) add(s.slice(from), false)
        return
      }
      add(s.slice(from, at + 1), true)
      from = at + 1
    }
  }

  return {
    push(chunk) {
      if (!ended) feed(typeof chunk === 'string' ? chunk : decoder.write(chunk))
    },
    text() {
      if (!ended) {
        ended = true
        feed(decoder.end())
        if (!skipping && partial !== '') keep(partial)
        partial = ''
      }
      // Kept lines end with their terminator, so the marker always stands on a line of its own.
      const gap =
        droppedLines > 0
          ? `[… ${droppedLines} line${droppedLines === 1 ? '' : 's'} (${droppedChars} characters) left out …]\n`
          : ''
      return redact(`${head.join('')}${gap}${tail.slice(tailStart).join('')}`, secrets)
    },
  }
}
