import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportPreview, ExportRequest } from '@shared/domain/export'
import { CANARY, canaryFragments, filesContaining } from '../../support/canary'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import { must, seedExportWorkspace } from '../../support/world-actions'

// Issue 6: the export channels as the Export screen uses them, through the real dispatcher.
// security.md vectors 46 (no token in env/file exports: canary) and 48 (atomic, 0600, no symlinks).

let world: TestWorld
let production = ''
let staging = ''

const flipt = (secrets: ExportRequest['secrets'], environmentIds: string[] | null = null): ExportRequest => ({
  format: 'flipt',
  environmentIds,
  secrets,
})
const leaks = (text: string): string[] => canaryFragments().filter((f) => text.includes(f))
const modeOf = (path: string): number => statSync(path).mode & 0o777
let seq = 0
const target = (name: string): string => join(world.root, 'exports', `${seq++}-${name}`)

async function preview(req: ExportRequest): Promise<ExportPreview> {
  return must<ExportPreview>(await world.dispatcher.dispatch('export:preview', req))
}

beforeAll(async () => {
  world = await createTestWorld()
  mkdirSync(join(world.root, 'exports'))
  const seeded = await seedExportWorkspace(world, { dflow: false })
  production = seeded.production
  staging = seeded.staging
})
afterAll(async () => {
  await world.services.activity.flush()
  await world.dispose()
})

describe('export:preview', () => {
  it('masks inline tokens: the hint is shown, the token is nowhere in the answer', async () => {
    const p = await preview(flipt('inline'))
    expect(p.masked).toBe(true)
    expect(p.text).toContain('<secret ghp_…IfHI hidden in the preview>')
    expect(leaks(JSON.stringify(p))).toEqual([])
    expect(p.warnings.map((w) => w.id)).toContain('export.inline_secrets')
  })

  it('env mode writes ${env:NAME} references and a template with names only', async () => {
    const p = await preview(flipt('env'))
    expect(p.masked).toBe(false)
    expect(p.text).toContain('access_token: ${env:GITHUB_TOKEN}')
    expect(p.envTemplate).toMatch(/^GITHUB_TOKEN=$/m)
    expect(leaks(JSON.stringify(p))).toEqual([])
  })

  it('file mode writes ${secret:file:NAME} references, the provider block and the files it needs', async () => {
    const p = await preview(flipt('file'))
    expect(p.text).toContain('${secret:file:github-token}')
    expect(p.text).toMatch(/secrets:\n {2}providers:\n {4}file:\n {6}enabled: true\n {6}base_path: /)
    expect(p.secretFiles.map((f) => f.name)).toEqual(['github-token'])
    expect(p.envTemplate).toBeNull()
    expect(leaks(JSON.stringify(p))).toEqual([])
  })

  it('exports only the chosen environments, and names an unknown one', async () => {
    const p = await preview(flipt('env', [staging]))
    expect(p.text).toContain('staging:')
    expect(p.text).not.toContain('production:')
    const q = await preview(flipt('env', [production]))
    expect(q.text).toContain('production:')
    expect(q.text).not.toContain('directory: staging')
    const r = await world.dispatcher.dispatch('export:preview', flipt('env', ['gone']))
    expect(r.ok ? null : r.error.code).toBe('not_found')
  })

  it('dFlow and git previews carry no token either', async () => {
    for (const format of ['dflow', 'git'] as const) {
      const p = await preview({ format, environmentIds: null, secrets: 'env' })
      expect(p.text.length).toBeGreaterThan(0)
      expect(leaks(JSON.stringify(p))).toEqual([])
    }
  })
})

describe('export:save', () => {
  it.each(['env', 'file'] as const)('%s mode writes a 0600 file without the token', async (mode) => {
    const path = target(`flipt-${mode}.yml`)
    world.dialogs.nextSave = path
    const r = must<{ path: string | null; secretFilesWritten: number }>(
      await world.dispatcher.dispatch('export:save', {
        request: flipt(mode),
        confirmInline: false,
        writeSecretFiles: false,
      }),
    )
    expect(r).toEqual({ path, secretFilesWritten: 0 })
    expect(modeOf(path)).toBe(0o600)
    const text = readFileSync(path, 'utf8')
    expect(text).toContain(mode === 'env' ? '${env:GITHUB_TOKEN}' : '${secret:file:github-token}')
    expect(leaks(text)).toEqual([])
  })

  it('file mode with "also write the secret files" writes each token file 0600 in the chosen folder', async () => {
    const path = target('flipt-files.yml')
    const folder = join(world.root, 'secret-files')
    mkdirSync(folder)
    world.dialogs.nextSave = path
    world.dialogs.next = folder
    const r = must<{ path: string | null; secretFilesWritten: number }>(
      await world.dispatcher.dispatch('export:save', {
        request: flipt('file'),
        confirmInline: false,
        writeSecretFiles: true,
      }),
    )
    expect(r.secretFilesWritten).toBe(1)
    expect(leaks(readFileSync(path, 'utf8'))).toEqual([])
    const tokenFile = join(folder, 'github-token')
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(CANARY)
    expect(modeOf(tokenFile)).toBe(0o600)
  })

  it('a cancelled save dialog writes nothing', async () => {
    world.dialogs.nextSave = null
    const r = await world.dispatcher.dispatch('export:save', {
      request: flipt('env'),
      confirmInline: false,
      writeSecretFiles: false,
    })
    expect(must(r)).toEqual({ path: null, secretFilesWritten: 0 })
  })

  it('inline mode is refused without confirmInline, before any dialog opens', async () => {
    const path = target('inline-refused.yml')
    world.dialogs.nextSave = path
    const asked = world.dialogs.asked.length
    const r = await world.dispatcher.dispatch('export:save', {
      request: flipt('inline'),
      confirmInline: false,
      writeSecretFiles: false,
    })
    expect(r.ok ? null : r.error.code).toBe('invalid_input')
    expect(world.dialogs.asked.length).toBe(asked)
    expect(() => statSync(path)).toThrow()
  })

  it('inline mode with confirmInline writes the token, 0600', async () => {
    const path = target('inline.yml')
    world.dialogs.nextSave = path
    must(
      await world.dispatcher.dispatch('export:save', {
        request: flipt('inline'),
        confirmInline: true,
        writeSecretFiles: false,
      }),
    )
    expect(readFileSync(path, 'utf8')).toContain(`access_token: ${CANARY}`)
    expect(modeOf(path)).toBe(0o600)
  })

  it('refuses to write through a symlink and leaves its target untouched (vector 48)', async () => {
    const sensitive = join(world.root, 'sensitive.txt')
    writeFileSync(sensitive, 'keep me\n', { mode: 0o644 })
    const link = target('link.yml')
    symlinkSync(sensitive, link)
    world.dialogs.nextSave = link
    const r = await world.dispatcher.dispatch('export:save', {
      request: flipt('env'),
      confirmInline: false,
      writeSecretFiles: false,
    })
    expect(r.ok ? null : r.error.message).toMatch(/symbolic link/)
    expect(readFileSync(sensitive, 'utf8')).toBe('keep me\n')
    expect(modeOf(sensitive)).toBe(0o644)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe(sensitive)
  })

  it('replaces an existing file atomically and tightens it to 0600 (vector 48)', async () => {
    const path = target('existing.yml')
    writeFileSync(path, 'old\n', { mode: 0o644 })
    world.dialogs.nextSave = path
    must(
      await world.dispatcher.dispatch('export:save', {
        request: flipt('env'),
        confirmInline: false,
        writeSecretFiles: false,
      }),
    )
    expect(readFileSync(path, 'utf8')).toContain('version: "2.0"')
    expect(modeOf(path)).toBe(0o600)
  })
})

describe('export:copy', () => {
  it('copies env references (no token) through main', async () => {
    const before = world.desktop.clipboard.length
    must(await world.dispatcher.dispatch('export:copy', { ...flipt('env'), part: 'document' }))
    const copied = world.desktop.clipboard.slice(before)
    expect(copied).toHaveLength(1)
    expect(copied[0]).toContain('${env:GITHUB_TOKEN}')
    expect(leaks(copied.join('\n'))).toEqual([])
  })

  it('copies the environment template as names with empty values, never the token', async () => {
    const before = world.desktop.clipboard.length
    must(await world.dispatcher.dispatch('export:copy', { ...flipt('env'), part: 'envTemplate' }))
    const copied = world.desktop.clipboard.slice(before)
    expect(copied).toHaveLength(1)
    expect(copied[0]).toMatch(/^GITHUB_TOKEN=$/m)
    expect(leaks(copied.join('\n'))).toEqual([])
  })

  it('says which part is missing when none is named', async () => {
    const r = await world.dispatcher.dispatch('export:copy', flipt('env'))
    expect(r.ok ? null : r.error.issues?.map((i) => i.path)).toEqual(['part'])
  })

  it('is refused for inline tokens', async () => {
    const before = world.desktop.clipboard.length
    const r = await world.dispatcher.dispatch('export:copy', { ...flipt('inline'), part: 'document' })
    expect(r.ok ? null : r.error.code).toBe('invalid_input')
    expect(world.desktop.clipboard.length).toBe(before)
  })
})

describe('what stays behind', () => {
  it('the token is only in the files the user asked for: logs and app data are clean', () => {
    expect(filesContaining(world.appData)).toEqual([])
    const hits = filesContaining(world.root)
      .map((p) => p.slice(world.root.length + 1))
      .sort()
    expect(hits).toHaveLength(2)
    expect(hits[0]).toMatch(/^exports\/\d+-inline\.yml$/)
    expect(hits[1]).toBe('secret-files/github-token')
    expect(world.logs.map((l) => JSON.stringify(l)).filter((l) => leaks(l).length > 0)).toEqual([])
  })
})
