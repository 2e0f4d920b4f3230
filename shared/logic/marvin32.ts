/**
 * Marvin32, the keyed hash Microsoft uses for the checksum of CASK keys such as 84-char Azure DevOps
 * PATs (providers.md §1.4; microsoft/security-utilities `Marvin.Net5.cs`). 32-bit arithmetic only.
 */

/** The 64-bit seed made of the ASCII text `Default0` read big-endian (0x44656661756C7430), as two halves. */
export const MARVIN_DEFAULT_SEED: { readonly high: number; readonly low: number } = {
  high: 0x44656661,
  low: 0x756c7430,
}

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0

/**
 * Marvin32 of `bytes` with a 64-bit seed: p0 starts as the seed's low half and p1 as its high half,
 * each little-endian word is added to p0 and mixed, then the 0x80-padded tail is mixed twice.
 * Returns `p0 ^ p1` as an unsigned 32-bit number.
 */
export function marvin32(
  bytes: Uint8Array,
  seed: { readonly high: number; readonly low: number } = MARVIN_DEFAULT_SEED,
): number {
  let p0 = seed.low >>> 0
  let p1 = seed.high >>> 0
  const mix = (): void => {
    p1 = (p1 ^ p0) >>> 0
    p0 = rotl(p0, 20)
    p0 = (p0 + p1) >>> 0
    p1 = rotl(p1, 9)
    p1 = (p1 ^ p0) >>> 0
    p0 = rotl(p0, 27)
    p0 = (p0 + p1) >>> 0
    p1 = rotl(p1, 19)
  }
  const whole = bytes.length - (bytes.length % 4)
  for (let i = 0; i < whole; i += 4) {
    const word =
      ((bytes[i] ?? 0) |
        ((bytes[i + 1] ?? 0) << 8) |
        ((bytes[i + 2] ?? 0) << 16) |
        ((bytes[i + 3] ?? 0) << 24)) >>>
      0
    p0 = (p0 + word) >>> 0
    mix()
  }
  let last = 0x80
  for (let i = bytes.length - 1; i >= whole; i--) last = ((last << 8) | (bytes[i] ?? 0)) >>> 0
  p0 = (p0 + last) >>> 0
  mix()
  mix()
  return (p0 ^ p1) >>> 0
}
