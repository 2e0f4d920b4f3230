import { describe, expect, it } from 'vitest'
import { explain } from '@shared/diagnostics/explain/explain'
import { HEAD_LINES, normalizeLines } from '@shared/diagnostics/explain/normalize.logic'
import { loadCorpus } from './corpus.fixture'

const ESC = '\u001b'
const red = (s: string) => `${ESC}[31m${ESC}[1m${s}${ESC}[0m`

describe('explain: noisy pastes', () => {
  it('strips ANSI colours, OSC links and control characters', () => {
    const text = `${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\\n${red('fatal:')} unable to access 'https://github.com/a/b.git/': ${red('Could not resolve host: github.com')}\u0007`
    const x = explain(text)
    expect(x.category).toBe('network_dns')
    expect(x.evidence).not.toContain(ESC)
    expect(x.evidence).toContain('Could not resolve host: github.com')
  })

  it('handles CRLF, lone CR and progress meters', () => {
    const text = [
      "Cloning into 'app'...\r\n",
      'remote: Enumerating objects: 120, done.\r\n',
      'Receiving objects:  12% (15/120)\rReceiving objects:  45% (54/120)\rReceiving objects: 100% (120/120), 1.2 MiB | 3 MiB/s, done.\r\n',
      'Resolving deltas: 100% (40/40), done.\r\n',
      'fatal: Remote branch feature/x not found in upstream origin\r\n',
    ].join('')
    const lines = normalizeLines(text)
    expect(lines.some((l) => /Receiving objects/.test(l))).toBe(false)
    expect(lines).toContain('fatal: Remote branch feature/x not found in upstream origin')
    expect(explain(text).category).toBe('branch_not_found')
  })

  it('removes remote:, timestamps, CI markers and log levels', () => {
    const lines = normalizeLines(
      [
        '2024-06-03T16:11:00.842Z - error: [ui] stderr:',
        '2021-06-17T02:43:51.1242808Z ##[error]remote: Repository not found.',
        '14:40:07.458522 git.c:419               trace: built-in: git push',
        '# remote: The project you were looking for could not be found',
        '[ERROR] Unable to git clone',
      ].join('\n'),
    )
    expect(lines).toContain('Repository not found.')
    expect(lines).toContain('built-in: git push')
    expect(lines).toContain('The project you were looking for could not be found')
    expect(lines).toContain('Unable to git clone')
  })

  it('reads git output embedded in JSON logs and logfmt (escaped newlines)', () => {
    const json =
      '{"level":"error","msg":"push failed","error":"Pushing to https://dev.azure.com/a/b/_git/c\\nremote: TF401027: You need the Git \'GenericContribute\' permission to perform this action.\\nfatal: unable to access \'https://dev.azure.com/a/b/_git/c/\': The requested URL returned error: 403\\n"}'
    expect(explain(json).category).toBe('insufficient_scope')
    const logfmt =
      'time="2025-05-06T09:48:59Z" level=error msg="error getting file system" error="couldn\'t find remote ref \\"refs/heads/gone\\""'
    expect(explain(logfmt).category).toBe('branch_not_found')
  })

  it("reads Flipt's JSON log lines field by field and shows the message, not the envelope", () => {
    const text = [
      '{"L":"INFO","T":"2026-09-01T10:00:00Z","M":"flipt starting","version":"v2.4.0"}',
      '{"L":"ERROR","T":"2026-09-01T10:00:01Z","M":"performing initial fetch","environment":"prod","error":"Get \\"https://git.example.com/a/b.git/info/refs?service=git-upload-pack\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"}',
    ].join('\n')
    const x = explain(text)
    expect(x.category).toBe('tls_certificate')
    expect(x.evidence).toMatch(/^Get "https:\/\/git\.example\.com/)
    expect(x.evidence).not.toContain('"L":')
  })

  it('lets the last command decide when several outputs are concatenated', () => {
    const text = [
      '$ git push',
      'remote: Support for password authentication was removed on August 13, 2021.',
      "fatal: Authentication failed for 'https://github.com/a/b.git/'",
      '$ git push https://github.com/a/bb.git',
      'remote: Repository not found.',
      "fatal: repository 'https://github.com/a/bb.git/' not found",
    ].join('\n')
    const x = explain(text)
    expect(x.category).toBe('repo_not_found_or_no_access')
    expect(x.candidates.map((c) => c.category)).toContain('password_auth_removed')
  })

  it("ignores a client's list of possible causes after the real error", () => {
    const text = [
      "fatal: unable to access 'https://github.com/a/b.git/': Could not resolve host: github.com",
      '(The error was parsed as 4: Authentication failed. Some common reasons include:',
      '- You are not logged in to your account: see File > Options.',
      '- If you use SSH authentication, check that your key is added to the ssh-agent and associated with your account.',
      '- If you used username / password authentication, you might need to use a Personal Access Token instead of your account password.)',
    ].join('\n')
    const x = explain(text)
    expect(x.category).toBe('network_dns')
    expect(x.candidates.map((c) => c.category)).not.toContain('ssh_instead_of_https')
  })

  // How long these take is a figure in tests/bench (explain.paste_5mb), not a timed unit test.
  it('reads a 5 MB paste and still finds the error at its end', () => {
    const filler = 'remote: Counting objects: 100% (1/1), done. some unrelated build output line here\n'
    const big =
      filler.repeat(Math.ceil((5 * 1024 * 1024) / filler.length)) +
      'fatal: unable to access: SSL certificate problem: self signed certificate\n'
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024)
    expect(explain(big).category).toBe('tls_certificate')
  })

  it('survives a single 5 MB line, binary junk and non-string input', () => {
    const oneLine = 'x'.repeat(5 * 1024 * 1024) + ' Could not resolve host: gitlab.com'
    expect(explain(oneLine).category).toBe('network_dns')
    const junk = Array.from({ length: 20000 }, (_, i) => String.fromCharCode(i % 256)).join('')
    expect(() => explain(junk)).not.toThrow()
    expect(explain(undefined as unknown as string).category).toBe('other')
  })

  it('caps the number of lines it looks at but keeps both ends', () => {
    const middle = Array.from({ length: 10_000 }, (_, i) => `line ${i}`)
    const lines = normalizeLines(['Permission denied (publickey).', ...middle, 'the end'].join('\n'))
    expect(lines.length).toBeLessThanOrEqual(2 * HEAD_LINES + 2)
    expect(lines[0]).toBe('Permission denied (publickey).')
    expect(lines[lines.length - 1]).toBe('the end')
  })
})

describe('explain: the corpus survives noise', () => {
  const variants: Record<string, (t: string) => string> = {
    'colours + CRLF': (t) =>
      t
        .split('\n')
        .map((l) => `${ESC}[33m${l}${ESC}[0m`)
        .join('\r\n'),
    'progress meters around it': (t) =>
      `Receiving objects:  10% (1/10)\rReceiving objects: 100% (10/10), done.\n${t}\nResolving deltas: 100% (3/3), done.`,
    'CI timestamps': (t) =>
      t
        .split('\n')
        .map((l) => `2026-09-15T10:00:00.1234567Z ${l}`)
        .join('\n'),
    'JSON log envelope': (t) => JSON.stringify({ level: 'error', msg: 'sync failed', error: t }),
  }

  it.each(Object.keys(variants))('keeps the same answer with %s', (name) => {
    const wrap = variants[name] ?? ((t: string) => t)
    const changed: string[] = []
    for (const e of loadCorpus()) {
      const plain = explain(e.text).category
      const noisy = explain(wrap(e.text)).category
      if (plain !== noisy) changed.push(`${e.id}: ${plain} → ${noisy}`)
    }
    expect(changed).toEqual([])
  })
})
