import type { ProviderId } from '@shared/domain/provider'
import { redact } from '@shared/logic/redact'
import { apiBaseFor } from '@shared/providers/api-base'
import { checkScopes } from '@shared/providers/scopes'
import type { Logger } from '../logging/logger'
import type { HttpClient } from '../net/http-client'
import type {
  ApiProbeInput,
  ApiProbeResult,
  Exchange,
  ProbeAccount,
  ProbeReading,
  ProviderProbe,
} from './api-probe.types'
import { probeAzure } from './azure.probe'
import { probeBitbucket } from './bitbucket.probe'
import { probeGitea } from './gitea.probe'
import { probeGithub } from './github.probe'
import { probeGitlab } from './gitlab.probe'

export type { ApiProbeInput, ApiProbeResult, ProbeAccount } from './api-probe.types'

const PROBES: Readonly<Record<ProviderId, ProviderProbe>> = {
  github: probeGithub,
  gitlab: probeGitlab,
  bitbucket: probeBitbucket,
  gitea: probeGitea,
  azure: probeAzure,
}

/** Suffixes a configured API URL may leave out; the probes need the REST base itself. */
function withSuffix(url: string, account: ProbeAccount): string {
  const u = url.replace(/\/+$/, '')
  switch (account.provider) {
    case 'gitlab':
      return /\/api\/v4$/.test(u) ? u : `${u}/api/v4`
    case 'gitea':
      return /\/api\/v1$/.test(u) ? u : `${u}/api/v1`
    case 'bitbucket':
      return account.deployment === 'self_hosted' && !/\/rest\/api\/(1\.0|latest)$/.test(u)
        ? `${u}/rest/api/1.0`
        : u
    case 'github':
    case 'azure':
      return u
  }
}

/** The REST base: the account's `apiUrl` when set, else the provider's rule (shared/providers/api-base). */
export function apiBaseOf(account: ProbeAccount): { readonly url: string } | { readonly error: string } {
  if (account.apiUrl) return { url: withSuffix(account.apiUrl, account) }
  const built = apiBaseFor(account)
  return built.ok ? { url: built.url.replace(/\/+$/, '') } : { error: built.reason }
}

/** Adds the scope verdict for the requested use when the API reported the scopes. */
function withScopeCheck(r: ProbeReading, input: ApiProbeInput): ProbeReading {
  if (!input.use || r.authenticated !== true || r.category !== null || r.scopes === null) return r
  const verdict = checkScopes(input.account.provider, input.account.tokenKind, input.use, r.scopes)
  if (verdict.status !== 'missing') return r
  return {
    ...r,
    category: 'insufficient_scope',
    detail: `${r.detail} For ${input.use.replace('_', ' ')} it also needs: ${verdict.missing.join(', ')}.`,
  }
}

/**
 * Online introspection of a token through the provider's API (providers.md §5; issue 5 part 3):
 * validity, login, scopes and expiry where the provider tells them. Optional by design: the result
 * only adds facts. The token goes only to the account's API base, in a header; the result, the
 * logs and the errors never contain it.
 */
export function createApiProber(deps: {
  readonly http: HttpClient
  readonly logger: Logger
  readonly now?: () => Date
}) {
  const log = deps.logger.child('api-probe')
  return {
    /** Probes one token; never throws. */
    async probe(input: ApiProbeInput): Promise<ApiProbeResult> {
      const started = performance.now()
      const base = apiBaseOf(input.account)
      let endpoint = 'error' in base ? '' : base.url
      const finish = (r: ProbeReading): ApiProbeResult => {
        const result: ApiProbeResult = {
          ...r,
          ok: r.authenticated === true && r.category === null,
          detail: redact(r.detail, [input.token]),
          login: r.login === null ? null : redact(r.login, [input.token]),
          ms: Math.round(performance.now() - started),
          endpoint,
        }
        log.info('probed', {
          provider: input.account.provider,
          host: input.account.host,
          ok: result.ok,
          category: result.category ?? 'none',
          ms: result.ms,
        })
        return result
      }
      if ('error' in base)
        return finish({
          authenticated: null,
          category: 'other',
          login: null,
          scopes: null,
          expiresAt: null,
          tokenType: null,
          detail: `No API address for this account: ${base.error}.`,
        })
      const reading = await PROBES[input.account.provider]({
        account: input.account,
        token: input.token,
        repository: input.repository ?? null,
        email: input.email ?? null,
        now: deps.now?.() ?? new Date(),
        get: async (path, headers): Promise<Exchange> => {
          const url = `${base.url}${path}`
          endpoint = url.replace(/\?.*$/, '')
          return deps.http.request({
            url,
            headers,
            ...(input.tls ? { tls: input.tls } : {}),
            ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
            ...(input.signal ? { signal: input.signal } : {}),
          })
        },
      })
      return finish(withScopeCheck(reading, input))
    },
  }
}

/** See {@link createApiProber}. */
export type ApiProber = ReturnType<typeof createApiProber>
