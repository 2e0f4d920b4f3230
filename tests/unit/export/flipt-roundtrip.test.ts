import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFlipt } from '@shared/export/flipt.writer'
import { importFlipt } from '@shared/export/flipt.importer'
import { fliptSchemaErrors } from './flipt-schema'
import { fliptSemantics } from './flipt-semantics'
import { GOLDEN_CASES } from './golden-workspaces'
import { MODEL_WS } from './model-workspaces'

const DIR = join(process.cwd(), 'tests/fixtures/flipt/real-world')
const CONFIGS = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))

/** Problems each real-world config is expected to raise (advised values; ids, underscores included, are kept). */
const EXPECTED_PROBLEMS: Record<string, string[]> = {
  '13-advised-values.yaml': ['storage.default.poll_interval', 'environments.default.scm.api_url'],
}
/** Configs whose kept values Flipt's JSON schema rejects (the doctor says so; GitKeys keeps them). */
const SCHEMA_INVALID_AS_WRITTEN = new Set(['13-advised-values.yaml'])

describe('round trip: export(import(config)) means the same as config', () => {
  it('covers at least 8 real-world-shaped configs', () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(8)
  })
  it.each(CONFIGS)('$name', ({ name, text }) => {
    const imported = importFlipt(text)
    expect(imported.problems.map((p) => p.path)).toEqual(EXPECTED_PROBLEMS[name] ?? [])
    const out = exportFlipt(imported.workspace, { secrets: 'env' })
    expect(fliptSemantics(out.yaml, { renameIds: false })).toEqual(fliptSemantics(text, { renameIds: false }))
    if (SCHEMA_INVALID_AS_WRITTEN.has(name)) {
      expect(fliptSchemaErrors(text).length).toBeGreaterThan(0)
      expect(out.warnings.length).toBeGreaterThan(0)
    } else expect(fliptSchemaErrors(out.yaml)).toEqual([])
  })
  it.each(CONFIGS)('$name: keeps the secret references exactly, in every mode', ({ text }) => {
    const refs = (yaml: string): string[] =>
      [...yaml.matchAll(/\$\{(?:env|secret):[^}]+\}/g)].map((m) => m[0]).sort()
    const ws = importFlipt(text).workspace
    for (const mode of ['env', 'file', 'inline'] as const)
      expect(refs(exportFlipt(ws, { secrets: mode, inlineSecrets: () => 'ghp_CANARY' }).yaml)).toEqual(
        refs(text),
      )
  })
  it.each(CONFIGS)('$name: importing the export again gives the same workspace', ({ text }) => {
    const first = importFlipt(text).workspace
    expect(importFlipt(exportFlipt(first, { secrets: 'env' }).yaml).workspace).toEqual(first)
  })
})

describe('round trip: import(export(workspace)) equals the workspace', () => {
  it.each(GOLDEN_CASES)('golden workspace $name', ({ ws }) => {
    const back = importFlipt(exportFlipt(ws, { secrets: 'env' }).yaml, ws)
    expect(back.problems).toEqual([])
    expect(back.workspace).toEqual(ws)
    expect(back.diff.empty).toBe(true)
  })
  it.each(['env', 'file'] as const)('a workspace touching every exporter path, %s mode', (mode) => {
    const out = exportFlipt(MODEL_WS, { secrets: mode })
    expect(fliptSchemaErrors(out.yaml)).toEqual([])
    const back = importFlipt(out.yaml, MODEL_WS)
    expect(back.problems).toEqual([])
    expect(back.pendingSecrets).toEqual([])
    expect(back.workspace).toEqual(MODEL_WS)
  })
  it('without the accounts, credentials stay explicit and unlinked but mean the same', () => {
    const yaml = exportFlipt(MODEL_WS, { secrets: 'env' }).yaml
    const back = importFlipt(yaml)
    expect(back.workspace.accounts).toEqual([])
    expect(back.workspace.credentials.every((c) => c.accountId === null)).toBe(true)
    expect(fliptSemantics(exportFlipt(back.workspace, { secrets: 'env' }).yaml)).toEqual(fliptSemantics(yaml))
  })
})
