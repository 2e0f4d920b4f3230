import fc from 'fast-check'
import { encodeBase62 } from '@shared/logic/base-n'
import { crc32Ascii } from '@shared/logic/crc32'

/**
 * Generators shared by the property tests: the characters GitKeys must never let through, ways to
 * hide them (raw, percent-encoded once or twice, either hex case), and well-formed tokens whose
 * checksums are computed here from the recipes of providers.md §1 with the CRC and base-n primitives.
 */

/** Every code point `text-safety.ts` must refuse: C0, DEL, C1, line separators, bidi and invisible characters. */
export const UNSAFE_CODE_POINTS: readonly number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0x200e,
  0x200f,
  0x061c,
  0x200b,
  0x200c,
  0x200d,
  0x2060,
  0xfeff,
]

/** One unsafe character. */
export const unsafeChar: fc.Arbitrary<string> = fc
  .constantFrom(...UNSAFE_CODE_POINTS)
  .map((cp) => String.fromCodePoint(cp))

/** `%XX` escapes of a string's UTF-8 bytes, in upper or lower case hex. */
export function percentEncode(text: string, upper: boolean): string {
  const hex = [...new TextEncoder().encode(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
  return upper ? hex.toUpperCase() : hex
}

/** A character as written raw, percent-encoded once, or twice (`%` itself encoded again), in either hex case. */
export function disguised(char: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(char, fc.constantFrom(0, 1, 2), fc.boolean())
    .map(([c, depth, upper]) =>
      depth === 0 ? c : depth === 1 ? percentEncode(c, upper) : percentEncode(c, upper).replace(/%/g, '%25'),
    )
}

/** Inserts `piece` into `text` at a position chosen by the generator. */
export function injectInto(text: fc.Arbitrary<string>, piece: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, piece, fc.nat())
    .map(([t, p, n]) => `${t.slice(0, n % (t.length + 1))}${p}${t.slice(n % (t.length + 1))}`)
}

/** True when a string has no lone surrogate (what can be passed to a process or encoded as UTF-8 unchanged). */
export function wellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** A string of `length` characters from `alphabet`. */
export function fixedString(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length })
    .map((cs) => cs.join(''))
}

/** GitHub 40-char tokens (ghp_, gho_, ghu_, ghs_, ghr_): 30 random base62 chars, then CRC32 of them in base62, padded to 6. */
export const githubToken: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'), fixedString(ALNUM, 30))
  .map(([prefix, random]) => `${prefix}${random}${encodeBase62(crc32Ascii(random), 6)}`)

/** Bitbucket app passwords: `ATBB`, 24 letters/digits, then the CRC32 of all before it as 8 uppercase hex digits. */
export const atbbToken: fc.Arbitrary<string> = fixedString(ALNUM, 24).map((random) => {
  const head = `ATBB${random}`
  return `${head}${crc32Ascii(head).toString(16).toUpperCase().padStart(8, '0')}`
})

/** Tokens of every shape `redact` claims to scrub, with plausible bodies (checksums not needed there). */
export const anyKnownToken: fc.Arbitrary<string> = fc.oneof(
  githubToken,
  atbbToken,
  fixedString(`${ALNUM}_`, 82).map((b) => `github_pat_${b}`),
  fc
    .tuple(
      fc.constantFrom('glpat-', 'glrt-', 'gldt-', 'glcbt-', 'glptt-', 'glft-'),
      fixedString(`${ALNUM}_-`, 20),
    )
    .map(([p, b]) => `${p}${b}`),
  fixedString(`${ALNUM}_-`, 20).map((b) => `GR1348941${b}`),
  fc.tuple(fc.constantFrom('ATATT', 'ATCTT'), fixedString(`${ALNUM}_-`, 180)).map(([p, b]) => `${p}${b}`),
  fixedString(`${ALNUM}+/`, 44).map((b) => `BBDC-${b}`),
  fc
    .tuple(fixedString(ALNUM, 52), fc.constantFrom('9', 'D', 'H'), fixedString(ALNUM, 26))
    .map(([a, v, b]) => `${a}JQQJ9${v}${b}`),
  fc
    .tuple(fixedString(`${ALNUM}_-`, 12), fixedString(`${ALNUM}_-`, 20), fixedString(`${ALNUM}_-`, 30))
    .map(([h, p, s]) => `eyJ${h}.${p}.${s}`),
)

/** A quick run count: enough to find shallow bugs, small enough for the whole folder to stay under 15 s. */
export const RUNS = { numRuns: 300 } as const
