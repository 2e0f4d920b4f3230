import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DocumentStore } from '../../../electron/services/storage/document-store'
import { createFileStore } from '../../../electron/services/storage/file-store'
import { isWholeDoc } from '../../support/crash-writer-loop'

// The parent reads the electron-store file through the real adapter; electron-store imports
// electron for its defaults (the adapter always passes an explicit cwd).
vi.mock('electron', () => {
  const e = {
    app: { getPath: () => tmpdir(), getVersion: () => '0.1.0', getName: () => 'GitKeys' },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    shell: { openPath: vi.fn() },
  }
  return { default: e, ...e }
})
const { createElectronDocumentStore } = await import('../../../electron/main/platform/metadata-store')

/**
 * Issue 8.3: a process killed mid-write 100 times leaves a readable store with nothing lost. A child
 * writes `{ n, pad }` documents in a loop and acknowledges each resolved write; the parent SIGKILLs it
 * at a random moment, then reads the store back: never corrupt, nothing moved aside, and `n` is the
 * last acknowledged write or the one in flight, with a pad that matches it (no torn or mixed write).
 * The killed write's temp file is removed when the store opens again, so none pile up.
 */

const PAD_BYTES = 256 * 1024
const root = resolve(import.meta.dirname, '../../..')

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from the printed seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Kill = {
  readonly started: number
  readonly lastAck: number
  readonly acks: number
  readonly exit: string
}

/** Runs the child until its first ack, waits `delayMs`, SIGKILLs it, and collects every ack it printed. */
function runAndKill(script: string, dir: string, delayMs: number): Promise<Kill> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, dir, String(PAD_BYTES)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8')
      if (timer === undefined && /^ack \d+$/m.test(out))
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')))
    child.on('error', fail)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      clearTimeout(timer)
      const start = /^start (\d+)$/m.exec(out)
      if (!start?.[1]) {
        fail(
          new Error(`child never started (code ${code ?? '-'}): ${out.slice(0, 200)} ${err.slice(0, 500)}`),
        )
        return
      }
      const acks = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]))
      done({
        started: Number(start[1]),
        lastAck: acks.at(-1) ?? Number(start[1]),
        acks: acks.length,
        exit: signal ?? `code ${code ?? '-'}`,
      })
    })
  })
}

function sweep(
  label: string,
  script: () => string,
  open: (dir: string) => DocumentStore,
  iterations: number,
  seed: number,
): void {
  it(`${label}: killed mid-write ${iterations} times, it always reads back whole with nothing acknowledged lost`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitkeys-crash-'))
    const random = prng(seed)
    let total = 0
    let swept = 0
    const started = Date.now()
    try {
      for (let i = 0; i < iterations; i++) {
        const delay = 5 + Math.floor(random() * 146)
        const k = await runAndKill(script(), dir, delay)
        expect(k.exit, `iteration ${i} (seed ${seed})`).toBe('SIGKILL')
        swept += readdirSync(dir).filter((f) => f !== 'metadata.json').length
        const r = await open(dir).read()
        expect(
          r.kind,
          `iteration ${i} after ${delay} ms (seed ${seed}): ${JSON.stringify(r).slice(0, 200)}`,
        ).toBe('ok')
        if (r.kind !== 'ok') return
        expect(isWholeDoc(r.data, PAD_BYTES), `iteration ${i}: torn document`).toBe(true)
        const n = (r.data as { n: number }).n
        // Nothing acknowledged is lost; at most the one write in flight landed without its ack.
        expect(n, `iteration ${i}: acked ${k.lastAck}, stored ${n}`).toBeGreaterThanOrEqual(k.lastAck)
        expect(n).toBeLessThanOrEqual(k.lastAck + 1)
        // The next child starts from what the previous one left.
        expect(k.started, `iteration ${i}`).toBeLessThanOrEqual(k.lastAck)
        total += k.acks
        const corrupt = readdirSync(dir).filter((f) => f.includes('.corrupt-'))
        expect(corrupt, `iteration ${i}`).toEqual([])
        // The temp file of the killed write is gone once the store has opened again.
        expect(
          readdirSync(dir).filter((f) => f !== 'metadata.json'),
          `iteration ${i}`,
        ).toEqual([])
      }
      console.log(
        `${label}: ${iterations} kills, ${total} acknowledged writes of ${PAD_BYTES / 1024} KiB, ` +
          `${swept} orphaned temp file(s) removed on reopen, ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
      )
      expect(total).toBeGreaterThan(iterations)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
}

describe.concurrent('a writer killed mid-write', () => {
  let outDir = ''
  beforeAll(async () => {
    // Node 20 cannot run TypeScript: bundle both child entries once, with 'electron' aliased to a stub.
    outDir = mkdtempSync(join(tmpdir(), 'gitkeys-crash-build-'))
    await build({
      configFile: false,
      logLevel: 'silent',
      root,
      resolve: {
        alias: {
          '@shared': join(root, 'shared'),
          electron: join(root, 'tests/support/crash-writer-electron-stub.ts'),
        },
      },
      ssr: { noExternal: true, target: 'node' },
      build: {
        ssr: true,
        target: 'node20',
        outDir,
        emptyOutDir: true,
        minify: false,
        sourcemap: false,
        rolldownOptions: {
          input: {
            'file-store': join(root, 'tests/support/crash-writer.ts'),
            'electron-store': join(root, 'tests/support/crash-writer-electron.ts'),
          },
          output: { format: 'esm', entryFileNames: '[name].mjs' },
        },
      },
    })
  }, 60_000)
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  sweep(
    'file store (CLI, bridge, vault)',
    () => join(outDir, 'file-store.mjs'),
    (dir) => createFileStore(join(dir, 'metadata.json')),
    100,
    0x8a11,
  )
  sweep(
    'electron-store adapter (app metadata)',
    () => join(outDir, 'electron-store.mjs'),
    (dir) => createElectronDocumentStore(dir, 'metadata'),
    100,
    0x8a12,
  )
})
