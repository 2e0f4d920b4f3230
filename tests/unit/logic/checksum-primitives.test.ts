import { crc32 as zlibCrc32 } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BASE62_ALPHABET,
  decodeBase36,
  decodeBase64,
  encodeBase36,
  encodeBase62,
  encodeBase62Bytes,
  encodeBase64,
  utf8Decode,
  utf8Encode,
} from '@shared/logic/base-n'
import { crc32Ascii, crc32Bytes } from '@shared/logic/crc32'
import { MARVIN_DEFAULT_SEED, marvin32 } from '@shared/logic/marvin32'

describe('crc32 (IEEE, zlib)', () => {
  it('matches the standard check values', () => {
    expect(crc32Ascii('')).toBe(0)
    expect(crc32Ascii('123456789')).toBe(0xcbf43926)
    expect(crc32Ascii('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339)
    expect(crc32Ascii('ATBBTestOnlyNotARealSecret01')).toBe(0xa7644473)
  })
  it('agrees with node:zlib on random bytes and ASCII', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => crc32Bytes(bytes) === zlibCrc32(bytes)),
    )
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii', maxLength: 200 }),
        (s) => crc32Ascii(s) === zlibCrc32(Buffer.from(s, 'latin1')),
      ),
    )
  })
})

describe('base62 / base36', () => {
  it('encodes with digits, upper, lower (GitHub) and pads on the left', () => {
    expect(BASE62_ALPHABET).toHaveLength(62)
    expect([encodeBase62(0), encodeBase62(61), encodeBase62(62), encodeBase62(0xffffffff)]).toEqual([
      '0',
      'z',
      '10',
      '4gfFC3',
    ])
    expect(encodeBase62(76552135, 6)).toBe('05BChr')
    expect(encodeBase36(0x121c69bc, 7)).toBe('050wloc')
    expect(encodeBase36(44, 2)).toBe('18')
    expect(() => encodeBase62(-1)).toThrow(RangeError)
  })
  it('decodes base36 and refuses other characters', () => {
    expect([decodeBase36('rz'), decodeBase36('9k'), decodeBase36('0')]).toEqual([1007, 344, 0])
    expect([decodeBase36(''), decodeBase36('A'), decodeBase36('-1')]).toEqual([null, null, null])
    fc.assert(fc.property(fc.nat(), (n) => decodeBase36(encodeBase36(n)) === n))
  })
  it('encodes byte strings like Microsoft Base62 (leading zero bytes kept)', () => {
    expect(encodeBase62Bytes(Uint8Array.from([0, 0, 1]))).toBe('001')
    expect(encodeBase62Bytes(Uint8Array.from([0x4d, 0x29, 0xc4, 0x68]))).toBe(encodeBase62(0x4d29c468))
  })
})

describe('base64 and UTF-8 codecs', () => {
  it('round-trip with Buffer in both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const std = Buffer.from(bytes).toString('base64')
        const url = Buffer.from(bytes).toString('base64url')
        return (
          encodeBase64(bytes) === std &&
          Buffer.from(decodeBase64(std) ?? []).equals(Buffer.from(bytes)) &&
          Buffer.from(decodeBase64(url, 'url') ?? []).equals(Buffer.from(bytes))
        )
      }),
    )
  })
  it('refuses foreign characters, impossible lengths and non-canonical tails', () => {
    expect(decodeBase64('a-b_', 'standard')).toBeNull()
    expect(decodeBase64('ab+/', 'url')).toBeNull()
    expect(decodeBase64('abcde')).toBeNull()
    expect(decodeBase64('QR==')).toBeNull()
    expect(decodeBase64('QQ==')).toEqual(Uint8Array.from([0x41]))
  })
  it('UTF-8 matches TextEncoder/TextDecoder, including invalid input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) =>
        Buffer.from(utf8Encode(s)).equals(Buffer.from(new TextEncoder().encode(s))),
      ),
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (b) => utf8Decode(b) === new TextDecoder().decode(b)),
    )
  })
})

/** An independent Marvin32 written from the .NET reference (switch on the tail length, DataView reads). */
function marvinReference(data: Uint8Array, seedLow: number, seedHigh: number): number {
  let p0 = seedLow >>> 0
  let p1 = seedHigh >>> 0
  const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0
  const block = (): void => {
    p1 = (p1 ^ p0) >>> 0
    p0 = rotl(p0, 20)
    p0 = (p0 + p1) >>> 0
    p1 = rotl(p1, 9)
    p1 = (p1 ^ p0) >>> 0
    p0 = rotl(p0, 27)
    p0 = (p0 + p1) >>> 0
    p1 = rotl(p1, 19)
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  let i = 0
  for (; i + 4 <= data.length; i += 4) {
    p0 = (p0 + view.getUint32(i, true)) >>> 0
    block()
  }
  let final: number
  switch (data.length - i) {
    case 0:
      final = 0x80
      break
    case 1:
      final = 0x8000 | view.getUint8(i)
      break
    case 2:
      final = 0x800000 | view.getUint16(i, true)
      break
    default:
      final = (0x80000000 | (view.getUint8(i + 2) << 16) | view.getUint16(i, true)) >>> 0
  }
  p0 = (p0 + final) >>> 0
  block()
  block()
  return (p0 ^ p1) >>> 0
}

describe('Marvin32 (providers.md §1.4)', () => {
  const b64 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'base64'))
  it('verifies the two keys of providers.md', () => {
    const ado = `TestOnlyNotARealAzureDevOpsPersonalAccessTokenXyz012JQQJ99AG${'A'.repeat(16)}AZDO`
    expect(marvin32(b64(ado))).toBe(0x68c4294d)
    const bench = marvin32(b64(`${'A'.repeat(52)}JQQJ99AG${'A'.repeat(16)}ABCD`))
    expect(Buffer.from([bench & 255, (bench >>> 8) & 255, (bench >>> 16) & 255]).toString('base64')).toBe(
      'TZJ9',
    )
  })
  it('uses the "Default0" seed read big-endian', () => {
    expect(Buffer.from('Default0').readBigUInt64BE()).toBe(
      (BigInt(MARVIN_DEFAULT_SEED.high) << 32n) | BigInt(MARVIN_DEFAULT_SEED.low),
    )
  })
  it('agrees with an independent implementation for every tail length and seed', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 70 }),
        fc.nat(0xffffffff),
        fc.nat(0xffffffff),
        (bytes, low, high) => {
          return marvin32(bytes, { low, high }) === marvinReference(bytes, low, high)
        },
      ),
      { numRuns: 300 },
    )
  })
})
