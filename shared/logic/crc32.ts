/**
 * CRC-32 as zlib computes it (IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final
 * XOR 0xFFFFFFFF), table-driven. GitHub, GitLab and Atlassian token checksums are all this CRC
 * (providers.md §1.1–§1.3).
 */

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** The unsigned CRC-32 of bytes. */
export function crc32Bytes(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * The unsigned CRC-32 of an ASCII string (one byte per char, as tokens are). Characters above
 * U+00FF are folded to their low byte, so callers must check the charset first.
 */
export function crc32Ascii(text: string): number {
  let crc = 0xffffffff
  for (let i = 0; i < text.length; i++) {
    crc = (TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8)
  }
  return (crc ^ 0xffffffff) >>> 0
}
