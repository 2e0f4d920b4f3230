import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account } from '@shared/domain/account'
import type { ExportPreview, ImportPreview } from '@shared/domain/export'
import { CANARY, canaryFragments, filesContaining } from '../../support/canary'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import { must, saveRepo } from '../../support/world-actions'

// Issue 6: the import channels as the Import screen uses them, through the real dispatcher.
// The file's inline token stays in main: previews carry a hint only, the vault gets it on request.

const FIXTURES = join(process.cwd(), 'tests/fixtures/flipt/real-world')
/** A real-world config (GitHub sync plus server/auth sections GitKeys does not model) with the token inline. */
const withInlineToken = (): string =>
  readFileSync(join(FIXTURES, '01-github-server-auth.yaml'), 'utf8').replace('${env:GITHUB_TOKEN}', CANARY)
const leaks = (text: string): string[] => canaryFragments().filter((f) => text.includes(f))

let world: TestWorld
beforeEach(async () => {
  world = await createTestWorld()
})
afterEach(async () => {
  await world.services.activity.flush()
  await world.dispose()
})

async function previewText(text: string): Promise<ImportPreview> {
  return must<ImportPreview>(await world.dispatcher.dispatch('import:preview-text', { text }))
}
async function apply(p: ImportPreview, moveInlineSecrets: boolean): Promise<{ accountsCreated: string[] }> {
  return must(await world.dispatcher.dispatch('import:apply', { sessionId: p.sessionId, moveInlineSecrets }))
}
const credentialsNow = async () =>
  must<{ credentials: Array<{ id: string; accountId: string | null; secret: { kind: string } | null }> }>(
    await world.dispatcher.dispatch('workspace:get', {}),
  ).credentials

describe('import:preview-text', () => {
  it('lists an inline token as pending, by hint only; the whole preview is free of it', async () => {
    const p = await previewText(withInlineToken())
    expect(p.pendingSecrets).toEqual([{ credentialId: 'github', field: 'access_token', hint: 'ghp_…IfHI' }])
    expect(leaks(JSON.stringify(p))).toEqual([])
    expect(p.source).toBe('pasted text')
    expect(p.counts).toEqual({ credentials: 1, repositories: 1, environments: 1 })
    expect(p.unmodelled.map((u) => u.path)).toEqual(['log', 'server', 'authentication'])
    expect(p.diff.repositories.added).toEqual(['default'])
    expect(p.diff.empty).toBe(false)
  })

  it('names the path of each problem and keeps keys it does not model', async () => {
    const p = await previewText(readFileSync(join(FIXTURES, '13-advised-values.yaml'), 'utf8'))
    expect(p.problems.map((x) => x.path)).toContain('storage.default.poll_interval')
    expect(p.problems.every((x) => x.path !== '' && x.message !== '')).toBe(true)
    expect(p.unmodelled.map((u) => u.path)).toContain('storage.default.name')
  })

  it('lists the repositories the file no longer has as removed', async () => {
    const kept = await saveRepo(world, { remote: 'https://github.com/acme/flags.git' })
    const gone = await saveRepo(world, { remote: 'https://github.com/acme/legacy-flags.git' })
    const p = await previewText(
      [
        'version: "2.0"',
        'storage:',
        `  ${kept.id}:`,
        '    remote: https://github.com/acme/flags.git',
        '    branch: main',
        '    poll_interval: "30s"',
        'environments:',
        '  production:',
        `    storage: ${kept.id}`,
        '    default: true',
        '',
      ].join('\n'),
    )
    expect(p.diff.repositories.removed).toEqual([gone.id])
    expect(p.diff.repositories.added).toEqual([])
  })

  it('reads a file chosen in the open dialog, and a cancelled dialog previews nothing', async () => {
    const path = join(world.root, 'flipt.yml')
    writeFileSync(path, withInlineToken())
    world.dialogs.nextOpen = path
    const opened = must<{ preview: ImportPreview | null }>(
      await world.dispatcher.dispatch('import:open-file', {}),
    )
    expect(opened.preview?.source).toBe(path)
    expect(opened.preview?.pendingSecrets).toHaveLength(1)
    expect(leaks(JSON.stringify(opened))).toEqual([])
    world.dialogs.nextOpen = null
    expect(must(await world.dispatcher.dispatch('import:open-file', {}))).toEqual({ preview: null })
  })
})

describe('import:apply', () => {
  it('without moving keeps the pending reference and creates no account; a second preview is empty', async () => {
    const p = await previewText(withInlineToken())
    expect(await apply(p, false)).toEqual({ accountsCreated: [] })
    const [cred] = await credentialsNow()
    expect(cred?.secret?.kind).toBe('pending')
    expect(
      must<{ accounts: Account[] }>(await world.dispatcher.dispatch('accounts:list', {})).accounts,
    ).toEqual([])
    expect(filesContaining(world.appData)).toEqual([])
    const again = await previewText(withInlineToken())
    expect(again.diff.empty).toBe(true)
  })

  it('with moving creates an account whose token is in the vault, and only a hint leaves main', async () => {
    const p = await previewText(withInlineToken())
    const { accountsCreated } = await apply(p, true)
    expect(accountsCreated).toHaveLength(1)
    const id = accountsCreated[0] ?? ''
    const listed = must<{ accounts: Account[] }>(await world.dispatcher.dispatch('accounts:list', {}))
    expect(listed.accounts.map((a) => [a.id, a.secret.hint])).toEqual([[id, 'ghp_…IfHI']])
    expect(leaks(JSON.stringify(listed))).toEqual([])
    const secret = world.services.accounts.secretFor(id)
    expect(secret.ok && secret.value.token).toBe(CANARY)
    const [cred] = await credentialsNow()
    expect(cred).toMatchObject({ accountId: id, secret: { kind: 'vault', accountId: id } })
    expect(filesContaining(world.appData)).toEqual([])
  })

  it('with moving, previewing the same file again shows no difference', async () => {
    await apply(await previewText(withInlineToken()), true)
    const again = await previewText(withInlineToken())
    expect(again.diff).toMatchObject({ empty: true })
  })

  it('after moving, the workspace exports as env references and imports back unchanged', async () => {
    await apply(await previewText(withInlineToken()), true)
    const exported = must<ExportPreview>(
      await world.dispatcher.dispatch('export:preview', {
        format: 'flipt',
        environmentIds: null,
        secrets: 'env',
      }),
    )
    expect(exported.text).toContain('${env:')
    expect(leaks(exported.text)).toEqual([])
    const again = await previewText(exported.text)
    expect(again.pendingSecrets).toEqual([])
    expect(again.diff.empty).toBe(true)
  })

  it('refuses a session it does not know', async () => {
    const r = await world.dispatcher.dispatch('import:apply', {
      sessionId: 'a'.repeat(24),
      moveInlineSecrets: false,
    })
    expect(r.ok ? null : r.error.code).toBe('not_found')
  })
})
