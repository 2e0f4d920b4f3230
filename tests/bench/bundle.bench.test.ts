import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { recordFigure } from './harness'

const ASSETS = join(process.cwd(), 'out/renderer/assets')
const BUDGET_KIB = 350

describe('bench: renderer bundle size', () => {
  it(`the renderer's JavaScript and CSS gzip to at most ${BUDGET_KIB} KiB`, () => {
    if (!existsSync(ASSETS)) throw new Error('out/renderer is missing: run `npm run build` first.')
    const files = readdirSync(ASSETS).filter((f) => /\.(?:js|css)$/.test(f))
    const sizes = files.map((f) => {
      const raw = readFileSync(join(ASSETS, f))
      return { f, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length }
    })
    const kib = (n: number): number => Math.round((n / 1024) * 10) / 10
    const raw = sizes.reduce((n, s) => n + s.raw, 0)
    const gz = sizes.reduce((n, s) => n + s.gz, 0)
    const ok = recordFigure({
      id: 'renderer.bundle_gzip',
      label: `Renderer bundle, gzip -9 (${files.length} files in out/renderer/assets)`,
      value: kib(gz),
      unit: 'KiB',
      comparedWith: `raw ${kib(raw)} KiB (electron-vite does not minify), ratio ${Math.round((gz / raw) * 100)}%; ${sizes
        .map((s) => `${s.f.replace(/-[\w-]{8}\./, '.')} ${kib(s.gz)} KiB`)
        .join(', ')}`,
      budget: { max: BUDGET_KIB },
    })
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    expect(ok).toBe(true)
  })
})
