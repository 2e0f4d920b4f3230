import type { TokenUse } from '../domain/provider'
import type { Result } from '../result'
import { err, ok } from '../result'
import { providers, tokenKind } from './catalog'
import type { AccountTarget } from './provider-types'
import { fillHttpsTemplate } from './safe-url'

/**
 * Links to the page where a token is created, with name and scopes pre-filled where the page takes
 * them (GitHub classic `?description=&scopes=`, GitLab `?name=&scopes=`). The result is always an
 * `https:` URL on the account's host, or on the provider's fixed account host (id.atlassian.com for
 * Atlassian API tokens), and never anything else (security.md §8 vector 10).
 */

/** What a link is built from: where the account lives, the kind, and optionally the repository. */
export type LinkRequest = AccountTarget & {
  readonly kind: string
  /** The use whose scopes to pre-fill; defaults to `flipt_sync`. */
  readonly use?: TokenUse
  /** Repository (and namespace) for kinds created in repository or project settings. */
  readonly repo?: { readonly owner: string; readonly name: string }
  /** The token name to pre-fill; defaults to "GitKeys". */
  readonly name?: string
}

/** A creation link, what it pre-fills and what to do on the page. */
export type TokenLink = {
  readonly url: string
  readonly prefilled: readonly string[]
  readonly note: string
  readonly source: string
}

/** True when `host` is one of the provider's cloud hosts (exact or `*.` wildcard). */
function isCloudHostOf(target: AccountTarget): boolean {
  const host = target.host.toLowerCase()
  return providers[target.provider].hosts.some(
    (r) =>
      r.deployment === 'cloud' &&
      r.host !== null &&
      (r.host.startsWith('*.') ? host.endsWith(r.host.slice(1)) : host === r.host),
  )
}

const cleanName = (name: string): string =>
  name
    .replace(/[^\p{L}\p{N} ._-]/gu, '')
    .trim()
    .slice(0, 80) || 'GitKeys'

/** Builds the token-creation link for an account, or says why there is none. */
export function tokenCreationLink(req: LinkRequest): Result<TokenLink, string> {
  const kind = tokenKind(req.provider, req.kind)
  if (!kind) return err(`"${req.kind.slice(0, 40)}" is not a ${providers[req.provider].label} token kind`)
  if (!kind.deployments.includes(req.deployment))
    return err(
      `${kind.label} does not exist on ${req.deployment === 'cloud' ? 'the cloud service' : 'self-hosted installations'}`,
    )
  const spec = kind.creation
  if ('unavailable' in spec) return err(spec.unavailable)
  if (req.deployment === 'cloud' && spec.host.kind === 'account' && !isCloudHostOf(req)) {
    return err(`"${req.host.slice(0, 80)}" is not a ${providers[req.provider].label} cloud host`)
  }
  const host = spec.host.kind === 'fixed' ? spec.host.host : req.host
  const scopes = kind.scopes[req.use ?? 'flipt_sync'].recommended
  const name = encodeURIComponent(cleanName(req.name ?? 'GitKeys'))
  const list = scopes.map(encodeURIComponent).join(',')
  const query =
    spec.prefill === 'github_classic'
      ? `?description=${name}&scopes=${list}`
      : spec.prefill === 'gitlab'
        ? `?name=${name}&scopes=${list}`
        : ''
  const built = fillHttpsTemplate(`https://{host}${spec.path}${query}`, {
    host,
    prefix: spec.host.kind === 'fixed' ? null : req.pathPrefix,
    owner: req.repo?.owner ?? null,
    repo: req.repo?.name ?? null,
  })
  if (!built.ok) return err(built.reason)
  return ok({
    url: built.url,
    prefilled: spec.prefill === 'none' ? [] : scopes,
    note: spec.note,
    source: spec.source,
  })
}
