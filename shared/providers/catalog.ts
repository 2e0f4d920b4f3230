import type { Deployment, ProviderId } from '../domain/provider'
import { azure } from './azure'
import { bitbucket } from './bitbucket'
import { gitea } from './gitea'
import { github } from './github'
import { gitlab } from './gitlab'
import type { ProviderModule, TokenKindSpec } from './provider-types'

/**
 * The provider catalog: one module per provider, keyed by the closed ProviderId union so a missing
 * provider does not compile, plus the lookups every other layer needs.
 */

/** Every provider module, by id. */
export const providers: Readonly<Record<ProviderId, ProviderModule>> = {
  github,
  gitlab,
  bitbucket,
  gitea,
  azure,
}

/** Provider ids in display order. */
export const providerIds: readonly ProviderId[] = ['github', 'gitlab', 'bitbucket', 'gitea', 'azure']

/** The module of a provider. */
export function providerModule(id: ProviderId): ProviderModule {
  return providers[id]
}

/** A token kind of a provider, or null when the id is unknown there. */
export function tokenKind(provider: ProviderId, kindId: string): TokenKindSpec | null {
  return providers[provider].tokenKinds.find((k) => k.id === kindId) ?? null
}

/** The token kinds a deployment of a provider can issue. */
export function tokenKindsFor(provider: ProviderId, deployment: Deployment): readonly TokenKindSpec[] {
  return providers[provider].tokenKinds.filter((k) => k.deployments.includes(deployment))
}

/** The kind GitKeys suggests for a new account. */
export function defaultTokenKind(provider: ProviderId, deployment: Deployment): TokenKindSpec {
  const id = providers[provider].defaultKind[deployment]
  const kind = tokenKind(provider, id) ?? providers[provider].tokenKinds[0]
  if (!kind) throw new Error(`provider ${provider} has no token kinds`)
  return kind
}

/** A provider's guess for a host: which provider and deployment, and how sure. */
export type ProviderGuess = {
  readonly provider: ProviderId
  readonly deployment: Deployment
  /** `known_host`: a cloud host or alias; `path_shape`: a provider-only URL shape; `host_name`: a word in the host. */
  readonly confidence: 'known_host' | 'path_shape' | 'host_name'
}

function cloudHostMatch(host: string): ProviderGuess | null {
  for (const id of providerIds) {
    for (const rule of providers[id].hosts) {
      if (rule.host === null) continue
      const names = [rule.host, ...rule.aliases]
      const hit = names.some((n) =>
        n.startsWith('*.') ? host.endsWith(n.slice(1)) && host.length > n.length - 1 : host === n,
      )
      if (hit) return { provider: id, deployment: rule.deployment, confidence: 'known_host' }
    }
  }
  return null
}

/** Path words only one provider uses in repository URLs (providers.md §6). */
const PATH_SHAPES: readonly {
  readonly test: (segs: readonly string[]) => boolean
  readonly provider: ProviderId
}[] = [
  { test: (s) => s.some((x) => x.toLowerCase() === '_git'), provider: 'azure' },
  { test: (s) => s.includes('-'), provider: 'gitlab' },
  { test: (s) => s.some((x, i) => x === 'scm' && i + 2 < s.length), provider: 'bitbucket' },
  {
    test: (s) => s.some((x, i) => (x === 'projects' || x === 'users') && s[i + 2] === 'repos'),
    provider: 'bitbucket',
  },
]

/** Words in self-hosted host names that usually name the product. */
const HOST_WORDS: readonly { readonly word: RegExp; readonly provider: ProviderId }[] = [
  { word: /(^|[.-])gitlab([.-]|$)/, provider: 'gitlab' },
  { word: /(^|[.-])(github|ghe)([.-]|$)/, provider: 'github' },
  { word: /(^|[.-])(bitbucket|stash)([.-]|$)/, provider: 'bitbucket' },
  { word: /(^|[.-])(gitea|forgejo|codeberg)([.-]|$)/, provider: 'gitea' },
  { word: /(^|[.-])(tfs|azuredevops|devops)([.-]|$)/, provider: 'azure' },
]

/** Guesses the provider of a normalised host (and, for self-hosted, the URL's path segments). */
export function guessProvider(host: string, segments: readonly string[] = []): ProviderGuess | null {
  const cloud = cloudHostMatch(host)
  if (cloud) return cloud
  const shape = PATH_SHAPES.find((p) => p.test(segments))
  if (shape) return { provider: shape.provider, deployment: 'self_hosted', confidence: 'path_shape' }
  const word = HOST_WORDS.find((w) => w.word.test(host))
  return word ? { provider: word.provider, deployment: 'self_hosted', confidence: 'host_name' } : null
}

/** The deployment a host implies for a provider: cloud for its cloud hosts, self-hosted otherwise. */
export function deploymentForHost(provider: ProviderId, host: string): Deployment {
  const cloud = cloudHostMatch(host)
  return cloud && cloud.provider === provider ? 'cloud' : 'self_hosted'
}
