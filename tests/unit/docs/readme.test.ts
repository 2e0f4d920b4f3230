import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const e2eDir = join(root, 'tests/e2e')
const e2eText = readdirSync(e2eDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(e2eDir, f), 'utf8'))
  .join('\n')
/** Every name the e2e suite saves a screenshot under (app.shot('x'), app.shotOf(id, 'x')), as patterns: `connect-${p}` matches connect-github. */
const shotPatterns = [...e2eText.matchAll(/\.shot(?:Of)?\((?:[^()'`]*,\s*)?['`]([\w${}.-]+)['`]/g)].map(
  (m) =>
    new RegExp(
      `^${(m[1] ?? '')
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\w-]+')}$`,
    ),
)
const takenBySuite = (name: string): boolean => shotPatterns.some((p) => p.test(name))

describe('README', () => {
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '')

  it('shows pictures', () => {
    expect(images.length).toBeGreaterThanOrEqual(6)
  })

  it.each(images)('%s exists and is taken by the e2e suite', (src) => {
    expect(existsSync(join(root, src))).toBe(true)
    const name = /^docs\/screenshots\/([\w-]+)\.png$/.exec(src)?.[1]
    expect(name, `${src} is not under docs/screenshots`).toBeDefined()
    expect(takenBySuite(name ?? ''), `no app.shot('${name}') in tests/e2e`).toBe(true)
  })

  it('names the two install commands, the one test command and links the benchmarks', () => {
    expect(readme).toMatch(/```bash\nnpm install\nnpm start\n```/)
    expect(readme).toMatch(/```bash\nnpm test\n```/)
    expect(readme).toContain('(docs/benchmarks.md)')
    expect(existsSync(join(root, 'docs/benchmarks.md'))).toBe(true)
  })

  it('documents every CLI command the CLI has', () => {
    for (const cmd of ['doctor', 'explain', 'check-token', 'import flipt', 'export flipt'])
      expect(readme).toContain(`gitkeys ${cmd}`)
  })
})
