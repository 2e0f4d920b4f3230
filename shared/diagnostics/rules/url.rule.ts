import type { Fix, Severity } from '../../domain/finding'
import type { Repository } from '../../domain/repository'
import type { RemoteUrlIssue } from '../../logic/remote-url'
import type { Rule, RuleInput } from './rule.types'
import { defineRule, setField } from './rule-kit.logic'

/**
 * URL family: the storage remote as git and Flipt will read it (providers.md §6, security.md §8):
 * web-UI addresses, credentials or usernames in the URL, SSH remotes with token credentials, the
 * legacy visualstudio.com host Flipt's Azure SCM cannot parse, Azure's `.git` suffix, spaces,
 * non-https transports and unsafe shapes. The verdicts come from `validateRemoteUrl` / `parseRemote`.
 */

const SOURCE = 'providers.md §6; logic/remote-url.ts validateRemoteUrl'

type IssueRule = {
  readonly id: string
  readonly severity: Severity
  readonly checks: string
  readonly title: string
  /** Issue ids of validateRemoteUrl / the provider parsers this rule reports. */
  readonly from: readonly string[]
}

/** Which remote-URL issues become which finding (ids the app and CLI rely on). */
const ISSUE_RULES: readonly IssueRule[] = [
  {
    id: 'url.web_ui',
    severity: 'error',
    from: ['url.web_ui'],
    title: 'This is a web page address, not a clone URL',
    checks: 'the remote is a clone URL, not a browser address (/tree/, /-/, /src/, /browse, ?path=)',
  },
  {
    id: 'url.secret_in_url',
    severity: 'error',
    from: ['url.secret_in_url'],
    title: 'The remote URL contains a password or token',
    checks:
      'no password or token in the remote URL (plaintext in .git/config, logs, and it overrides helpers)',
  },
  {
    id: 'url.username_in_url',
    severity: 'warning',
    from: ['url.username_in_url'],
    title: 'The remote URL carries a username',
    checks: 'no username in an https remote (it overrides the one the credential needs)',
  },
  {
    id: 'url.azure_dot_git',
    severity: 'warning',
    from: ['url.azure_dot_git'],
    title: 'Azure Repos URLs take no ".git" suffix',
    checks: 'no .git suffix on Azure Repos URLs (read as part of the repository name)',
  },
  {
    id: 'url.spaces',
    severity: 'error',
    from: ['url.surrounding_whitespace', 'url.unencoded_space'],
    title: 'The remote URL contains spaces',
    checks: 'no spaces around the remote (Flipt uses it as written) and %20 inside it',
  },
  {
    id: 'url.query_or_fragment',
    severity: 'warning',
    from: ['url.query_or_fragment'],
    title: 'The remote URL has a "?…" or "#…" part',
    checks: 'no query or fragment in the remote',
  },
  {
    id: 'url.not_https',
    severity: 'error',
    from: ['url.scheme_not_allowed', 'url.no_scheme'],
    title: 'The remote is not an https URL',
    checks: 'the transport is https (or ssh); plain http only to loopback',
  },
  {
    id: 'url.host_mismatch',
    severity: 'error',
    from: ['url.host_mismatch'],
    title: "The remote's host is not the account's host",
    checks: "the remote's host is the bound account's host (no look-alikes)",
  },
  {
    id: 'url.idn_host',
    severity: 'warning',
    from: ['url.idn_host'],
    title: 'The remote host is an internationalised name',
    checks: 'the host is not an internationalised (punycode) look-alike',
  },
  {
    id: 'url.path_prefix_mismatch',
    severity: 'warning',
    from: ['url.path_prefix_mismatch'],
    title: "The remote is outside the account's organisation or path",
    checks:
      "the remote lies under the account's path prefix (Azure organisation, GitLab relative root, DC context)",
  },
  {
    id: 'url.not_a_repository',
    severity: 'error',
    from: ['url.not_a_repository'],
    title: 'The remote does not point at a repository',
    checks: 'the remote path has the owner/repository shape of its provider',
  },
  {
    id: 'url.unsafe',
    severity: 'error',
    from: [
      'url.control_chars',
      'url.encoded_control_chars',
      'url.leading_dash',
      'url.userinfo_suspicious',
      'url.dot_segment',
      'url.local_path',
      'url.bad_host',
      'url.bad_port',
      'url.no_host',
      'url.too_long',
    ],
    title: 'The remote URL cannot be used safely',
    checks:
      'no control characters, option-like text, @ or / tricks in userinfo, dot segments, local paths or bad hosts',
  },
]

/** An organisation-scoped account (Azure PATs are per organisation) used for a remote in another one. */
function organisationIssue(input: RuleInput, r: Repository): RemoteUrlIssue | null {
  const account = input.storageAccount(r)
  const parsed = input.remoteOf(r.id).parsed
  const want = account?.pathPrefix?.replace(/^\/+|\/+$/g, '') ?? ''
  const got = parsed?.pathPrefix?.replace(/^\/+|\/+$/g, '') ?? ''
  if (!account || !parsed || want === '' || got === '' || want.toLowerCase() === got.toLowerCase())
    return null
  return {
    id: 'url.path_prefix_mismatch',
    severity: 'warning',
    message: `The account is for ${want}, but the repository is in ${got}; a token scoped to ${want} is refused there.`,
    suggestedUrl: null,
  }
}

/** Messages that describe GitKeys' own clean-up of a pasted URL, said instead as what Flipt and git do. */
const AS_FLIPT_SEES_IT: Readonly<Record<string, string>> = {
  'url.surrounding_whitespace':
    'The value has spaces or a line break around it; Flipt and git use it exactly as written, so the host or path is wrong.',
  'url.query_or_fragment':
    'A clone URL has no "?…" or "#…" part; git sends it as part of the repository path and the host answers 404.',
}

const issuesOf = (input: RuleInput, r: Repository): readonly RemoteUrlIssue[] => {
  const check = input.remoteOf(r.id).check
  const found = check === null ? [] : check.ok ? check.notices : check.problems
  const org = found.some((i) => i.id === 'url.path_prefix_mismatch') ? null : organisationIssue(input, r)
  return org ? [...found, org] : found
}

/** Whether an environment on this storage uses Flipt's Azure SCM (the legacy host breaks it). */
const azureScmOn = (input: RuleInput, r: Repository): boolean =>
  (input.environmentsByRepository.get(r.id) ?? []).some((e) => e.scm?.type === 'azure')

function issueRule(spec: IssueRule): Rule {
  return defineRule(
    { id: spec.id, family: 'url', severity: spec.severity, checks: spec.checks, source: SOURCE },
    (input, emit) => {
      for (const r of input.ctx.repositories) {
        const hits = issuesOf(input, r).filter((i) => spec.from.includes(i.id))
        if (hits.length === 0) continue
        const subject = `storage.${r.id}.remote`
        const suggested = hits.find((h) => h.suggestedUrl !== null)?.suggestedUrl ?? null
        const severity: Severity =
          spec.id === 'url.spaces' && !hits.some((h) => h.id === 'url.surrounding_whitespace')
            ? 'warning'
            : spec.severity
        const fixes: Fix[] = suggested ? [setField('Use this URL', subject, suggested)] : []
        if (spec.id === 'url.spaces' && suggested === null && r.remote.trim() !== r.remote)
          fixes.push(setField('Remove the spaces', subject, r.remote.trim()))
        if (spec.id === 'url.secret_in_url')
          fixes.push({
            label: 'Revoke the exposed token',
            detail: 'It has been stored in plain text; create a new one.',
          })
        emit({
          subject,
          severity,
          title: spec.title,
          detail: hits.map((h) => AS_FLIPT_SEES_IT[h.id] ?? h.message).join(' '),
          fixes,
        })
      }
    },
  )
}

const sshWithToken = defineRule(
  {
    id: 'url.ssh_with_token',
    family: 'url',
    severity: 'error',
    checks: 'an SSH remote is not paired with a token credential (tokens only work over https)',
    source: 'providers.md §6 item 2; flipt-v2.md §3.1',
  },
  (input, emit) => {
    for (const r of input.ctx.repositories) {
      const view = input.remoteOf(r.id)
      if (view.transport !== 'ssh') continue
      const cred = input.storageCredential(r)
      const token = cred ? cred.type !== 'ssh' : input.storageAccount(r) !== null
      if (!token) continue
      const subject = `storage.${r.id}.remote`
      const https = view.parsed?.cloneUrl ?? null
      emit({
        subject,
        title: 'SSH remote with a token credential',
        detail: `The remote is an SSH address, but ${cred ? `credential "${cred.id}" is of type ${cred.type}` : 'the bound account holds a token'}. Tokens are sent only over https; over SSH git needs a key, so authentication fails.`,
        fixes: https
          ? [setField('Use the https clone URL', subject, https)]
          : [{ label: 'Use the https clone URL of the repository' }],
      })
    }
  },
)

const azureLegacyHost = defineRule(
  {
    id: 'url.azure_legacy_host',
    family: 'url',
    severity: 'info',
    checks: "Azure remotes use dev.azure.com (Flipt's Azure SCM cannot parse *.visualstudio.com)",
    source: 'flipt-v2.md §3.2 (kubescape/go-git-url recognises *.azure.com only)',
  },
  (input, emit) => {
    for (const r of input.ctx.repositories) {
      const hit = issuesOf(input, r).find((i) => i.id === 'url.azure_legacy_host')
      if (!hit) continue
      const subject = `storage.${r.id}.remote`
      emit({
        subject,
        title: 'Legacy visualstudio.com address',
        detail: `${hit.message}${azureScmOn(input, r) ? ' An Azure SCM environment uses this storage (see scm.azure_remote_unparsable).' : ''}`,
        fixes: hit.suggestedUrl ? [setField('Use the dev.azure.com URL', subject, hit.suggestedUrl)] : [],
      })
    }
  },
)

const noRemote = defineRule(
  {
    id: 'url.no_remote',
    family: 'url',
    severity: 'info',
    checks: 'the storage has a remote (without one Flipt keeps a local-only repository)',
    source: 'flipt-v2.md §1.3 (remote "" = no remote)',
  },
  (input, emit) => {
    for (const r of input.ctx.repositories) {
      if (r.remote.trim() !== '') continue
      emit({
        subject: `storage.${r.id}.remote`,
        title: 'No remote: a local-only repository',
        detail:
          'Flipt keeps this storage only where it runs; nothing is pushed or fetched, and GitKeys has nothing to test.',
      })
    }
  },
)

/** The URL family's rules. */
export const urlRules: readonly Rule[] = [
  ...ISSUE_RULES.map(issueRule),
  sshWithToken,
  azureLegacyHost,
  noRemote,
]
