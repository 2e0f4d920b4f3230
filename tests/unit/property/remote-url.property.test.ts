import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isLoopbackHost } from '@shared/logic/host'
import { validateRemoteUrl, type RemoteUrlOptions } from '@shared/logic/remote-url'
import { findUnsafeCharsDecoded } from '@shared/logic/text-safety'
import { parseRemote, type RemoteContext } from '@shared/providers/remote-parse'
import { lexRemote } from '@shared/providers/url-parts'
import { disguised, injectInto, percentEncode, RUNS, unsafeChar } from './arbitraries'

/**
 * validateRemoteUrl is the gate before git (security.md §8 vectors 16–24): whatever text it accepts,
 * the URL it returns carries no control, bidi or invisible character at any percent-decoding depth,
 * no password, no leading dash, only https/ssh (http on loopback when allowed), and validating it
 * again changes nothing. parseRemote reads back the clone URL it builds.
 */

const SCHEMES = ['https://', 'http://', 'ssh://', 'git+ssh://', 'git://', 'file://', 'HTTPS://', 'ext::', '']
const HOSTS = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'dev.azure.com',
  'ssh.dev.azure.com',
  'acme.visualstudio.com',
  'gitea.acme.example',
  'git.example.com:8443',
  'localhost',
  'localhost:3000',
  '127.0.0.1',
  '127.0.0.1:8080',
  '[::1]',
  '[::1]:9000',
  'xn--gthub-n4a.com',
  'gіthub.com',
  'github.com.evil.example',
  '-oProxyCommand=x',
  'host:99999',
  // IDNA maps these to ASCII: `ｅｘｔ` → `ext`, `ｈｔｔｐｓ` → `https`.
  '\uff45\uff58\uff54',
  '\uff48\uff54\uff54\uff50\uff53',
  '\uff27\uff29\uff34\uff28\uff35\uff22.com',
]
const USERINFO = ['', 'git@', 'alice@', 'user:hunter2@', 'a%40b@', 'x-token-auth:@', 'user:@', '%0a@']
const SEGMENT_CHARS = 'abcXYZ019-_.~ %/#?@:+'

const segment = fc
  .array(fc.constantFrom(...SEGMENT_CHARS), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''))
const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => s.join('/'))

/** URL-shaped text: scheme, userinfo, host, path, sometimes scp-like, sometimes padded or dashed. */
const urlShaped: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SCHEMES),
    fc.constantFrom(...USERINFO),
    fc.oneof(fc.constantFrom(...HOSTS), fc.domain()),
    fc.tuple(fc.constantFrom('', '', '', ':', '//', ':sh -c x'), path).map(([lead, p]) => `${lead}${p}`),
    fc.constantFrom('', '.git', '/', '?ref=x', '#frag'),
    fc.constantFrom('', '', '', '', '', ' ', '-', '\t'),
  )
  .map(([scheme, user, host, p, tail, pad]) =>
    scheme === ''
      ? `${pad}${user}${host.replace(/:\d+$/, '')}:${p}${tail}`
      : `${pad}${scheme}${user}${host}/${p}${tail}`,
  )

/** URL-shaped text with an unsafe character hidden somewhere, raw or percent-encoded once or twice. */
const poisoned = injectInto(urlShaped, disguised(unsafeChar))

function checkAccepted(raw: string, opts: RemoteUrlOptions): void {
  const r = validateRemoteUrl(raw, opts)
  if (!r.ok) return
  expect(findUnsafeCharsDecoded(raw).chars, 'raw input').toEqual([])
  expect(findUnsafeCharsDecoded(r.url).chars, 'returned url').toEqual([])
  expect(r.url.startsWith('-')).toBe(false)
  const lexed = lexRemote(r.url)
  expect(lexed.ok).toBe(true)
  if (lexed.ok) expect(lexed.parts.password).toBeNull()
  if (r.transport === 'http') {
    expect(opts.allowHttpLoopback).toBe(true)
    expect(isLoopbackHost(r.host)).toBe(true)
  } else expect(['https', 'ssh']).toContain(r.transport)
  const again = validateRemoteUrl(r.url, opts)
  expect(again.ok && again.url).toBe(r.url)
}

describe('validateRemoteUrl: what it accepts is safe and stable', () => {
  it.each([true, false])('arbitrary strings (allowHttpLoopback %s)', (allowHttpLoopback) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        checkAccepted(raw, { allowHttpLoopback })
      }),
      RUNS,
    )
  })
  it.each([true, false])('URL-shaped strings (allowHttpLoopback %s)', (allowHttpLoopback) => {
    fc.assert(
      fc.property(urlShaped, (raw) => {
        checkAccepted(raw, { allowHttpLoopback })
      }),
      { numRuns: 1000 },
    )
  })
  it('URL-shaped strings with a control, bidi or invisible character, raw or percent-encoded, are always refused', () => {
    fc.assert(
      fc.property(poisoned, fc.boolean(), (raw, allowHttpLoopback) => {
        checkAccepted(raw, { allowHttpLoopback })
        expect(validateRemoteUrl(raw, { allowHttpLoopback }).ok).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })
  it('a percent-encoded unsafe character anywhere in a good URL is refused', () => {
    const good = 'https://github.com/acme/flags.git'
    fc.assert(
      fc.property(unsafeChar, fc.boolean(), fc.integer({ min: 8, max: good.length }), (c, upper, at) => {
        const url = `${good.slice(0, at)}${percentEncode(c, upper)}${good.slice(at)}`
        expect(validateRemoteUrl(url, { allowHttpLoopback: true }).ok).toBe(false)
      }),
      RUNS,
    )
  })
})

/** Names each provider allows in the place they go, without dot-only names or a trailing `.git`. */
const name = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/)
  .filter((n) => !n.toLowerCase().endsWith('.git') && !n.endsWith('.'))
const spaced = fc
  .tuple(name, fc.option(name, { nil: undefined }))
  .map(([a, b]) => (b === undefined ? a : `${a} ${b}`))

type Case = {
  readonly url: string
  readonly ctx: RemoteContext
  readonly owner: string
  readonly repo: string
}

const kase = (url: string, ctx: RemoteContext, owner: string, repo: string): Case => ({
  url,
  ctx,
  owner,
  repo,
})
const github: RemoteContext = { provider: 'github' }
const gitlab: RemoteContext = { provider: 'gitlab' }
const gitlabUnderRoot: RemoteContext = { provider: 'gitlab', deployment: 'self_hosted', pathPrefix: 'gitlab' }
const bitbucket: RemoteContext = { provider: 'bitbucket' }
const bitbucketDc: RemoteContext = { provider: 'bitbucket', deployment: 'self_hosted' }
const gitea: RemoteContext = { provider: 'gitea' }
const azure: RemoteContext = { provider: 'azure' }
const groups = fc.array(name, { minLength: 1, maxLength: 3 }).map((g) => g.join('/'))

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(name, name).map(([o, r]) => kase(`https://github.com/${o}/${r}.git`, github, o, r)),
  fc.tuple(name, name).map(([o, r]) => kase(`git@github.com:${o}/${r}.git`, github, o, r)),
  fc.tuple(groups, name).map(([g, r]) => kase(`https://gitlab.com/${g}/${r}.git`, gitlab, g, r)),
  fc
    .tuple(groups, name)
    .map(([g, r]) => kase(`https://code.acme.example/gitlab/${g}/${r}`, gitlabUnderRoot, g, r)),
  fc.tuple(name, name).map(([o, r]) => kase(`https://bitbucket.org/${o}/${r}.git`, bitbucket, o, r)),
  fc
    .tuple(name, name)
    .map(([o, r]) => kase(`https://bitbucket.acme.example/scm/${o}/${r}.git`, bitbucketDc, o, r)),
  fc.tuple(name, name).map(([o, r]) => kase(`https://gitea.acme.example/${o}/${r}.git`, gitea, o, r)),
  fc
    .tuple(name, spaced, spaced)
    .map(([org, p, r]) =>
      kase(
        `https://dev.azure.com/${org}/${encodeURIComponent(p)}/_git/${encodeURIComponent(r)}`,
        azure,
        p,
        r,
      ),
    ),
)

describe('parseRemote round-trips owner and repo through its clone URL', () => {
  it('per provider, for generated owner and repo names', () => {
    fc.assert(
      fc.property(cases, ({ url, ctx, owner, repo }) => {
        const first = parseRemote(url, ctx)
        expect(first && { owner: first.owner, repo: first.repo }).toEqual({ owner, repo })
        const again = parseRemote(first?.cloneUrl ?? '', ctx)
        expect(again && { owner: again.owner, repo: again.repo, cloneUrl: again.cloneUrl }).toEqual({
          owner,
          repo,
          cloneUrl: first?.cloneUrl,
        })
        const gate = validateRemoteUrl(first?.cloneUrl ?? '', { allowHttpLoopback: false, ...ctx })
        expect(gate.ok && gate.url).toBe(first?.cloneUrl)
      }),
      { numRuns: 500 },
    )
  })
})
