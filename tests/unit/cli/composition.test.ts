import { describe, expect, it } from 'vitest'
import { createCliEngine, helperLauncher } from '../../../electron/cli/compose'
import { withoutCommandScope } from '../../../electron/services/diagnostics/git-config-reader'
import type { CliIo } from '../../../electron/cli/io'
import { guardIo, palette, renderChecklist, summaryLine } from '../../../electron/cli/output'

const io = (over: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[] } => {
  const out: string[] = []
  const err: string[] = []
  return {
    readStdin: () => Promise.resolve(''),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: {},
    cwd: '/',
    out,
    err,
    ...over,
  }
}

describe('CLI composition', () => {
  it('uses git’s credential-cache client on Unix and the bundled Node relay on Windows', () => {
    expect(helperLauncher('linux')).toEqual({ kind: 'git-cache' })
    expect(helperLauncher('darwin')).toEqual({ kind: 'git-cache' })
    const win = helperLauncher('win32')
    expect(win.kind).toBe('relay')
    if (win.kind === 'relay') {
      expect(win.command[0]).toBe(process.execPath)
      expect(win.command[1]).toMatch(/credential-relay\.js$/)
    }
  })

  it('is silent by default and logs to stderr only with --verbose, redacting run secrets', () => {
    const quiet = io()
    createCliEngine(quiet, { verbose: false }).logger.info('hello', { a: 1 })
    expect(quiet.err).toEqual([])
    const loud = io()
    const secret = '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'
    createCliEngine(loud, { verbose: true, secrets: () => [secret] }).logger.warn(`saw ${secret}`, {
      t: secret,
    })
    expect(loud.err.join('')).toMatch(/warn cli: saw ghp_…F2pt t=ghp_…F2pt/)
    expect(loud.out).toEqual([])
  })

  it('guardIo replaces known secrets with their hint on both streams', () => {
    const raw = io()
    const guarded = guardIo(raw, () => ['s3cr3t-value-123'])
    guarded.stdout('a s3cr3t-value-123 b')
    guarded.stderr('s3cr3t-value-123')
    expect(raw.out.join('') + raw.err.join('')).not.toContain('s3cr3t-value-123')
  })

  it('colours only for a terminal without NO_COLOR; the checklist puts errors first', () => {
    expect(palette(io({ stdoutIsTTY: true })).red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(palette(io({ stdoutIsTTY: true, env: { NO_COLOR: '1' } })).red('x')).toBe('x')
    expect(palette(io({ stdoutIsTTY: false })).red('x')).toBe('x')
    const items = [
      { severity: 'ok' as const, subject: 's', title: 'fine', fix: 'never shown' },
      { severity: 'error' as const, subject: 'storage.a', title: 'broken', fix: 'fix it' },
      { severity: 'warning' as const, subject: '', title: 'hmm', fix: null },
    ]
    expect(renderChecklist(items, io())).toBe('✗ storage.a: broken\n    → fix it\n! hmm\n✓ s: fine')
    expect(summaryLine(items)).toBe('1 error, 1 warning, 0 notes, 1 ok')
  })

  it('drops the runner’s own command-scope entries from `git config --show-scope -z` output', () => {
    const out =
      'command\0command line:\0credential.helper\n\0global\0file:/h/.gitconfig\0credential.helper\nstore\0'
    expect(withoutCommandScope(out)).toBe('global\0file:/h/.gitconfig\0credential.helper\nstore\0')
    expect(withoutCommandScope('')).toBe('')
  })
})
