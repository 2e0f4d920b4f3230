import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseWorkspace } from '@shared/export'
import { fliptSemantics } from '../export/flipt-semantics'
import { cli, isOneLineUsageError } from './cli-harness'

const DIR = join(process.cwd(), 'tests/fixtures/flipt/real-world')
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'))
const scratch = mkdtempSync(join(tmpdir(), 'gitkeys-cli-unit-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const INLINE = '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'

describe('gitkeys import flipt / export flipt', () => {
  it.each(FIXTURES)('%s: import prints a workspace that exports back to the same meaning', async (name) => {
    const imported = await cli(['import', 'flipt', join(DIR, name)])
    expect(imported.code).toBe(0)
    expect(parseWorkspace(imported.stdout).ok).toBe(true)
    const ws = join(scratch, `${name}.json`)
    writeFileSync(ws, imported.stdout)
    const exported = await cli(['export', 'flipt', '--workspace', ws])
    expect([0, 1]).toContain(exported.code)
    expect(fliptSemantics(exported.stdout, { renameIds: false })).toEqual(
      fliptSemantics(readFileSync(join(DIR, name), 'utf8'), { renameIds: false }),
    )
  })

  it('relative paths resolve against the working directory', async () => {
    const r = await cli(['import', 'flipt', '01-github-server-auth.yaml'], { cwd: DIR })
    expect(r.code).toBe(0)
  })

  it('an inline secret is left out of the workspace and out of every output', async () => {
    const file = join(scratch, 'inline.yaml')
    writeFileSync(
      file,
      `version: "2.0"\ncredentials:\n  gh:\n    type: access_token\n    access_token: ${INLINE}\nstorage:\n  default:\n    remote: https://github.com/acme/flags.git\n    credentials: gh\nenvironments:\n  default:\n    storage: default\n`,
    )
    for (const json of [[], ['--json']]) {
      const r = await cli(['import', 'flipt', file, ...json])
      expect(r.code).toBe(0)
      expect(r.stdout + r.stderr).not.toContain(INLINE)
      expect(r.stderr).toContain('ghp_…F2pt')
    }
    const ws = join(scratch, 'inline.json')
    writeFileSync(ws, (await cli(['import', 'flipt', file])).stdout)
    const out = await cli(['export', 'flipt', '--workspace', ws])
    expect(out.stdout).not.toContain(INLINE)
    expect(out.stdout).toMatch(/access_token: \$\{env:[A-Z0-9_]+\}/)
  })

  it('--json on import reports problems as one JSON object on stderr; stdout stays the workspace', async () => {
    const r = await cli(['import', 'flipt', join(DIR, '13-advised-values.yaml'), '--json'])
    expect(parseWorkspace(r.stdout).ok).toBe(true)
    const report = JSON.parse(r.stderr) as { problems: Array<{ path: string }> }
    expect(report.problems.map((p) => p.path)).toContain('storage.default.poll_interval')
  })

  it('export --secrets file uses ${secret:file:…}; --json gives yaml, env template and warnings', async () => {
    const ws = join(scratch, 'ws-file.json')
    writeFileSync(ws, (await cli(['import', 'flipt', join(DIR, '01-github-server-auth.yaml')])).stdout)
    const file = await cli(['export', 'flipt', '--workspace', ws, '--secrets', 'file'])
    expect(file.stdout).toContain('${env:GITHUB_TOKEN}')
    const j = await cli(['export', 'flipt', '--workspace', ws, '--json'])
    const parsed = JSON.parse(j.stdout) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(['yaml', 'envTemplate', 'secretFiles', 'warnings'])
    expect(parsed.yaml).toContain('storage:')
  })

  it.each([
    ['no format', ['import']],
    ['another format', ['import', 'dflow', 'x.yaml']],
    ['no file', ['import', 'flipt']],
    ['a missing file', ['import', 'flipt', '/nonexistent/flipt.yml']],
    ['a directory', ['import', 'flipt', '/tmp']],
    ['export without --workspace', ['export', 'flipt']],
    ['export with a missing workspace', ['export', 'flipt', '--workspace', '/nonexistent.json']],
    [
      'export --secrets inline (never from the CLI)',
      ['export', 'flipt', '--workspace', 'x.json', '--secrets', 'inline'],
    ],
  ])('%s: exit 2 with one line', async (_n, argv) => {
    expect(isOneLineUsageError(await cli(argv))).toBe(true)
  })

  it('bad input files: YAML that does not parse, a workspace that is not one', async () => {
    const badYaml = join(scratch, 'bad.yaml')
    writeFileSync(badYaml, 'storage:\n  default: [unclosed\n')
    const y = await cli(['import', 'flipt', badYaml])
    expect(isOneLineUsageError(y)).toBe(true)
    expect(y.stderr).toContain('not readable YAML')
    const badWs = join(scratch, 'bad.json')
    writeFileSync(badWs, '{"format":"gitkeys-workspace","version":1,"accounts":"nope"}')
    const w = await cli(['export', 'flipt', '--workspace', badWs])
    expect(isOneLineUsageError(w)).toBe(true)
    expect(w.stderr).toContain('accounts')
  })
})
