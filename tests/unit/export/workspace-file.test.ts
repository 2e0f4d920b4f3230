import { describe, expect, it } from 'vitest'
import { migrateWorkspace, parseWorkspace, serializeWorkspace } from '@shared/export/workspace-file.codec'
import { MODEL_WS } from './model-workspaces'

const text = serializeWorkspace(MODEL_WS)
const raw = (): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>
const issuesOf = (t: string): Array<{ path: string; message: string }> => {
  const r = parseWorkspace(t)
  return r.ok ? [] : r.error
}

describe('workspace file', () => {
  it('serialises as stable pretty JSON and reads back the same workspace', () => {
    expect(serializeWorkspace(MODEL_WS)).toBe(text)
    expect(text.startsWith('{\n  "format": "gitkeys-workspace",\n  "version": 1,\n')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    expect(parseWorkspace(text)).toEqual({ ok: true, value: MODEL_WS })
  })
  it('tolerates a byte order mark', () => {
    expect(parseWorkspace(`\uFEFF${text}`).ok).toBe(true)
  })
  it('names the bad field with a dotted path and index', () => {
    const bad = raw()
    const repos = bad.repositories as Array<Record<string, unknown>>
    if (repos[2]) repos[2].branch = ''
    const issues = issuesOf(JSON.stringify(bad))
    expect(issues.map((i) => i.path)).toEqual(['repositories[2].branch'])
    expect(issues[0]?.message).toContain('>=1')
  })
  it('names dangling references', () => {
    const bad = raw()
    const envs = bad.environments as Array<Record<string, unknown>>
    if (envs[1]) envs[1].repositoryId = 'nowhere'
    expect(issuesOf(JSON.stringify(bad))).toEqual([
      { path: 'environments[1].repositoryId', message: 'no repository with id "nowhere"' },
    ])
  })
  it('refuses a file written by a newer GitKeys with a clear message', () => {
    const issues = issuesOf(JSON.stringify({ ...raw(), version: 2 }))
    expect(issues.map((i) => i.path)).toEqual(['version'])
    expect(issues[0]?.message).toMatch(
      /version 2, written by a newer GitKeys.*up to version 1\. Update GitKeys/,
    )
  })
  it('refuses an unknown version and a foreign file', () => {
    expect(issuesOf(JSON.stringify({ ...raw(), version: 0 }))[0]?.message).toContain(
      'unknown workspace file version 0',
    )
    expect(issuesOf('{"format":"other"}')[0]?.path).toBe('format')
    expect(issuesOf('[1]')[0]?.path).toBe('(file)')
  })
  it('refuses __proto__ keys anywhere, without polluting prototypes', () => {
    const polluted = text.replace('"accounts": [', '"__proto__": { "polluted": true },\n  "accounts": [')
    expect(issuesOf(polluted)).toEqual([
      { path: '__proto__', message: '"__proto__" is not allowed as a key' },
    ])
    const nested = text.replace('"http_port": 8080', '"__proto__": { "polluted": true }')
    expect(issuesOf(nested)[0]?.path).toBe('flipt.extra.server.__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('reports invalid JSON', () => {
    expect(issuesOf('{ "format": ')[0]?.message).toMatch(/^not valid JSON/)
  })
  it('runs migrations one version at a time through the hook', () => {
    const seen: number[] = []
    const migrations = {
      1: (w: Readonly<Record<string, unknown>>) => (seen.push(1), { ...w, renamed: true }),
      2: (w: Readonly<Record<string, unknown>>) => (seen.push(2), { ...w, also: true }),
    }
    expect(migrateWorkspace({ format: 'gitkeys-workspace', version: 1 }, migrations, 3)).toEqual({
      ok: true,
      value: { format: 'gitkeys-workspace', version: 3, renamed: true, also: true },
    })
    expect(seen).toEqual([1, 2])
    expect(migrateWorkspace({ version: 1 }, {}, 2)).toEqual({
      ok: false,
      error: [{ path: 'version', message: 'no migration from workspace file version 1 to 2' }],
    })
  })
})
