import type { ErrorCategory } from '@shared/domain/provider'

/** Why a request produced no HTTP answer, in the explainer's categories (the `code` is Node's or ours). */
export type NetFailure = {
  readonly category: ErrorCategory
  /** Node's error code (`ENOTFOUND`, `CERT_HAS_EXPIRED`), or ours (`TIMEOUT`, `PROXY_407`, `CANCELLED`). */
  readonly code: string
  /** One sentence a person can read; never holds a secret (proxy passwords are redacted). */
  readonly message: string
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'])
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
])

/** Node's certificate verification codes (OpenSSL X509_V_ERR_* names and Node's own). */
const CERT =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_CERT|ERR_SSL_|HOSTNAME_MISMATCH|INVALID_CA|X509_|ERR_OSSL)/

/** Where a failure happened, which decides whether a refused connection is the proxy's or the host's. */
export type NetStage = 'proxy' | 'target'

/** Maps a Node network or TLS error to a category and a readable message. */
export function failureOf(e: unknown, stage: NetStage, where: string): NetFailure {
  const code =
    typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
      ? (e as { code: string }).code
      : 'UNKNOWN'
  const detail = e instanceof Error ? (e.message.split('\n')[0]?.slice(0, 200) ?? '') : ''
  if (CERT.test(code))
    return {
      category: 'tls_certificate',
      code,
      message: `The TLS certificate of ${where} was not accepted (${code}). Add the host's CA bundle, or fix the server's certificate.`,
    }
  if (stage === 'proxy')
    return {
      category: 'proxy',
      code,
      message: `The proxy ${where} could not be reached (${code}). Check the proxy address and NO_PROXY.`,
    }
  if (DNS.has(code))
    return {
      category: 'network_dns',
      code,
      message: `The host name of ${where} could not be resolved (${code}). Check the name, DNS, or whether a proxy is needed.`,
    }
  if (UNREACHABLE.has(code))
    return {
      category: 'network_dns',
      code,
      message: `${where} could not be reached (${code}). The host may be down, firewalled, or only reachable through a proxy.`,
    }
  return {
    category: 'other',
    code,
    message: `The request to ${where} failed (${code}${detail ? `: ${detail}` : ''}).`,
  }
}

/** A request that got no answer within its time limit. */
export function timeoutFailure(where: string, ms: number, viaProxy: boolean): NetFailure {
  return {
    category: 'network_dns',
    code: 'TIMEOUT',
    message: `${where} did not answer within ${Math.round(ms / 100) / 10} s${viaProxy ? ' (through the proxy)' : ''}. The host may be unreachable or behind a proxy.`,
  }
}

/** The proxy refused the tunnel (407 needs credentials; anything else is the proxy's refusal). */
export function connectFailure(status: number, proxy: string, target: string): NetFailure {
  if (status === 407)
    return {
      category: 'proxy',
      code: 'PROXY_407',
      message: `The proxy ${proxy} requires authentication (407). Put user:password in the proxy URL.`,
    }
  return {
    category: 'proxy',
    code: `PROXY_${status}`,
    message: `The proxy ${proxy} refused to connect to ${target} (HTTP ${status}).`,
  }
}
