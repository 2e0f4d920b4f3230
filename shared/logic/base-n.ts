/**
 * Positional encoders used by token checksums (base62 for GitHub and Azure, base36 for GitLab) and
 * the base64 / UTF-8 codecs the token and URL checks need; shared/ has neither `atob` nor
 * `TextDecoder` in its type environment, and these stay exact on malformed input.
 */

/** Digits, then upper case, then lower case: the alphabet of GitHub and Microsoft's base62. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** Digits then lower case: GitLab's base36 (Ruby `Integer#to_s(36)`). */
export const BASE36_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const BASE64_STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const BASE64_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function encodeRadix(value: number, alphabet: string, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`)
  const radix = alphabet.length
  let n = value
  let out = ''
  do {
    out = alphabet.charAt(n % radix) + out
    n = Math.floor(n / radix)
  } while (n > 0)
  return out.padStart(width, alphabet.charAt(0))
}

/** `value` in base62 (most significant digit first), left-padded with `0` to `width`. */
export function encodeBase62(value: number, width = 0): string {
  return encodeRadix(value, BASE62_ALPHABET, width)
}

/** `value` in lowercase base36, left-padded with `0` to `width`. */
export function encodeBase36(value: number, width = 0): string {
  return encodeRadix(value, BASE36_ALPHABET, width)
}

/** Parses lowercase base36; null on any other character or an empty string. */
export function decodeBase36(text: string): number | null {
  if (text.length === 0) return null
  let n = 0
  for (const ch of text) {
    const d = BASE36_ALPHABET.indexOf(ch)
    if (d < 0) return null
    n = n * 36 + d
  }
  return Number.isSafeInteger(n) ? n : null
}

/**
 * Base62 text of a byte string read big-endian, keeping each leading zero byte as one `0`
 * (Microsoft.Security.Utilities `Base62.cs`, used by the CASK checksum).
 */
export function encodeBase62Bytes(bytes: Uint8Array): string {
  let zeros = 0
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++
  const digits: number[] = []
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] ?? 0
    for (let j = 0; j < digits.length; j++) {
      const v = (digits[j] ?? 0) * 256 + carry
      digits[j] = v % 62
      carry = Math.floor(v / 62)
    }
    while (carry > 0) {
      digits.push(carry % 62)
      carry = Math.floor(carry / 62)
    }
  }
  let out = '0'.repeat(zeros)
  for (let i = digits.length - 1; i >= 0; i--) out += BASE62_ALPHABET.charAt(digits[i] ?? 0)
  return out
}

/**
 * Decodes base64 (`standard` `+/` or `url` `-_`), padding optional. Null when a character is outside
 * the alphabet, the length is impossible, or leftover bits are not zero (so the encoding is canonical).
 */
export function decodeBase64(text: string, variant: 'standard' | 'url' = 'standard'): Uint8Array | null {
  const alphabet = variant === 'url' ? BASE64_URL : BASE64_STD
  const body = text.replace(/={1,2}$/, '')
  if (body.length % 4 === 1) return null
  if (text.length !== body.length && text.length % 4 !== 0) return null
  const out = new Uint8Array(Math.floor((body.length * 3) / 4))
  let acc = 0
  let bits = 0
  let o = 0
  for (const ch of body) {
    const v = alphabet.indexOf(ch)
    if (v < 0) return null
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >>> bits) & 0xff
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return null
  return out
}

/** Encodes bytes as standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const n = (a << 16) | (b << 8) | c
    out += BASE64_STD.charAt((n >>> 18) & 63) + BASE64_STD.charAt((n >>> 12) & 63)
    out += i + 1 < bytes.length ? BASE64_STD.charAt((n >>> 6) & 63) : '='
    out += i + 2 < bytes.length ? BASE64_STD.charAt(n & 63) : '='
  }
  return out
}

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD, as `TextEncoder` does). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0xfffd
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return Uint8Array.from(out)
}

/** Decodes UTF-8 as the WHATWG Encoding Standard does: each maximal invalid subpart becomes one U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = ''
  let cp = 0
  let seen = 0
  let needed = 0
  let lower = 0x80
  let upper = 0xbf
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (needed === 0) {
      if (b <= 0x7f) {
        out += String.fromCharCode(b)
      } else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1
        cp = b & 0x1f
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0
        if (b === 0xed) upper = 0x9f
        needed = 2
        cp = b & 0xf
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90
        if (b === 0xf4) upper = 0x8f
        needed = 3
        cp = b & 0x7
      } else {
        out += '\ufffd'
      }
      continue
    }
    if (b < lower || b > upper) {
      // The sequence broke off: one U+FFFD for what was read, then this byte starts afresh.
      cp = needed = seen = 0
      lower = 0x80
      upper = 0xbf
      out += '\ufffd'
      i--
      continue
    }
    lower = 0x80
    upper = 0xbf
    cp = (cp << 6) | (b & 0x3f)
    if (++seen === needed) {
      out += String.fromCodePoint(cp)
      cp = needed = seen = 0
    }
  }
  return needed === 0 ? out : `${out}\ufffd`
}
