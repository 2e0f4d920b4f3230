import { utf8Decode } from './base-n'

/**
 * Characters that must never reach git, a terminal or a credential helper from a user-typed value:
 * they split protocol lines (CVE-2020-5260, CVE-2024-52006, CVE-2025-23040) or make text read
 * differently than it runs (Trojan Source, CVE-2021-42574). Checked raw and after percent-decoding,
 * repeatedly, so double encoding (`%250d`) does not slip through (security.md §8 vectors 16–18, 33, 39).
 */

/** Which family an unsafe character belongs to. */
export type UnsafeCharKind =
  'c0_control' | 'delete' | 'c1_control' | 'line_separator' | 'bidi_control' | 'invisible'

/** One unsafe character: where it is in the checked text, its code point and its family. */
export type UnsafeChar = {
  readonly index: number
  readonly codePoint: number
  readonly kind: UnsafeCharKind
  /** `U+000D` style, safe to show. */
  readonly label: string
}

/** Bidirectional formatting characters (Unicode TR9): embeddings/overrides, isolates and marks. */
const BIDI = new Set([
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
])
/** Zero-width characters that make two different strings look the same. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff])

/** The family of a code point, or null when it is harmless. */
export function unsafeKind(codePoint: number): UnsafeCharKind | null {
  if (codePoint < 0x20) return 'c0_control'
  if (codePoint === 0x7f) return 'delete'
  if (codePoint >= 0x80 && codePoint <= 0x9f) return 'c1_control'
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'line_separator'
  if (BIDI.has(codePoint)) return 'bidi_control'
  if (INVISIBLE.has(codePoint)) return 'invisible'
  return null
}

const label = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

/** Every unsafe character in `text` as written (no decoding). */
export function findUnsafeChars(text: string): readonly UnsafeChar[] {
  const found: UnsafeChar[] = []
  let index = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    const kind = unsafeKind(cp)
    if (kind) found.push({ index, codePoint: cp, kind, label: label(cp) })
    index += ch.length
  }
  return found
}

/** True when `text` has no unsafe character as written. */
export function isSafeText(text: string): boolean {
  return findUnsafeChars(text).length === 0
}

/**
 * Decodes `%XX` escapes once: bytes are collected and read as UTF-8 (invalid sequences become
 * U+FFFD); a `%` not followed by two hex digits stays as it is.
 */
export function percentDecodeOnce(text: string): string {
  if (!text.includes('%')) return text
  let out = ''
  let bytes: number[] = []
  const flush = (): void => {
    if (bytes.length > 0) out += utf8Decode(Uint8Array.from(bytes))
    bytes = []
  }
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3)
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      flush()
      out += text[i] ?? ''
    }
  }
  flush()
  return out
}

/** What {@link findUnsafeCharsDecoded} reports: the characters and how many decoding rounds exposed them. */
export type DecodedUnsafe = { readonly chars: readonly UnsafeChar[]; readonly round: number }

/**
 * Unsafe characters found raw (round 0) or after 1..`maxRounds` rounds of percent-decoding; the
 * first round that exposes any wins. Empty `chars` means the text is clean at every depth.
 */
export function findUnsafeCharsDecoded(text: string, maxRounds = 4): DecodedUnsafe {
  let current = text
  for (let round = 0; round <= maxRounds; round++) {
    const chars = findUnsafeChars(current)
    if (chars.length > 0) return { chars, round }
    const next = percentDecodeOnce(current)
    if (next === current) break
    current = next
  }
  return { chars: [], round: 0 }
}

/** Describes unsafe characters for a person: "a carriage return (U+000D)". */
export function describeUnsafe(chars: readonly UnsafeChar[]): string {
  const names: Record<UnsafeCharKind, string> = {
    c0_control: 'a control character',
    delete: 'a DEL character',
    c1_control: 'a C1 control character',
    line_separator: 'a Unicode line separator',
    bidi_control: 'a bidirectional-text control',
    invisible: 'an invisible zero-width character',
  }
  const special: Record<number, string> = {
    0x0a: 'a line feed',
    0x0d: 'a carriage return',
    0x00: 'a NUL byte',
    0x09: 'a tab',
  }
  const seen = new Set<number>()
  const parts: string[] = []
  for (const c of chars) {
    if (seen.has(c.codePoint)) continue
    seen.add(c.codePoint)
    parts.push(`${special[c.codePoint] ?? names[c.kind]} (${c.label})`)
  }
  return parts.join(', ')
}
