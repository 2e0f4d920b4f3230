import { z } from 'zod'

/** The five provider families GitKeys knows. Bitbucket Cloud and Server/DC are one family, two deployments. */
export const ProviderIdSchema = z.enum(['github', 'gitlab', 'bitbucket', 'gitea', 'azure'])
/** See {@link ProviderIdSchema}. */
export type ProviderId = z.infer<typeof ProviderIdSchema>

/** Cloud (github.com, gitlab.com, bitbucket.org, dev.azure.com) or self-hosted (GHES, self-managed, DC, Server). */
export const DeploymentSchema = z.enum(['cloud', 'self_hosted'])
/** See {@link DeploymentSchema}. */
export type Deployment = z.infer<typeof DeploymentSchema>

/** What a credential is used for; scopes differ per use (providers.md §3). */
export const TokenUseSchema = z.enum(['read_only', 'flipt_sync', 'merge_proposals'])
/** See {@link TokenUseSchema}. */
export type TokenUse = z.infer<typeof TokenUseSchema>

/** The fixed explainer categories (../shared/fixtures/README.md). */
export const ErrorCategorySchema = z.enum([
  'bad_credentials',
  'expired_token',
  'insufficient_scope',
  'password_auth_removed',
  'wrong_username',
  'repo_not_found_or_no_access',
  'sso_required',
  'two_factor_required',
  'tls_certificate',
  'network_dns',
  'proxy',
  'branch_not_found',
  'credentials_missing',
  'ssh_instead_of_https',
  'rate_limited',
  'ip_or_policy_blocked',
  'other',
])
/** See {@link ErrorCategorySchema}. */
export type ErrorCategory = z.infer<typeof ErrorCategorySchema>
