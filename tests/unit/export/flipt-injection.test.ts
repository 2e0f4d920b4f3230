import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportFlipt } from '@shared/export/flipt.writer'
import { importFlipt } from '@shared/export/flipt.importer'
import { fliptSchemaErrors } from './flipt-schema'
import { credential, environment, repository, workspace } from './workspace-builders'

/** security.md vector 47: values that break YAML written by string templates. */
const NASTY = [
  'a\nb',
  'line\r\nbreak',
  'key: value',
  'a #b',
  '#hash',
  '- dash',
  '&a',
  '*a',
  '!!js/function',
  '!!python/object:os.system',
  '{}',
  '[x]',
  "'single",
  '"double',
  '  leading',
  'trailing ',
  'yes',
  'no',
  'on',
  'null',
  '~',
  '0x10',
  '1:20',
  '1e3',
  '2026-08-22',
  '? q',
  '|pipe',
  '>fold',
  '%TAG',
  '@at',
  '`tick`',
  'tab\there',
] as const

const ws = workspace({
  credentials: NASTY.map((v, i) =>
    credential({ id: `c${i}`, type: 'basic', username: v, secret: { kind: 'env', name: `T${i}` } }),
  ),
  repositories: NASTY.map((v, i) => repository({ id: `r${i}`, remote: v, branch: v, credentialId: `c${i}` })),
  environments: NASTY.map((v, i) =>
    environment({ id: `e${i}`, name: v, repositoryId: `r${i}`, directory: v, default: i === 0 }),
  ),
})

type Doc = {
  credentials: Record<string, { basic: { username: string } }>
  storage: Record<string, Record<string, unknown>>
  environments: Record<string, Record<string, unknown>>
}

describe('YAML injection values survive export and import (security.md vector 47)', () => {
  const out = exportFlipt(ws, { secrets: 'env' })

  it.each(['1.2', '1.1'] as const)('a YAML %s reader gets back every value exactly', (version) => {
    const doc = parse(out.yaml, { version }) as Doc
    NASTY.forEach((v, i) => {
      expect(doc.storage[`r${i}`]?.remote).toBe(v)
      expect(doc.storage[`r${i}`]?.branch).toBe(v)
      expect(doc.environments[`e${i}`]?.name).toBe(v)
      expect(doc.environments[`e${i}`]?.directory).toBe(v)
      expect(doc.credentials[`c${i}`]?.basic.username).toBe(v)
    })
  })
  it('adds no keys anywhere', () => {
    const doc = parse(out.yaml) as Doc & Record<string, unknown>
    expect(Object.keys(doc)).toEqual(['version', 'credentials', 'storage', 'environments'])
    for (const s of Object.values(doc.storage))
      expect(Object.keys(s)).toEqual([
        'remote',
        'branch',
        'poll_interval',
        'fetch_policy',
        'credentials',
        'backend',
      ])
    for (const e of Object.values(doc.environments))
      expect(Object.keys(e)).toEqual(['name', 'storage', 'default', 'directory'])
  })
  it('validates against Flipt v2 JSON schema', () => {
    expect(fliptSchemaErrors(out.yaml)).toEqual([])
  })
  it('imports back to the same workspace', () => {
    const back = importFlipt(out.yaml, ws)
    expect(back.problems).toEqual([])
    expect(back.workspace).toEqual(ws)
  })
  it('keeps injection values in carried keys as plain data', () => {
    const carried = workspace({
      ...ws,
      flipt: { extra: { server: Object.fromEntries(NASTY.map((v) => [v, v])) }, secretsFileBasePath: null },
    })
    const doc = parse(exportFlipt(carried, { secrets: 'env' }).yaml, { version: '1.1' }) as {
      server: Record<string, string>
    }
    expect(doc.server).toEqual(Object.fromEntries(NASTY.map((v) => [v, v])))
  })
})
