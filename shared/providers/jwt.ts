import { decodeBase64, utf8Decode } from '../logic/base-n'

/**
 * Reads the claims of a JWT without verifying it (providers.md §0 rule 12: the `exp` claim is
 * readable offline, the signature is not checkable). Only time and issuer claims are kept.
 */

/** The claims GitKeys keeps: expiry, issue time (as ISO instants) and the issuer. */
export type JwtClaims = {
  readonly expiresAt: string | null
  readonly issuedAt: string | null
  readonly issuer: string | null
}

/** The JWT compact shape: three base64url parts, the first starting `eyJ` (`{"`). */
export const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

const instant = (v: unknown): string | null =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1e11 ? new Date(v * 1000).toISOString() : null

/** Decodes a JWT payload's time and issuer claims; null when it is not a JWT with a JSON object payload. */
export function readJwtClaims(token: string): JwtClaims | null {
  if (!JWT_SHAPE.test(token)) return null
  const payload = decodeBase64(token.split('.')[1] ?? '', 'url')
  if (!payload) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8Decode(payload))
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const claims = parsed as Record<string, unknown>
  const iss = typeof claims.iss === 'string' ? claims.iss.slice(0, 200) : null
  return { expiresAt: instant(claims.exp), issuedAt: instant(claims.iat), issuer: iss }
}
