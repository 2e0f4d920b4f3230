import { rm, writeFile } from 'node:fs/promises'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'

// Probe files live inside the layer folders (so the layer rules apply) under a throwaway name.
const cases: Array<{ file: string; code: string; rule: string }> = [
  {
    file: 'shared/__probe_a.ts',
    code: "import { app } from 'electron'\nexport const x = app",
    rule: 'gitkeys/layers',
  },
  {
    file: 'shared/__probe_b.ts',
    code: "import { readFileSync } from 'node:fs'\nexport const x = readFileSync",
    rule: 'gitkeys/layers',
  },
  {
    file: 'shared/__probe_c.ts',
    code: "import { createDispatcher } from '../electron/services/dispatcher'\nexport const x = createDispatcher",
    rule: 'gitkeys/layers',
  },
  {
    file: 'renderer/src/__probe_d.ts',
    code: "import { createServices } from '../../electron/services/create-services'\nexport const x = createServices",
    rule: 'gitkeys/layers',
  },
  {
    file: 'renderer/src/__probe_e.ts',
    code: "import { simpleGit } from 'simple-git'\nexport const x = simpleGit",
    rule: 'gitkeys/layers',
  },
  {
    file: 'electron/services/__probe_f.ts',
    code: "import { app } from 'electron'\nexport const x = app",
    rule: 'gitkeys/layers',
  },
  {
    file: 'electron/main/__probe_g.ts',
    code: "import { safeStorage } from 'electron'\nexport const x = safeStorage",
    rule: 'gitkeys/choke-point',
  },
  {
    file: 'electron/services/__probe_h.ts',
    code: "import { simpleGit } from 'simple-git'\nexport const x = simpleGit",
    rule: 'gitkeys/choke-point',
  },
  {
    file: 'electron/main/__probe_i.ts',
    code: "import { ipcMain } from 'electron'\nexport const x = ipcMain",
    rule: 'gitkeys/choke-point',
  },
]

describe('lint fences (ARCHITECTURE.md §1, STYLE.md §4)', () => {
  const eslint = new ESLint({ cwd: process.cwd() })
  afterAll(async () => {
    await Promise.all(cases.map((c) => rm(c.file, { force: true })))
  })

  it.each(cases)('$file: a violation fails with $rule', async ({ file, code, rule }) => {
    await writeFile(file, code)
    try {
      const [result] = await eslint.lintFiles([file])
      const rules = (result?.messages ?? []).map((m) => m.ruleId)
      expect(rules).toContain(rule)
    } finally {
      await rm(file, { force: true })
    }
  })

  it('the same import is fine where the architecture puts it', async () => {
    const [result] = await eslint.lintFiles(['electron/services/git/git-runner.ts'])
    expect((result?.messages ?? []).filter((m) => m.ruleId?.startsWith('gitkeys/'))).toEqual([])
  })
})
