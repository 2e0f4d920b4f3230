import type { ReactElement } from 'react'
import type { AccountFields } from '@shared/domain/account'
import type { Deployment, ProviderId, TokenUse } from '@shared/domain/provider'

/** What a connection screen edits: the account fields, the token (write-only) and the intended use. */
export type Draft = AccountFields & { readonly token: string; readonly use: TokenUse }

/** Field errors by field name. */
export type FieldErrors = Readonly<Partial<Record<keyof AccountFields | 'token' | 'location', string>>>

/** Props every provider's location fields receive. */
export type LocationProps = {
  readonly draft: Draft
  readonly set: (patch: Partial<Draft>) => void
  readonly errors: FieldErrors
  readonly editing: boolean
}

/**
 * The provider-specific part of a connection screen: how the provider is located (cloud or
 * self-hosted, host, organisation, context path) and what it needs checked before saving.
 */
export type ProviderForm = {
  readonly id: ProviderId
  readonly title: string
  readonly intro: string
  /** Fields of a new account of this provider. */
  readonly initial: (
    deployment: Deployment,
  ) => Omit<Draft, 'label' | 'labels' | 'scopes' | 'expiresAt' | 'token' | 'use'>
  /** The location fields (deployment choice, host, path prefix). */
  readonly Location: (props: LocationProps) => ReactElement
  /** Provider-specific checks of the location fields; empty when fine. */
  readonly check: (draft: Draft) => FieldErrors
}
