import { describe, expect, it } from 'vitest'
import { analyzeToken } from '@shared/providers/token-analysis'
import { normalizeTokenInput } from '@shared/providers/token-input'
import { VECTORS, atlassianToken, rng } from '../../support/token-fixtures'

const T = VECTORS.githubWorked

describe('normalizeTokenInput', () => {
  it.each([
    ['clean', T, T, []],
    ['trailing newline', `${T}\n`, T, ['trimmed_whitespace']],
    ['CRLF and spaces', `  ${T}\r\n`, T, ['trimmed_whitespace']],
    ['double quotes', `"${T}"`, T, ['removed_quotes']],
    ['single quotes', `'${T}'`, T, ['removed_quotes']],
    ['backticks', `\`${T}\``, T, ['removed_quotes']],
    ['typographic quotes', `\u201c${T}\u201d`, T, ['removed_quotes']],
    ['Bearer', `Bearer ${T}`, T, ['removed_auth_scheme']],
    ['token (GitHub style)', `token ${T}`, T, ['removed_auth_scheme']],
    ['lowercase bearer', `bearer ${T}`, T, ['removed_auth_scheme']],
    ['whole header', `Authorization: Bearer ${T}`, T, ['removed_header_name', 'removed_auth_scheme']],
    ['GitLab header', `PRIVATE-TOKEN: ${T}`, T, ['removed_header_name']],
    [
      'quoted header line',
      ` "Authorization: token ${T}" `,
      T,
      ['trimmed_whitespace', 'removed_quotes', 'removed_header_name', 'removed_auth_scheme'],
    ],
    [
      'Basic header',
      `Basic ${Buffer.from(`x-access-token:${T}`).toString('base64')}`,
      T,
      ['decoded_basic_auth'],
    ],
    ['URL with user:token', `https://octocat:${T}@github.com/o/r.git`, T, ['extracted_from_url']],
    ['URL with token as user', `https://${T}@github.com/o/r.git`, T, ['extracted_from_url']],
    [
      'URL with encoded token',
      `https://x:${T.replace('_', '%5F')}@github.com/o/r`,
      T,
      ['extracted_from_url'],
    ],
  ])('%s', (_name, raw, token, repairs) => {
    expect(normalizeTokenInput(raw)).toEqual({ token, repairs, urlWithoutToken: false })
  })
  it('flags a URL that carries no token', () => {
    expect(normalizeTokenInput('https://github.com/o/r.git')).toEqual({
      token: 'https://github.com/o/r.git',
      repairs: [],
      urlWithoutToken: true,
    })
  })
  it('leaves unmatched quotes and inner text alone', () => {
    expect(normalizeTokenInput(`"${T}`)).toEqual({ token: `"${T}`, repairs: [], urlWithoutToken: false })
    expect(normalizeTokenInput('Bearerx')).toEqual({ token: 'Bearerx', repairs: [], urlWithoutToken: false })
  })
  it('restores an escaped "=" in Atlassian tokens only', () => {
    const t = atlassianToken(rng(1), 'ATATT')
    expect(normalizeTokenInput(t.replace('=', '%3D'))).toEqual({
      token: t,
      repairs: ['unescaped_equals'],
      urlWithoutToken: false,
    })
    expect(normalizeTokenInput(t.replace('=', '\\='))).toEqual({
      token: t,
      repairs: ['unescaped_equals'],
      urlWithoutToken: false,
    })
    expect(normalizeTokenInput('abc%3D').token).toBe('abc%3D')
  })
  it('trims only ASCII whitespace, so a trailing U+2028 stays and is reported', () => {
    expect(normalizeTokenInput(`${T}\u2028`).token).toBe(`${T}\u2028`)
    expect(analyzeToken(`${T}\u2028`).findings.map((f) => f.id)).toContain('token.control_chars')
  })
})

describe('repairs become findings, and the repaired token is analysed', () => {
  it.each([
    [`${T}\n`, 'token.whitespace'],
    [`'${T}'`, 'token.quoted'],
    [`Bearer ${T}`, 'token.bearer_prefix'],
    [`https://u:${T}@github.com/o/r`, 'token.url_pasted'],
  ])('%j', (raw, id) => {
    const a = analyzeToken(raw)
    expect(a.findings.map((f) => [f.id, f.severity])).toContainEqual([id, 'warning'])
    expect([a.provider, a.kind, a.checksum]).toEqual(['github', 'classic_pat', 'valid'])
  })
  it('a URL without a token is an error', () => {
    expect(analyzeToken('https://github.com/o/r').findings.map((f) => [f.id, f.severity])).toContainEqual([
      'token.url_pasted',
      'error',
    ])
  })
  it('an escaped Atlassian token is analysed as valid with an info finding', () => {
    const t = atlassianToken(rng(2), 'ATCTT')
    const a = analyzeToken(t.replace('=', '%3D'))
    expect(a.checksum).toBe('valid')
    expect(a.findings.map((f) => [f.id, f.severity])).toContainEqual(['token.escaped_equals', 'info'])
  })
})
