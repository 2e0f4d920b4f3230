import { providers } from './catalog'
import type { AccountTarget } from './provider-types'
import type { Built } from './safe-url'
import { fillHttpsTemplate } from './safe-url'

/**
 * REST API bases derived from an account's host and path prefix (providers.md §5, §6 item 6), and
 * the value Flipt's `scm.api_url` wants (flipt-v2.md §3.2).
 */

/** The provider's REST API base: api.github.com vs https://host/api/v3, GitLab …/api/v4, Bitbucket 2.0 vs /rest/api/1.0, Azure org or collection, Gitea /api/v1. */
export function apiBaseFor(target: AccountTarget): Built {
  const api = providers[target.provider].api
  const template = target.deployment === 'cloud' ? api.cloud : api.selfHosted
  return fillHttpsTemplate(template, { host: target.host, prefix: target.pathPrefix })
}

/** What to write as Flipt's `scm.api_url`: a URL, or null when Flipt's default is right or Flipt cannot use this deployment (with why). */
export function fliptApiUrlFor(
  target: AccountTarget,
): { readonly url: string | null; readonly note: string } | { readonly error: string } {
  const api = providers[target.provider].api
  const template = target.deployment === 'cloud' ? api.flipt.cloud : api.flipt.selfHosted
  if (template === null) return { url: null, note: api.flipt.note }
  const built = fillHttpsTemplate(template, { host: target.host, prefix: target.pathPrefix })
  return built.ok ? { url: built.url, note: api.flipt.note } : { error: built.reason }
}
