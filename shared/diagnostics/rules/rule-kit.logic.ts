import type { Finding, Fix, Severity } from '../../domain/finding'
import type { Deployment, ProviderId, TokenUse } from '../../domain/provider'
import { providers, tokenKind } from '../../providers/catalog'
import { tokenCreationLink } from '../../providers/token-links'
import type { Repository } from '../../domain/repository'
import type { Emission, Emit, Rule, RuleFamily, RuleInput, TokenView } from './rule.types'

/** Small builders shared by the rule families: `defineRule` and the fixes the app can apply. */

/** What a rule declares about itself. */
export type RuleSpec = {
  readonly id: string
  readonly family: RuleFamily
  readonly severity: Severity
  readonly checks: string
  readonly source: string
}

/** Builds a rule whose findings always carry `spec.id` and, unless overridden, `spec.severity`. */
export function defineRule(
  spec: RuleSpec,
  body: (input: RuleInput, emit: Emit, prior: readonly Finding[]) => void,
): Rule {
  return {
    ...spec,
    run: (input, prior) => {
      const out: Finding[] = []
      body(
        input,
        (e) =>
          out.push({
            id: spec.id,
            severity: e.severity ?? spec.severity,
            subject: e.subject,
            title: e.title,
            detail: e.detail,
            fixes: [...(e.fixes ?? [])],
            ...(e.docs === undefined ? {} : { docs: e.docs }),
          }),
        prior,
      )
      return out
    },
  }
}

/**
 * Builds a rule that judges each item of `items(input)` on its own: `judge` returns the item's
 * finding, or null when the item is fine.
 */
export function eachRule<T>(
  spec: RuleSpec,
  items: (input: RuleInput) => Iterable<T>,
  judge: (item: T, input: RuleInput) => Emission | null,
): Rule {
  return defineRule(spec, (input, emit) => {
    for (const item of items(input)) {
      const e = judge(item, input)
      if (e) emit(e)
    }
  })
}

/** The repositories (Flipt storages) of the context, for `eachRule`. */
export const repositories = (input: RuleInput): readonly Repository[] => input.ctx.repositories
/** Every token in play, for `eachRule`. */
export const tokens = (input: RuleInput): readonly TokenView[] => input.tokens

/**
 * How a reference to an undefined credential may be fixed: Flipt lowercases credential ids but not
 * references, so a reference that differs only in case names `near`.
 */
export function undefinedCredentialHint(
  input: RuleInput,
  written: string,
  subject: string,
): { readonly note: string; readonly fixes: readonly Fix[] } {
  const near = [...input.credentialById.keys()].find((id) => id === written.toLowerCase())
  return near
    ? {
        note: ` Flipt lowercases ids, not references: write "${near}".`,
        fixes: [setField(`Use "${near}"`, subject, near)],
      }
    : { note: '', fixes: [] }
}

/** A fix that writes `value` into the config field `subject`. */
export function setField(label: string, subject: string, value: string, detail?: string): Fix {
  return { label, ...(detail ? { detail } : {}), action: { kind: 'set_field', subject, value } }
}

/** A fix that opens the "replace token" flow of an account. */
export function rotateToken(accountId: string, label = 'Replace the token'): Fix {
  return { label, action: { kind: 'rotate_token', accountId } }
}

/** A fix that opens one of the app's screens. */
export function openScreen(label: string, screen: string, id?: string): Fix {
  return { label, action: { kind: 'open_screen', screen, ...(id === undefined ? {} : { id }) } }
}

/** A fix a person carries out by hand. */
export function manual(label: string, detail?: string): Fix {
  return { label, ...(detail ? { detail } : {}) }
}

/** Where a token is created, as much as is known. */
export type LinkTarget = {
  readonly provider: ProviderId | null
  readonly deployment: Deployment | null
  readonly host: string | null
  readonly pathPrefix: string | null
  readonly repo?: { readonly owner: string; readonly name: string } | null
}

/**
 * An `open_url` fix to the page where a token of `kind` (default: the provider's usual kind) is created,
 * from `tokenCreationLink`: always https on the configured host or the provider's own account host.
 */
export function createTokenFix(target: LinkTarget, use: TokenUse | null, kind?: string | null): Fix[] {
  const { provider, deployment, host } = target
  if (provider === null || deployment === null || host === null) return []
  const wanted = kind ?? providers[provider].defaultKind[deployment]
  const link = tokenCreationLink({
    provider,
    deployment,
    host,
    pathPrefix: target.pathPrefix,
    kind: wanted,
    use: use ?? 'flipt_sync',
    ...(target.repo ? { repo: target.repo } : {}),
  })
  if (!link.ok) return []
  const label = tokenKind(provider, wanted)?.label ?? 'token'
  return [
    {
      label: `Create ${article(label)}`,
      detail: link.value.note,
      action: { kind: 'open_url', url: link.value.url },
    },
  ]
}

/**
 * Replacing a token: its account's "replace token" flow, then the page where a new one of `kind`
 * (default: the provider's usual kind) is created for the token's use.
 */
export function replaceTokenFixes(t: TokenView, kind?: string | null, rotateLabel?: string): Fix[] {
  return [...(t.account ? [rotateToken(t.account.id, rotateLabel)] : []), ...createTokenFix(t, t.use, kind)]
}

/** The label of a provider. */
export const providerLabel = (p: ProviderId): string => providers[p].label

/** The label of a token kind, or the kind id. */
export function kindLabel(provider: ProviderId | null, kind: string | null): string {
  if (provider === null || kind === null) return 'token'
  return tokenKind(provider, kind)?.label ?? kind
}

/** "a …" or "an …" before a label. */
export const article = (label: string): string => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`

/** Quotes user text for a one-line detail: bounded, no line breaks. */
export function quote(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
  return `"${clean.length > max ? `${clean.slice(0, max)}…` : clean}"`
}

/** The rank of a severity: errors first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, ok: 3 }
