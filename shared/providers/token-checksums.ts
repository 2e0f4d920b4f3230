import {
  decodeBase36,
  decodeBase64,
  encodeBase36,
  encodeBase62,
  encodeBase62Bytes,
  encodeBase64,
  utf8Decode,
} from '../logic/base-n'
import { crc32Ascii } from '../logic/crc32'
import { marvin32 } from '../logic/marvin32'

/**
 * The offline integrity checks of providers.md §1, each verified there against published vectors:
 * GitHub CRC32→base62, GitLab routable CRC32→base36 with its routing payload, Atlassian CRC32→hex,
 * Bitbucket DC base64 structure and the Azure DevOps (CASK) Marvin32 checksum. Callers check the
 * shape first; these functions only compute.
 */

/** GitHub 40-char tokens: CRC32 of the 30 random chars (prefix excluded), base62, padded to 6 (§1.1). */
export function githubChecksumValid(token: string): boolean {
  if (token.length !== 40) return false
  return encodeBase62(crc32Ascii(token.slice(4, 34)), 6) === token.slice(34)
}

/** The 6-char GitHub checksum a 30-char random part should end with (used by generators and tests). */
export function githubChecksumFor(random30: string): string {
  return encodeBase62(crc32Ascii(random30), 6)
}

/** GitLab routable token layouts (§1.2). */
export type GitlabLayout = 'v1' | 'unversioned'

/** What a GitLab routable token's tail and payload say. */
export type GitlabRoutable = {
  readonly crcValid: boolean
  readonly layout: GitlabLayout
  /** Everything before the base64 payload: optional instance prefix plus the type prefix (`glpat-`). */
  readonly prefix: string
  /** Decoded routing fields (`c`, `g`, `o`, `p`, `u`, `t` → values in decimal), when the payload parses. */
  readonly routing: Readonly<Record<string, string>> | null
}

/** The tail pattern of a routable token: `.<L2><CRC7>` or `.01.<L2><CRC7>`. */
export const GITLAB_ROUTABLE_TAIL = /\.(?:(01)\.)?([0-9a-z]{2})([0-9a-z]{7})$/

/** The CRC7 a GitLab routable head (everything before the CRC) should be followed by. */
export function gitlabCrcFor(head: string): string {
  return encodeBase36(crc32Ascii(head), 7)
}

function parseRouting(bytes: Uint8Array): Readonly<Record<string, string>> | null {
  const text = utf8Decode(bytes)
  const lines = text.split('\n')
  const out: Record<string, string> = {}
  for (const line of lines) {
    const m = /^([a-z]):([0-9a-z]+)$/.exec(line)
    if (!m) return null
    const key = m[1] ?? ''
    const value = m[2] ?? ''
    const n = decodeBase36(value)
    out[key] = n === null ? value : String(n)
  }
  return 'o' in out || 'c' in out ? out : null
}

/** Decodes the payload bytes in either generator layout, trying the one the version field suggests first. */
function routingOf(raw: Uint8Array, layout: GitlabLayout): Readonly<Record<string, string>> | null {
  const v1 = (): Readonly<Record<string, string>> | null => {
    const len = raw[raw.length - 1] ?? -1
    return raw.length === 16 + len + 1 ? parseRouting(raw.slice(16, 16 + len)) : null
  }
  const legacy = (): Readonly<Record<string, string>> | null =>
    raw.length > 17 && raw[raw.length - 1] === 16 ? parseRouting(raw.slice(0, raw.length - 17)) : null
  return layout === 'v1' ? (v1() ?? legacy()) : (legacy() ?? v1())
}

/** Checks a GitLab routable token's CRC7 (over every char before it) and decodes its routing payload. Null when the tail does not fit. */
export function checkGitlabRoutable(token: string): GitlabRoutable | null {
  const tail = GITLAB_ROUTABLE_TAIL.exec(token)
  if (!tail) return null
  const head = token.slice(0, -7)
  const crcValid = gitlabCrcFor(head) === tail[3]
  const layout: GitlabLayout = tail[1] === '01' ? 'v1' : 'unversioned'
  const n = decodeBase36(tail[2] ?? '')
  const body = token.slice(0, tail.index)
  if (n === null || n === 0 || n > body.length) return { crcValid, layout, prefix: body, routing: null }
  const b64 = body.slice(body.length - n)
  const raw = decodeBase64(b64, 'url')
  return {
    crcValid,
    layout,
    prefix: body.slice(0, body.length - n),
    routing: crcValid && raw ? routingOf(raw, layout) : null,
  }
}

/** Undoes the `=` escapes Atlassian tokens pick up in configs and URLs (`%3D`, `\=`). */
export function unescapeAtlassian(token: string): string {
  return token.replace(/%3D/gi, '=').replace(/\\=/g, '=')
}

/** Atlassian ATATT/ATCTT/ATBB: CRC32 of everything before the last 8 chars as 8 uppercase hex (§1.3). */
export function atlassianChecksumValid(token: string): boolean {
  const tail = token.slice(-8)
  if (!/^[0-9A-F]{8}$/.test(tail)) return false
  return crc32Ascii(token.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0') === tail
}

/** The 8 uppercase hex digits an Atlassian token head should be followed by. */
export function atlassianChecksumFor(head: string): string {
  return crc32Ascii(head).toString(16).toUpperCase().padStart(8, '0')
}

/** Bitbucket DC `BBDC-` tokens: the 44-char std-base64 body decodes to 33 bytes `<12 ASCII digits>:<20 bytes>` (§1.3). */
export function bbdcStructureValid(token: string): boolean {
  const body = token.slice(5)
  if (!token.startsWith('BBDC-') || body.length !== 44) return false
  const raw = decodeBase64(body, 'standard')
  if (!raw || raw.length !== 33 || raw[12] !== 0x3a) return false
  for (let i = 0; i < 12; i++) {
    const b = raw[i] ?? 0
    if (b < 0x30 || b > 0x39) return false
  }
  return true
}

/** Both checksum spellings Microsoft's validator accepts for a CASK key's first 80 chars (§1.4). */
export function azureChecksumsFor(
  first80: string,
): { readonly base64: string; readonly base62: string } | null {
  const bytes = decodeBase64(first80, 'standard')
  if (!bytes || bytes.length !== 60) return null
  const m = marvin32(bytes)
  const le = Uint8Array.from([m & 0xff, (m >>> 8) & 0xff, (m >>> 16) & 0xff, (m >>> 24) & 0xff])
  return { base64: encodeBase64(le.slice(0, 3)), base62: encodeBase62Bytes(le).padEnd(6, '0').slice(0, 4) }
}

/** Which checksum spelling an 84-char CASK key carries, or null when neither matches (reported as "unknown"). */
export function azureChecksumEncoding(token: string): 'base64' | 'base62' | null {
  if (token.length !== 84) return null
  const sums = azureChecksumsFor(token.slice(0, 80))
  const tail = token.slice(80)
  if (!sums) return null
  return tail === sums.base64 ? 'base64' : tail === sums.base62 ? 'base62' : null
}

/** The creation month a new-format ADO PAT encodes at offsets 58–59 (`A`=2024, month `A`–`L`), e.g. `2024-07`. */
export function azureCreationMonth(token: string): string | null {
  const year = token.charCodeAt(58) - 65
  const month = token.charCodeAt(59) - 65
  if (year < 0 || year > 25 || month < 0 || month > 11) return null
  return `${2024 + year}-${String(month + 1).padStart(2, '0')}`
}
