import { describe, expect, it } from 'vitest'
import type { RemoteUrlCheck, RemoteUrlOptions } from '@shared/logic/remote-url'
import { hostMatches, takeUserinfoSecret, validateRemoteUrl } from '@shared/logic/remote-url'

const T = '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'
const opts: RemoteUrlOptions = { allowHttpLoopback: false }
const problemIds = (r: RemoteUrlCheck): string[] => (r.ok ? [] : r.problems.map((p) => p.id))
const noticeIds = (r: RemoteUrlCheck): string[] => (r.ok ? r.notices.map((p) => p.id) : [])

describe('security.md §8 vectors 16–18: control characters, raw or percent-encoded', () => {
  it.each([
    ['http://%0dprotocol=https%0dhost=github.com%0d@localhost:13337/', 'url.encoded_control_chars'],
    ['https://example%0d.com/r.git', 'url.encoded_control_chars'],
    ['https://one.example.com?%0ahost=two.example.com/', 'url.encoded_control_chars'],
    ['http://%0Ahost=github.com%0Aprotocol=https%0A@localhost:13337/', 'url.encoded_control_chars'],
    ['https://github.com/o/r%250d.git', 'url.encoded_control_chars'],
    ['https://github.com/o/r%2525250a.git', 'url.encoded_control_chars'],
    ['https://github.com/o/%E2%80%AEr.git', 'url.encoded_control_chars'],
    ['https://github.com/o/r.git\n', 'url.control_chars'],
    ['https://github.com/o/\rr.git', 'url.control_chars'],
    ['https://github.com/o/r\u0000.git', 'url.control_chars'],
    ['https://github.com/o/r\u0007.git', 'url.control_chars'],
    ['https://github.com/o/r\u001b[31m.git', 'url.control_chars'],
    ['https://github.com/o/r\u007f.git', 'url.control_chars'],
    ['https://github.com/o/r\u0085.git', 'url.control_chars'],
    ['https://github.com/o/r\u2028.git', 'url.control_chars'],
    ['https://github.com/o/r\u2029.git', 'url.control_chars'],
    ['https://github.com/o/\u202er.git', 'url.control_chars'],
  ])('%j', (url, id) => {
    expect(problemIds(validateRemoteUrl(url, { allowHttpLoopback: true }))).toEqual([id])
  })
})

describe('vector 19: no host, no scheme', () => {
  it.each([
    ['https:///github.com/o/r', 'url.no_host'],
    ['http::github.com/o/r', 'url.scheme_not_allowed'],
    ['://github.com/o/r', 'url.no_scheme'],
    ['https://:443/o/r', 'url.no_host'],
    ['github.com/o/r', 'url.no_scheme'],
    ['https:/github.com/o/r', 'url.no_scheme'],
    ['', 'url.empty'],
    ['   ', 'url.empty'],
  ])('%j', (url, id) => {
    expect(problemIds(validateRemoteUrl(url, opts))).toEqual([id])
  })
  it('suggests https:// for a host/path without a scheme', () => {
    const r = validateRemoteUrl('github.com/o/r', opts)
    expect(r.ok ? null : r.problems[0]?.suggestedUrl).toBe('https://github.com/o/r')
  })
})

describe('vector 20: credentials in the userinfo', () => {
  it.each([
    `https://user:${T}@github.com/o/r.git`,
    `https://${T}@github.com/o/r.git`,
    'https://user:hunter2@github.com/o/r.git',
    'https://x-token-auth:ATCTT3xFfGN0abc@bitbucket.org/ws/r.git',
    `https://oauth2:${'a1b2c3d4'.repeat(5)}@gitlab.com/g/p.git`,
    'https://0123456789abcdef0123456789abcdef01234567@gitea.example.com/o/r.git',
  ])('%j is refused with the URL to use instead', (url) => {
    const r = validateRemoteUrl(url, opts)
    expect(problemIds(r)).toEqual(['url.secret_in_url'])
    const p = r.ok ? null : r.problems[0]
    expect(p?.suggestedUrl).not.toContain('@')
    expect(p?.message).not.toContain(T.slice(4, 20))
  })
  it('a plain username is allowed but reported', () => {
    const r = validateRemoteUrl('https://alice@bitbucket.org/ws/repo.git', opts)
    expect(r.ok).toBe(true)
    expect(noticeIds(r)).toEqual(['url.username_in_url'])
    expect(r.ok ? r.notices[0]?.suggestedUrl : null).toBe('https://bitbucket.org/ws/repo.git')
  })
  it('takeUserinfoSecret hands main the secret and the clean URL', () => {
    expect(takeUserinfoSecret(`https://octo:${T}@github.com/o/r.git`)).toEqual({
      url: 'https://github.com/o/r.git',
      username: 'octo',
      secret: T,
    })
    expect(takeUserinfoSecret(`https://${T}@github.com/o/r.git`)).toEqual({
      url: 'https://github.com/o/r.git',
      username: null,
      secret: T,
    })
    expect(takeUserinfoSecret('https://x:a%2Fb@h.example/o/r')).toMatchObject({ secret: 'a/b' })
    expect(takeUserinfoSecret('https://github.com/o/r.git')).toBeNull()
  })
})

describe('vector 21: a leading "-"', () => {
  it.each([
    '--upload-pack=touch /tmp/x',
    '-u touch /tmp/x',
    '--config=core.sshCommand=x',
    '-cprotocol.ext.allow=always',
    '--template=/tmp',
    ' -u x',
    'git@host:-oProxyCommand=x',
    'git@-oProxyCommand=x:o/r',
  ])('%j', (url) => {
    const ids = problemIds(validateRemoteUrl(url, opts))
    expect(ids.some((id) => id === 'url.leading_dash' || id === 'url.bad_host')).toBe(true)
  })
})

describe('vector 22: transports other than https / ssh', () => {
  it.each([
    ['ext::sh -c touch% /tmp/x', 'url.scheme_not_allowed'],
    ['fd::3', 'url.scheme_not_allowed'],
    ['file:///home/me/repo', 'url.no_host'],
    ['file://localhost/home/me/repo', 'url.scheme_not_allowed'],
    ['/home/me/repo', 'url.local_path'],
    ['./repo', 'url.local_path'],
    ['~/repo', 'url.local_path'],
    ['C:\\repos\\x', 'url.local_path'],
    ['git://github.com/o/r.git', 'url.scheme_not_allowed'],
    ['http://github.com/o/r.git', 'url.scheme_not_allowed'],
    ['ftp://example.com/r.git', 'url.scheme_not_allowed'],
  ])('%j', (url, id) => {
    expect(problemIds(validateRemoteUrl(url, { allowHttpLoopback: true }))).toContain(id)
  })
  it('plain http only to loopback, and only when allowed', () => {
    for (const host of ['127.0.0.1:8080', '[::1]:8080', 'localhost:3000']) {
      const r = validateRemoteUrl(`http://${host}/o/r.git`, { allowHttpLoopback: true })
      expect(r.ok && r.transport).toBe('http')
      expect(noticeIds(r)).toContain('url.http_loopback')
      expect(problemIds(validateRemoteUrl(`http://${host}/o/r.git`, opts))).toEqual([
        'url.scheme_not_allowed',
      ])
    }
    expect(
      problemIds(validateRemoteUrl('http://127.0.0.2.nip.io/o/r.git', { allowHttpLoopback: true })),
    ).toContain('url.scheme_not_allowed')
  })
  it('ssh remotes are recognised (scp-like and ssh://) with a notice', () => {
    for (const url of [
      'git@github.com:o/r.git',
      'ssh://git@github.com/o/r.git',
      'git+ssh://git@github.com/o/r.git',
    ]) {
      const r = validateRemoteUrl(url, opts)
      expect(r.ok && r.transport).toBe('ssh')
      expect(noticeIds(r)).toContain('url.ssh')
      expect(r.ok ? r.remote?.cloneUrl : null).toBe('https://github.com/o/r.git')
    }
  })
})

describe('vector 24: host look-alikes never match the account host', () => {
  it.each([
    'https://github.com.evil.example/o/r',
    'https://evilgithub.com/o/r',
    'https://api.github.com.evil/o/r',
    'https://gіthub.com/o/r',
    'https://xn--gthub-n4a.com/o/r',
    'https://github.com:8443/o/r',
  ])('%j', (url) => {
    const r = validateRemoteUrl(url, { ...opts, accountHost: 'github.com' })
    expect(problemIds(r)).toContain('url.host_mismatch')
  })
  it('user@github.com%2f@evil.example is refused for its userinfo and its host', () => {
    const ids = problemIds(
      validateRemoteUrl('https://user@github.com%2f@evil.example/', { ...opts, accountHost: 'github.com' }),
    )
    expect(ids).toEqual(['url.userinfo_suspicious', 'url.host_mismatch'])
  })
  it('internationalised hosts are shown in punycode with a warning', () => {
    const r = validateRemoteUrl('https://gіthub.com/o/r', opts)
    expect(r.ok && r.host).toMatch(/^xn--/)
    expect(noticeIds(r)).toContain('url.idn_host')
  })
  it.each([
    ['github.com', 'github.com', true],
    ['github.com', 'GitHub.COM', true],
    ['github.com', 'github.com:443', true],
    ['gitea.example.com:8443', 'gitea.example.com:8443', true],
    ['bücher.example', 'xn--bcher-kva.example', true],
    ['github.com', 'github.com.', false],
    ['github.com', 'github.com.evil.example', false],
    ['github.com', 'evilgithub.com', false],
    ['github.com', 'gіthub.com', false],
    ['github.com', 'xn--gthub-n4a.com', false],
    ['github.com', 'github.com:8443', false],
    ['gitea.example.com', 'gitea.example.com:8443', false],
    ['github.com', 'github.com\r', false],
    ['github.com', ' github.com', false],
    ['github.com', 'user@github.com', false],
    ['github.com', 'github.com/x', false],
    ['', '', false],
  ])('hostMatches(%j, %j) = %s', (a, b, want) => {
    expect(hostMatches(a, b)).toBe(want)
  })
})

describe('valid remotes are normalised and read by their provider', () => {
  it('lowercases the host, drops query/fragment, keeps the path', () => {
    const r = validateRemoteUrl('  https://GitHub.com/Octo/Hello.git  ', {
      ...opts,
      accountHost: 'github.com',
    })
    expect(r).toMatchObject({
      ok: true,
      url: 'https://github.com/Octo/Hello.git',
      host: 'github.com',
      port: null,
      path: '/Octo/Hello.git',
      transport: 'https',
      providerGuess: { provider: 'github', confidence: 'known_host' },
    })
    expect(noticeIds(r)).toEqual(['url.surrounding_whitespace'])
    expect(r.ok ? r.remote : null).toMatchObject({
      owner: 'Octo',
      repo: 'Hello',
      cloneUrl: 'https://github.com/Octo/Hello.git',
    })
  })
  it('drops a default port, keeps another', () => {
    expect(validateRemoteUrl('https://github.com:443/o/r.git', opts)).toMatchObject({
      ok: true,
      port: null,
      url: 'https://github.com/o/r.git',
    })
    expect(validateRemoteUrl('ssh://git@bb.corp.example:7999/p/r.git', opts)).toMatchObject({
      ok: true,
      port: 7999,
      url: 'ssh://git@bb.corp.example:7999/p/r.git',
    })
    expect(validateRemoteUrl('https://git.example.com:8443/o/r.git', opts)).toMatchObject({
      ok: true,
      port: 8443,
      url: 'https://git.example.com:8443/o/r.git',
    })
  })
  it('refuses web-UI URLs with the clone URL to use', () => {
    for (const [url, clone] of [
      ['https://github.com/o/r/tree/main', 'https://github.com/o/r.git'],
      ['https://gitlab.com/g/s/p/-/merge_requests/1', 'https://gitlab.com/g/s/p.git'],
      ['https://bb.corp.example/projects/PRJ/repos/app/browse', 'https://bb.corp.example/scm/prj/app.git'],
      [
        'https://dev.azure.com/org/proj/_git/repo?path=/README.md',
        'https://dev.azure.com/org/proj/_git/repo',
      ],
    ] as const) {
      const r = validateRemoteUrl(url, opts)
      expect(problemIds(r)).toEqual(['url.web_ui'])
      expect(r.ok ? null : r.problems[0]?.suggestedUrl).toBe(clone)
    }
  })
  it('passes provider notices through (Azure .git and spaces)', () => {
    const r = validateRemoteUrl('https://dev.azure.com/org/My Project/_git/repo.git', opts)
    expect(r.ok).toBe(true)
    expect(noticeIds(r)).toEqual(['url.azure_dot_git', 'url.unencoded_space'])
    expect(r.ok ? r.url : null).toBe('https://dev.azure.com/org/My%20Project/_git/repo.git')
  })
  it('refuses dot segments and non-repository paths of known providers', () => {
    expect(problemIds(validateRemoteUrl('https://github.com/good/../evil/r.git', opts))).toContain(
      'url.dot_segment',
    )
    expect(problemIds(validateRemoteUrl('https://github.com/%2e%2e/r.git', opts))).toContain(
      'url.dot_segment',
    )
    expect(problemIds(validateRemoteUrl('https://github.com/octo', opts))).toEqual(['url.not_a_repository'])
  })
  it('accepts an unknown host as a plain git server, with a notice', () => {
    const r = validateRemoteUrl('https://git.example.com/repos/app.git', opts)
    expect(r).toMatchObject({ ok: true, providerGuess: null, remote: null })
    expect(noticeIds(r)).toEqual(['url.unknown_provider'])
  })
  it("reads an unknown host with the bound account's provider", () => {
    const r = validateRemoteUrl('https://git.example.com/gl/team/app.git', {
      ...opts,
      provider: 'gitlab',
      pathPrefix: 'gl',
      accountHost: 'git.example.com',
    })
    expect(r.ok ? r.remote : null).toMatchObject({
      provider: 'gitlab',
      owner: 'team',
      repo: 'app',
      pathPrefix: 'gl',
    })
  })
  it('refuses over-long input and bad ports', () => {
    expect(problemIds(validateRemoteUrl(`https://github.com/o/${'r'.repeat(2000)}`, opts))).toEqual([
      'url.too_long',
    ])
    expect(problemIds(validateRemoteUrl('https://github.com:99999/o/r', opts))).toEqual(['url.bad_port'])
    expect(problemIds(validateRemoteUrl('https://git hub.com/o/r', opts))).toEqual(['url.bad_host'])
  })
})
