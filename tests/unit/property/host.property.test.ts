import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeHost } from '@shared/logic/host'
import { hostKey } from '@shared/providers/remote-helpers'
import { hostMatches, lexRemote, normalizeHostPort } from '@shared/providers/url-parts'
import { RUNS } from './arbitraries'

/**
 * The credential broker sends a token only where `hostMatches(account.host, url host)` (security.md
 * §8 vector 24). Look-alikes must never match; spellings of the same host must; and the normalisers
 * behind it are idempotent and agree, so an account created from a typed host matches its own URLs.
 */

const KNOWN = ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com', 'gitea.acme.example', 'ghe.corp']
const accountHost = fc.oneof(fc.constantFrom(...KNOWN), fc.domain())

/** Latin letters and the Cyrillic letters that look the same. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  x: '\u0445',
  y: '\u0443',
  i: '\u0456',
  s: '\u0455',
  j: '\u0458',
  h: '\u04bb',
}

/** A host that differs from `host` in a way that names another machine (or another port). */
function lookalike(host: string): fc.Arbitrary<string> {
  const swappable = [...host].flatMap((c, i) => (HOMOGLYPHS[c] ? [i] : []))
  const homoglyph =
    swappable.length === 0
      ? fc.constant(`${host}\u0430`)
      : fc.constantFrom(...swappable).map((i) => {
          const c = host.charAt(i)
          return `${host.slice(0, i)}${HOMOGLYPHS[c] ?? c}${host.slice(i + 1)}`
        })
  return fc.oneof(
    fc.constantFrom(`${host}.evil.example`, `${host}x`, `${host}-mirror.net`, `${host}.`),
    fc.constantFrom(`evil${host}`, `evil.${host}`, `x-${host}`, `www.${host}`),
    fc.constantFrom(`${host}@evil.example`, `evil.example@${host}`, `${host}%2eevil.example`),
    fc.constantFrom(`${host}:8443`, `${host}:22`, `${host}:444`),
    homoglyph,
    fc.constantFrom(`xn--${host}`, host.replace(/\./, '')),
  )
}

/** Spellings of the same host: any letter case, the default https port written out. */
function sameHost(host: string): fc.Arbitrary<string> {
  return fc.tuple(fc.mixedCase(fc.constant(host)), fc.boolean()).map(([h, port]) => (port ? `${h}:443` : h))
}

describe('hostMatches: look-alikes never match an account host', () => {
  it('suffix, prefix, userinfo, port, homoglyph and punycode look-alikes are refused', () => {
    fc.assert(
      fc.property(
        accountHost.chain((h) => fc.tuple(fc.constant(h), lookalike(h))),
        ([host, fake]) => {
          expect(hostMatches(host, fake)).toBe(false)
          expect(normalizeHostPort(fake) === normalizeHostPort(host)).toBe(false)
        },
      ),
      { numRuns: 1000 },
    )
  })
  it('spellings of the same host match, and only when they normalise equal', () => {
    fc.assert(
      fc.property(
        accountHost.chain((h) => fc.tuple(fc.constant(h), sameHost(h))),
        ([host, spelling]) => {
          expect(hostMatches(host, spelling)).toBe(true)
        },
      ),
      RUNS,
    )
  })
  it('for any two strings, a match means equal after normalisation', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        if (hostMatches(a, b)) expect(normalizeHostPort(a)).toBe(normalizeHostPort(b))
        expect(hostMatches(a, b)).toBe(hostMatches(b, a))
      }),
      RUNS,
    )
  })
})

/** Typed host text: known and random names in random case, unicode, numeric IPv4 forms, IPv6, ports, junk. */
const typedHost = fc.oneof(
  fc.mixedCase(accountHost),
  fc.tuple(accountHost, fc.integer({ min: 1, max: 65535 })).map(([h, p]) => `${h}:${p}`),
  fc.constantFrom(
    'GitHub.COM',
    'bücher.example',
    'ＧＩＴＨＵＢ.com',
    'git。hub.com',
    '0x7f.1',
    '2130706433',
    '127.1',
    '[::1]',
    '[0:0:0:0:0:0:0:1]:8443',
    'a..b',
    '-a.com',
    'a_b.example',
    'host:0',
    'host:65536',
  ),
  fc.string({ unit: 'binary', maxLength: 24 }),
)

describe('host normalisation', () => {
  it('normalizeHostPort and normalizeHost are idempotent', () => {
    fc.assert(
      fc.property(typedHost, (text) => {
        const a = normalizeHostPort(text)
        if (a !== null) expect(normalizeHostPort(a)).toBe(a)
        const b = normalizeHost(text)
        if (b !== null) expect(normalizeHost(b)).toBe(b)
      }),
      { numRuns: 1000 },
    )
  })
  it('an account host (normalizeHost) is already in the form hostMatches compares, and matches its own URLs', () => {
    fc.assert(
      fc.property(typedHost, (text) => {
        const host = normalizeHost(text)
        if (host === null) return
        expect(normalizeHostPort(host)).toBe(host)
        const lexed = lexRemote(`https://${host}/acme/flags.git`)
        expect(lexed.ok && hostMatches(host, hostKey(lexed.parts))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
