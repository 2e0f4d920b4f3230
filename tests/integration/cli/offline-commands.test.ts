import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWorkspace } from '@shared/export'
import { fliptSemantics } from '../../unit/export/flipt-semantics'
import { cliBuilt, gitkeys, oneLineUsageError } from './built-cli'

const VALID = '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'
const BROKEN = 'ghp_Zx9Qm2Lp8Vr4Tn6Wc1Yb7Hd3Kf5Gs027F2pu'
const FIXTURE = join(process.cwd(), 'tests/fixtures/flipt/real-world/02-gitlab-self-managed-ca.yaml')

describe('the built gitkeys CLI (plain Node, no Electron)', () => {
  let scratch = ''
  beforeAll(() => {
    if (!cliBuilt()) throw new Error('out/cli/gitkeys.js is missing: run `npm run build` first')
    scratch = mkdtempSync(join(tmpdir(), 'gitkeys-cli-int-'))
  })
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('prints help listing every command, per-command help, and its version', async () => {
    const help = await gitkeys(['help'])
    expect(help.code).toBe(0)
    for (const c of ['check-token', 'explain', 'doctor', 'import flipt', 'export flipt'])
      expect(help.stdout).toContain(c)
    for (const c of ['check-token', 'explain', 'doctor', 'import', 'export']) {
      const r = await gitkeys([c, '--help'])
      expect(r.code, c).toBe(0)
      expect(r.stdout, c).toMatch(/^Usage: gitkeys /)
    }
    expect((await gitkeys(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('check-token reads stdin, answers the JSON shape, exits 0 / 1, and never prints the token', async () => {
    const good = await gitkeys(['check-token', '--json'], { stdin: `${VALID}\n` })
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject({
      provider: 'github',
      kind: 'classic_pat',
      checksum: 'valid',
    })
    const bad = await gitkeys(['check-token', '--provider', 'github'], { stdin: `${BROKEN}\n` })
    expect(bad.code).toBe(1)
    for (const r of [good, bad]) expect(r.stdout + r.stderr).not.toMatch(/Zx9Qm2Lp8Vr4Tn6Wc1Yb7/)
  })

  it('explain reads an error from stdin and ranks causes', async () => {
    const r = await gitkeys(['explain', '--json', '--provider', 'gitlab'], {
      stdin:
        "remote: HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password.\nfatal: Authentication failed for 'https://gitlab.com/g/p.git/'\n",
    })
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout) as { category: string; candidates: unknown[] }
    expect(j.candidates.length).toBeGreaterThanOrEqual(3)
    expect(['bad_credentials', 'password_auth_removed', 'expired_token']).toContain(j.category)
  })

  it('import → export round trip of a real-world config keeps its meaning', async () => {
    const imported = await gitkeys(['import', 'flipt', FIXTURE])
    expect(imported.code).toBe(0)
    expect(parseWorkspace(imported.stdout).ok).toBe(true)
    const ws = join(scratch, 'ws.json')
    writeFileSync(ws, imported.stdout)
    const exported = await gitkeys(['export', 'flipt', '--workspace', ws])
    expect(exported.code).toBe(0)
    expect(fliptSemantics(exported.stdout, { renameIds: false })).toEqual(
      fliptSemantics(readFileSync(FIXTURE, 'utf8'), { renameIds: false }),
    )
  })

  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['explain', '--colour']],
    ['doctor without --config', ['doctor']],
    ['doctor with a missing file', ['doctor', '--config', '/nonexistent/flipt.yml']],
    ['export with a bad --secrets', ['export', 'flipt', '--workspace', 'x.json', '--secrets', 'vault']],
    ['import of a missing file', ['import', 'flipt', '/nonexistent.yml']],
  ])('%s: exit 2 with one line on stderr', async (_n, argv) => {
    expect(oneLineUsageError(await gitkeys(argv, { stdin: 'x' }))).toBe(true)
  })
})
