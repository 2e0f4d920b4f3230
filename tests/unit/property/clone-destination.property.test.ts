import { mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { checkDestination } from '../../../electron/services/git/git-operations'
import { wellFormed } from './arbitraries'

/**
 * checkDestination guards where a clone lands: generated folder names with control characters,
 * network (UNC) paths and relative paths are refused, and a refusal leaves the disk as it was.
 * Runs in a throwaway directory.
 */

const root = mkdtempSync(join(tmpdir(), 'gitkeys-dest-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A folder name without `/`, NUL or control characters. */
const plainName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
  // eslint-disable-next-line no-control-regex
  .filter((n) => wellFormed(n) && !/[/\u0000-\u001f\u007f-\u009f]/.test(n) && n !== '.' && n !== '..')
/** A C0 control or DEL: what checkDestination promises to refuse. */
const control = fc
  .constantFrom(...Array.from({ length: 0x20 }, (_, i) => i), 0x7f)
  .map((cp) => String.fromCodePoint(cp))

describe('checkDestination', () => {
  it('refuses a folder name with a control character, and creates nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 6 }), control, fc.string({ maxLength: 6 }), async (a, c, b) => {
        const name = `${a}${c}${b}`.replace(/\//g, '_')
        const r = await checkDestination(join(root, name))
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.error.code).toBe('invalid_input')
        expect(readdirSync(root)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
  it('refuses UNC paths in both slash styles', async () => {
    const part = fc.stringMatching(/^[A-Za-z0-9$._-]{1,12}$/)
    await fc.assert(
      fc.asyncProperty(part, part, part, fc.boolean(), async (server, share, dir, back) => {
        const path = back ? `\\\\${server}\\${share}\\${dir}` : `//${server}/${share}/${dir}`
        expect((await checkDestination(path)).ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
  it('refuses relative paths', async () => {
    const relative = fc
      .array(fc.oneof(plainName, fc.constantFrom('.', '..', '~', 'C:')), { minLength: 1, maxLength: 4 })
      .map((s) => s.join('/'))
      .filter((p) => !p.startsWith('/'))
    await fc.assert(
      fc.asyncProperty(relative, async (path) => {
        expect((await checkDestination(path)).ok).toBe(false)
      }),
      { numRuns: 200 },
    )
    expect(readdirSync(root)).toEqual([])
  })
  it('accepts a new folder with a plain name under an existing one, without creating it', async () => {
    await fc.assert(
      fc.asyncProperty(plainName, async (name) => {
        const r = await checkDestination(join(root, name))
        expect(r.ok && r.value).toEqual({
          path: join(realpathSync(root), name),
          parent: realpathSync(root),
          existsEmpty: false,
        })
        expect(readdirSync(root)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
  // Found by this test: only C0 and DEL used to be checked, so a C1 control, U+2028 or a bidi override
  // (the "invoice\u202Egpj.exe" trick) passed and was later shown in "Cloned into …".
  it('refuses C1, line-separator, bidi and invisible characters too', async () => {
    const unicode = fc
      .constantFrom(0x85, 0x9b, 0x2028, 0x202e, 0x2066, 0x200b, 0xfeff)
      .map((cp) => String.fromCodePoint(cp))
    await fc.assert(
      fc.asyncProperty(plainName, unicode, async (name, c) => {
        expect((await checkDestination(join(root, `${name}${c}`))).ok).toBe(false)
      }),
      { numRuns: 50 },
    )
  })
})
