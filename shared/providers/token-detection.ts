import type { ProviderId } from '../domain/provider'

/**
 * The vocabulary of token classification: candidate readings, the detection record, and the table
 * of recognised secrets that are not git credentials.
 */

/** One provider/kind reading of a token; several kinds when the format cannot tell them apart (glpat- personal/project/group). */
export type Candidate = { readonly provider: ProviderId; readonly kinds: readonly string[] }

/** What the shape of a token says. */
export type Detection = {
  /** The §0 rule that matched (0 = none; 13 = context-only shapes). */
  readonly rule: number
  readonly candidates: readonly Candidate[]
  readonly checksum: 'valid' | 'invalid' | 'none' | 'unknown'
  /** Why a token with a known prefix is not well-formed (wrong length, charset), or null. */
  readonly malformed: string | null
  /** Set when the token is a known non-git secret: its label and why git rejects it. */
  readonly notForGit: { readonly label: string; readonly why: string } | null
  readonly facts: Readonly<Record<string, string>>
}

/** Recognised tokens that are not git credentials, by prefix, with the kind id analysis reports (providers.md §1.1, §1.2). */
export const NON_GIT_TOKENS: Readonly<
  Record<
    string,
    {
      readonly kind: string
      readonly provider: ProviderId
      readonly label: string
      readonly why: string
      readonly source: string
    }
  >
> = {
  ghr: {
    kind: 'app_refresh',
    provider: 'github',
    label: 'GitHub App refresh token (ghr_)',
    why: 'It is exchanged for a new user token; git and the API do not accept it.',
    source: 'providers.md §1.1',
  },
  glrt: {
    kind: 'runner',
    provider: 'gitlab',
    label: 'GitLab runner authentication token (glrt-)',
    why: 'It authenticates a CI runner, not a person, and git does not accept it.',
    source: 'providers.md §1.2',
  },
  glrtr: {
    kind: 'runner',
    provider: 'gitlab',
    label: 'GitLab runner authentication token (glrtr-)',
    why: 'It authenticates a CI runner, not a person, and git does not accept it.',
    source: 'providers.md §1.2',
  },
  GR1348941: {
    kind: 'runner_registration',
    provider: 'gitlab',
    label: 'GitLab runner registration token (deprecated)',
    why: 'It only registers runners.',
    source: 'providers.md §1.2',
  },
  gloas: {
    kind: 'oauth_app_secret',
    provider: 'gitlab',
    label: 'GitLab OAuth application secret (gloas-)',
    why: "It is an OAuth app's client secret, not an access token.",
    source: 'providers.md §1.2',
  },
  glptt: {
    kind: 'pipeline_trigger',
    provider: 'gitlab',
    label: 'GitLab pipeline trigger token (glptt-)',
    why: 'It can only trigger pipelines.',
    source: 'providers.md §1.2',
  },
  glft: {
    kind: 'feed',
    provider: 'gitlab',
    label: 'GitLab feed token (glft-)',
    why: 'It only reads RSS/Atom feeds and calendars.',
    source: 'providers.md §1.2',
  },
  glimt: {
    kind: 'incoming_mail',
    provider: 'gitlab',
    label: 'GitLab incoming mail token (glimt-)',
    why: 'It is used only for incoming email.',
    source: 'providers.md §1.2',
  },
  glagent: {
    kind: 'k8s_agent',
    provider: 'gitlab',
    label: 'GitLab agent for Kubernetes token (glagent-)',
    why: 'It authenticates a cluster agent.',
    source: 'providers.md §1.2',
  },
  glsoat: {
    kind: 'scim',
    provider: 'gitlab',
    label: 'GitLab SCIM token (glsoat-)',
    why: 'It is used only for SCIM provisioning.',
    source: 'providers.md §1.2',
  },
  glffct: {
    kind: 'feature_flags_client',
    provider: 'gitlab',
    label: 'GitLab feature flags client token (glffct-)',
    why: 'It only reads feature flags.',
    source: 'providers.md §1.2',
  },
  glwt: {
    kind: 'workspace',
    provider: 'gitlab',
    label: 'GitLab workspace token (glwt-)',
    why: 'It belongs to a remote development workspace.',
    source: 'providers.md §1.2',
  },
}

/** What the analysis knows beforehand. */
export type ClassifyContext = {
  readonly provider?: ProviderId
  readonly deployment?: 'cloud' | 'self_hosted'
}

/** A detection with defaults: no checksum, well-formed, git credential, no facts. */
export const none = (
  rule: number,
  candidates: readonly Candidate[],
  extra: Partial<Detection> = {},
): Detection => ({
  rule,
  candidates,
  checksum: 'none',
  malformed: null,
  notForGit: null,
  facts: {},
  ...extra,
})
