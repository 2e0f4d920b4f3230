import type { IncomingHttpHeaders } from 'node:http'
import { parseAuthorization, type Presented } from '../git-server/auth-rules'
import type { WireReply } from '../git-server/provider-texts'
import type { AzureBadCredentials, CredentialSpec, Flavor, RequestRecord } from '../git-server/types'

/** One API request, already split from its path prefix. */
export type ApiRequest = {
  readonly method: string
  /** Path after the server's prefix, e.g. `/api/v4/user`. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly origin: string
  readonly presented: Presented
}

/** What every emulator knows beyond the request. */
export type ApiSetup = {
  readonly flavor: Flavor
  readonly credentials: readonly CredentialSpec[]
  /** Repository names the provider has (`acme/widgets`). */
  readonly repos: readonly string[]
  readonly azureBadCredentials: AzureBadCredentials
  /** Product version reported by Gitea `/version` and Bitbucket DC application-properties. */
  readonly version: string | undefined
}

/** An answer plus what the record should say about it. */
export type ApiAnswer = WireReply & { readonly outcome: string; readonly credentialIndex: number | null }

/** The record fields an API request fills in. */
export type ApiRecordFields = Pick<
  RequestRecord,
  'authScheme' | 'username' | 'passwordMatched' | 'credentialIndex' | 'outcome'
>

/** A JSON answer with the usual content type. */
export function json(
  status: number,
  body: unknown,
  outcome: string,
  credentialIndex: number | null,
  headers: Record<string, string | string[]> = {},
): ApiAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    outcome,
    credentialIndex,
  }
}

/** The credential a secret belongs to, if any. */
export function lookup(
  creds: readonly CredentialSpec[],
  secret: string | undefined,
): { index: number; cred: CredentialSpec } | null {
  if (secret === undefined || secret === '') return null
  const index = creds.findIndex((c) => c.token === secret)
  const cred = creds[index]
  return cred ? { index, cred } : null
}

/** The secret carried by Bearer/token or the password half of Basic. */
export function secretOf(p: Presented): string | undefined {
  return p.scheme === 'bearer' || p.scheme === 'basic' ? p.secret : undefined
}

/** A stable numeric id derived from a string (fixture user ids). */
export function idOf(s: string): number {
  let h = 7
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) % 9_000_000
  return 1_000_000 + h
}

/** A stable UUID-shaped id derived from a string. */
export function uuidOf(s: string): string {
  const hex = idOf(s).toString(16).padStart(8, '0').repeat(4)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Re-exported so emulators parse Authorization exactly as the git server does. */
export { parseAuthorization }
