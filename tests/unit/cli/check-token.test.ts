import { describe, expect, it } from 'vitest'
import { cli, isOneLineUsageError } from './cli-harness'

/** A classic PAT with a valid CRC32/base62 checksum (providers.md §1.1 worked example). */
const VALID = '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'
/** The same with its last character changed: the checksum no longer matches. */
const BROKEN = 'ghp_Zx9Qm2Lp8Vr4Tn6Wc1Yb7Hd3Kf5Gs027F2pu'
/** A fabricated 84-character Azure DevOps PAT: structure right, checksum that does not match the unconfirmed Marvin32 rule. */
const AZURE = `TestOnlyNotARealAzureDevOpsPersonalAccessTokenXyz012JQQJ99AG${'A'.repeat(12)}AAAAAZDOxxxx`

const parse = (s: string): Record<string, unknown> => JSON.parse(s) as Record<string, unknown>

describe('gitkeys check-token', () => {
  it('prints exactly {provider, kind, checksum, findings[{id, severity, title}]} and exits 0', async () => {
    const r = await cli(['check-token', '--json'], { stdin: `${VALID}\n` })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const j = parse(r.stdout)
    expect(Object.keys(j)).toEqual(['provider', 'kind', 'checksum', 'findings'])
    expect(j).toMatchObject({ provider: 'github', kind: 'classic_pat', checksum: 'valid' })
    const findings = j.findings as Record<string, unknown>[]
    expect(findings.length).toBeGreaterThan(0)
    for (const f of findings) expect(Object.keys(f)).toEqual(['id', 'severity', 'title'])
    expect(r.stdout).not.toContain(VALID)
  })

  it('one trailing newline is not part of the token; a second one is', async () => {
    const bare = await cli(['check-token', '--json'], { stdin: VALID })
    const lf = await cli(['check-token', '--json'], { stdin: `${VALID}\n` })
    const crlf = await cli(['check-token', '--json'], { stdin: `${VALID}\r\n` })
    expect(lf.stdout).toBe(bare.stdout)
    expect(crlf.stdout).toBe(bare.stdout)
    const two = await cli(['check-token', '--json'], { stdin: `${VALID}\n\n` })
    expect(two.stdout).not.toBe(bare.stdout)
  })

  it('an invalid token exits 1 and is printed nowhere, in JSON or as text', async () => {
    for (const json of [true, false]) {
      const r = await cli(['check-token', ...(json ? ['--json'] : [])], { stdin: `${BROKEN}\n` })
      expect(r.code).toBe(1)
      expect(r.stdout + r.stderr).not.toContain(BROKEN)
      expect(r.stdout + r.stderr).not.toContain(BROKEN.slice(4, 30))
      if (json) expect(parse(r.stdout)).toMatchObject({ checksum: 'invalid' })
      else expect(r.stdout).toMatch(/✗ .*checksum/i)
    }
  })

  it('a pasted `Authorization: Bearer …` line is cleaned, and still never echoed', async () => {
    const r = await cli(['check-token', '--json'], { stdin: `Authorization: Bearer ${VALID}\n` })
    expect(parse(r.stdout)).toMatchObject({ provider: 'github', checksum: 'valid' })
    expect(r.stdout).not.toContain(VALID)
  })

  it('Azure’s unconfirmed checksum is "none" in JSON, and its info finding stays', async () => {
    const r = await cli(['check-token', '--provider', 'azure', '--json'], { stdin: AZURE })
    const j = parse(r.stdout)
    expect(j).toMatchObject({ provider: 'azure', checksum: 'none' })
    expect(j.findings).toContainEqual(
      expect.objectContaining({ id: 'token.checksum_unconfirmed', severity: 'info' }),
    )
    expect(r.code).toBe(0)
  })

  it('--host and --provider give context: a GitLab token for a GitHub host is flagged', async () => {
    const r = await cli(['check-token', '--host', 'github.com', '--json'], {
      stdin: 'glpat-AAECAwQFBgcICQoLDA0OD2M6MQpvOjlrCnU6MnMN.01.14050wloc',
    })
    const findings = parse(r.stdout).findings as Array<{ severity: string }>
    expect(findings.some((f) => f.severity === 'error' || f.severity === 'warning')).toBe(true)
  })

  it('human output: hint, checklist and summary, no colours when not a terminal', async () => {
    const r = await cli(['check-token'], { stdin: VALID })
    expect(r.stdout).toMatch(/^Token ghp_…F2pt: /)
    expect(r.stdout).toMatch(/\d+ errors?, \d+ warnings?, \d+ notes?, \d+ ok/)
    expect(r.stdout).not.toContain('\u001b[')
    const tty = await cli(['check-token'], { stdin: VALID, tty: true })
    expect(tty.stdout).toContain('\u001b[')
    const noColor = await cli(['check-token'], { stdin: VALID, tty: true, env: { NO_COLOR: '1' } })
    expect(noColor.stdout).not.toContain('\u001b[')
  })

  it.each([
    ['an unknown option', ['check-token', '--nope'], VALID],
    ['a bad provider', ['check-token', '--provider', 'sourceforge'], VALID],
    ['a bad host', ['check-token', '--host', 'https://github.com/x'], VALID],
    ['no token on stdin', ['check-token', '--json'], ''],
    ['only a newline on stdin', ['check-token'], '\n'],
  ])('%s is a one-line usage error with exit 2', async (_name, argv, stdin) => {
    expect(isOneLineUsageError(await cli(argv, { stdin }))).toBe(true)
  })

  it('a token given as an argument is refused without being echoed', async () => {
    const r = await cli(['check-token', VALID], { stdin: '' })
    expect(isOneLineUsageError(r)).toBe(true)
    expect(r.stderr).not.toContain(VALID)
    expect(r.stderr).toContain('stdin')
  })
})
