import { describe, expect, it } from 'vitest'
import { cli, isOneLineUsageError } from './cli-harness'

describe('gitkeys doctor: bad usage never reaches git or the network', () => {
  it.each([
    ['no --config', ['doctor']],
    ['--config without a value', ['doctor', '--config']],
    ['a positional argument', ['doctor', 'flipt.yml']],
    ['an unknown option', ['doctor', '--config', 'x.yml', '--online']],
    ['--offline with a value', ['doctor', '--config', 'x.yml', '--offline=yes']],
    ['a file that does not exist', ['doctor', '--config', '/nonexistent/flipt.yml']],
    ['a directory', ['doctor', '--config', '/']],
  ])('%s: exit 2 with one line', async (_n, argv) => {
    expect(isOneLineUsageError(await cli(argv))).toBe(true)
  })

  it('--config followed by another option says the file is missing, not that "--offline" cannot be read', async () => {
    const r = await cli(['doctor', '--config', '--offline'])
    expect(isOneLineUsageError(r)).toBe(true)
    expect(r.stderr).toContain('--config needs a value, but the next word is the option --offline')
  })

  it('--help explains the JSON shape and the exit codes', async () => {
    const r = await cli(['doctor', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('"probes": [{"subject": "storage.<id>", "ok", "category", "ms"}]')
    expect(r.stdout).toMatch(/Exit 0 without error findings, 1 with/)
  })
})
