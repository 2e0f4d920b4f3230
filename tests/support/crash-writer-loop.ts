import type { DocumentStore } from '../../electron/services/storage/document-store'

/** The document the crash writer stores: a counter and a pad that repeats the counter's last digit. */
export type CrashDoc = { readonly n: number; readonly pad: string }

/** The pad for document `n`: a torn or mixed write shows up as a pad that does not match its `n`. */
export const padFor = (n: number, bytes: number): string => String(n % 10).repeat(bytes)

/** Whether a stored value is a whole, self-consistent {@link CrashDoc} with a pad of `bytes`. */
export function isWholeDoc(data: unknown, bytes: number): data is CrashDoc {
  if (data === null || typeof data !== 'object') return false
  const d = data as Partial<CrashDoc>
  return typeof d.n === 'number' && typeof d.pad === 'string' && d.pad === padFor(d.n, bytes)
}

/**
 * The child side of the crash test: reads the store (it must be readable), then writes documents
 * `n+1, n+2, …` forever, printing `ack <n>` once each write has resolved. The parent kills it with
 * SIGKILL at a random moment. Prints `start <n>` first, or `unreadable <reason>` and exits 3.
 */
export async function writeUntilKilled(store: DocumentStore, padBytes: number): Promise<never> {
  const r = await store.read()
  if (r.kind === 'corrupt' || (r.kind === 'ok' && !isWholeDoc(r.data, padBytes))) {
    process.stdout.write(`unreadable ${r.kind === 'corrupt' ? r.reason : 'not a whole document'}\n`)
    process.exit(3)
  }
  let n = r.kind === 'ok' && isWholeDoc(r.data, padBytes) ? r.data.n : 0
  process.stdout.write(`start ${n}\n`)
  for (;;) {
    n++
    await store.write({ n, pad: padFor(n, padBytes) })
    // Writes to a pipe are synchronous on Linux: the ack is in the pipe before the next write starts.
    process.stdout.write(`ack ${n}\n`)
  }
}

/** Reads `<dir> <padBytes>` from argv. */
export function crashWriterArgs(argv: readonly string[]): { dir: string; padBytes: number } {
  const [dir, pad] = argv.slice(2)
  if (!dir || !pad) throw new Error('usage: crash-writer <dir> <padBytes>')
  return { dir, padBytes: Number(pad) }
}
