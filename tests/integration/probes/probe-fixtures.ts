import { expect } from 'vitest'
import type { CredentialSpec, Flavor } from '../../support/git-server'
import { startProviderApi, type ProviderApi } from '../../support/provider-api'
import { createLogger, memorySink } from '../../../electron/services/logging/logger'
import { createHttpClient } from '../../../electron/services/net/http-client'
import {
  createApiProber,
  type ApiProbeInput,
  type ApiProbeResult,
  type ProbeAccount,
} from '../../../electron/services/probes/api-prober'

/** The probes' clock: fixed, so expiry readings are deterministic. */
export const NOW = new Date('2026-11-20T12:00:00Z')
const sink = memorySink()
const prober = createApiProber({
  http: createHttpClient({ timeoutMs: 5000 }),
  logger: createLogger(sink),
  now: () => NOW,
})

/** A probe account with overrides (GitHub cloud by default). */
export const account = (over: Partial<ProbeAccount>): ProbeAccount => ({
  provider: 'github',
  deployment: 'cloud',
  host: 'github.com',
  pathPrefix: null,
  apiUrl: null,
  tokenKind: 'classic_pat',
  username: '',
  expiresAt: null,
  ...over,
})

/** Probes, and checks the token appears nowhere in the result or the log. */
export async function probe(input: ApiProbeInput): Promise<ApiProbeResult> {
  const r = await prober.probe(input)
  expect(JSON.stringify(r)).not.toContain(input.token)
  expect(JSON.stringify(sink.records)).not.toContain(input.token)
  return r
}

/** A running emulator and the API base to give the account. */
export type Emulated = { api: ProviderApi; base: string }

/** Starts a flavor's introspection emulator; `prefix` is the path before its API (Azure org, Bitbucket /2.0). */
export async function emulate<F extends Flavor>(
  flavor: F,
  credentials: readonly CredentialSpec<F>[],
  opts: { prefix?: string; repos?: string[]; azureBadCredentials?: '401' | '203' } = {},
): Promise<Emulated> {
  const api = await startProviderApi({
    flavor,
    credentials,
    repos: opts.repos ?? ['acme/flags'],
    ...(opts.azureBadCredentials ? { azureBadCredentials: opts.azureBadCredentials } : {}),
  })
  return { api, base: `${api.origin}${opts.prefix ?? ''}` }
}

/** A classic-PAT-shaped GitHub token made of one repeated character. */
export const GH = (c: string) => `ghp_${c.repeat(36).slice(0, 36)}`
