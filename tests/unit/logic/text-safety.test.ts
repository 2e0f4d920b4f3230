import { describe, expect, it } from 'vitest'
import {
  describeUnsafe,
  findUnsafeChars,
  findUnsafeCharsDecoded,
  isSafeText,
  percentDecodeOnce,
  unsafeKind,
} from '@shared/logic/text-safety'

describe('unsafe characters, raw', () => {
  it.each([
    [0x00, 'c0_control'],
    [0x0a, 'c0_control'],
    [0x0d, 'c0_control'],
    [0x1b, 'c0_control'],
    [0x7f, 'delete'],
    [0x85, 'c1_control'],
    [0x9f, 'c1_control'],
    [0x2028, 'line_separator'],
    [0x2029, 'line_separator'],
    [0x202a, 'bidi_control'],
    [0x202e, 'bidi_control'],
    [0x2066, 'bidi_control'],
    [0x2069, 'bidi_control'],
    [0x200e, 'bidi_control'],
    [0x200f, 'bidi_control'],
    [0x061c, 'bidi_control'],
    [0x200b, 'invisible'],
    [0xfeff, 'invisible'],
  ])('U+%s', (cp, kind) => {
    expect(unsafeKind(cp)).toBe(kind)
    expect(isSafeText(`a${String.fromCodePoint(cp)}b`)).toBe(false)
  })
  it.each([0x20, 0x41, 0x7e, 0xa0, 0xe9, 0x0456, 0x1f600])('U+%s is harmless', (cp) => {
    expect(unsafeKind(cp)).toBeNull()
  })
  it('reports index, code point and a readable label', () => {
    expect(findUnsafeChars('ok\r\n')).toEqual([
      { index: 2, codePoint: 13, kind: 'c0_control', label: 'U+000D' },
      { index: 3, codePoint: 10, kind: 'c0_control', label: 'U+000A' },
    ])
    expect(findUnsafeChars('😀\u202e')[0]?.index).toBe(2)
    expect(describeUnsafe(findUnsafeChars('a\r\rb\u202e'))).toBe(
      'a carriage return (U+000D), a bidirectional-text control (U+202E)',
    )
  })
})

describe('percent-decoding', () => {
  it('decodes bytes as UTF-8 and leaves stray % alone', () => {
    expect(percentDecodeOnce('a%20b')).toBe('a b')
    expect(percentDecodeOnce('%E2%80%AE')).toBe('\u202e')
    expect(percentDecodeOnce('100%')).toBe('100%')
    expect(percentDecodeOnce('%zz%4')).toBe('%zz%4')
    expect(percentDecodeOnce('%ff')).toBe('\ufffd')
  })
  it.each([
    ['%0d', 1, 'U+000D'],
    ['%0A', 1, 'U+000A'],
    ['%00', 1, 'U+0000'],
    ['%7f', 1, 'U+007F'],
    ['%C2%85', 1, 'U+0085'],
    ['%E2%80%A8', 1, 'U+2028'],
    ['%E2%81%A6', 1, 'U+2066'],
    ['%250d', 2, 'U+000D'],
    ['%25250a', 3, 'U+000A'],
  ])('finds %s after %i round(s)', (enc, round, label) => {
    const r = findUnsafeCharsDecoded(`https://h/${enc}/x`)
    expect(r.round).toBe(round)
    expect(r.chars.map((c) => c.label)).toEqual([label])
  })
  it('reports raw characters at round 0 and clean text as empty', () => {
    expect(findUnsafeCharsDecoded('a\nb').round).toBe(0)
    expect(findUnsafeCharsDecoded('https://github.com/o/r%20x.git')).toEqual({ chars: [], round: 0 })
  })
})
