import type { Credential } from '../../domain/credential'
import type { Environment } from '../../domain/environment'
import type { Rule, RuleInput } from './rule.types'
import { defineRule, eachRule, providerLabel, setField, undefinedCredentialHint } from './rule-kit.logic'

/**
 * SCM family: `environments.<id>.scm`, the merge-proposal integration, as Flipt sets it up at
 * startup (flipt-v2.md §2 "Not validated at load time", §3.2): credentials present and defined
 * (GitLab crashes without), not SSH, the SCM type matching the storage remote's host, Azure remotes
 * Flipt can parse, Bitbucket Cloud only, and GitLab's basic = OAuth password grant.
 */

const SOURCE = 'flipt-v2.md §2 (not validated at load time) and §3.2'

type Site = { readonly e: Environment; readonly scm: NonNullable<Environment['scm']> }
const sites = (input: RuleInput): Site[] =>
  input.ctx.environments.flatMap((e) => (e.scm === null ? [] : [{ e, scm: e.scm }]))
const writtenRef = (input: RuleInput, envId: string): boolean =>
  (input.flipt?.references ?? []).some((r) => r.subject === `environments.${envId}.scm.credentials`)
/** The defined credential an SCM block names, if any. */
const scmCredential = (input: RuleInput, scm: Site['scm']): Credential | undefined =>
  scm.credentialId === null ? undefined : input.credentialById.get(scm.credentialId)

const noCredentials = eachRule(
  {
    id: 'scm.no_credentials',
    family: 'scm',
    severity: 'error',
    checks: 'scm.credentials is set (required by the schema; the GitLab SCM crashes without it)',
    source: SOURCE,
  },
  sites,
  ({ e, scm }, input) => {
    if (scm.credentialId !== null || scm.accountId !== null || writtenRef(input, e.id)) return null
    if (input.flipt === null && input.repositoryById.get(e.repositoryId)?.accountId) return null
    return {
      subject: `environments.${e.id}.scm.credentials`,
      title: 'scm.credentials is missing',
      detail: `Flipt's schema requires it, and without it the ${providerLabel(scm.type)} client ${scm.type === 'gitlab' ? 'is never created and Flipt crashes at startup' : 'calls the API anonymously, so no proposal can be opened'}.`,
      fixes: [{ label: 'Name the credential the SCM API should use (usually the storage credential)' }],
    }
  },
)

const credentialUndefined = defineRule(
  {
    id: 'scm.credential_undefined',
    family: 'scm',
    severity: 'error',
    checks: 'scm.credentials names a defined credential',
    source: SOURCE,
  },
  (input, emit) => {
    const seen = new Set<string>()
    for (const ref of input.flipt?.references ?? []) {
      if (
        ref.target !== 'credentials' ||
        !ref.subject.endsWith('.scm.credentials') ||
        ref.resolvedId !== null
      )
        continue
      seen.add(ref.subject)
      const hint = undefinedCredentialHint(input, ref.written, ref.subject)
      emit({
        subject: ref.subject,
        title: `scm.credentials "${ref.written}" is not defined`,
        detail: `With a licence, Flipt fails at startup with credential "${ref.written}" not found.${hint.note}`,
        fixes: hint.fixes,
      })
    }
    for (const { e, scm } of sites(input)) {
      const subject = `environments.${e.id}.scm.credentials`
      if (scm.credentialId === null || seen.has(subject) || input.credentialById.has(scm.credentialId))
        continue
      emit({
        subject,
        title: `scm.credentials "${scm.credentialId}" is not defined`,
        detail: `Flipt fails at startup with credential "${scm.credentialId}" not found.`,
      })
    }
  },
)

const sshCredential = eachRule(
  {
    id: 'scm.ssh_credential',
    family: 'scm',
    severity: 'error',
    checks: 'the SCM API credential is not an ssh credential',
    source: SOURCE,
  },
  sites,
  ({ e, scm }, input) => {
    const c = scmCredential(input, scm)
    if (c?.type !== 'ssh') return null
    const effect =
      scm.type === 'github'
        ? 'GitHub silently falls back to an unauthenticated client'
        : scm.type === 'azure'
          ? 'Azure sends an empty PAT'
          : `Flipt fails at startup: failed to setup ${scm.type} scm: unsupported credential type`
    return {
      subject: `environments.${e.id}.scm.credentials`,
      title: 'An SSH key cannot call the SCM API',
      detail: `Credential "${c.id}" is of type ssh; ${effect}. Give scm.credentials a token credential (access_token or basic) while git keeps using SSH.`,
    }
  },
)

const typeMismatch = eachRule(
  {
    id: 'scm.type_mismatch',
    family: 'scm',
    severity: 'error',
    checks: "scm.type is the provider of the storage remote's host",
    source: 'flipt-v2.md §3.2 (owner/repo parsed from the remote)',
  },
  sites,
  ({ e, scm }, input) => {
    const view = input.remoteOf(e.repositoryId)
    // The parser reads the remote as the bound account's provider, else as the host suggests.
    const actual = view.parsed?.provider ?? null
    if (actual === null || actual === scm.type) return null
    const subject = `environments.${e.id}.scm.type`
    return {
      subject,
      title: `scm.type is ${scm.type}, but the storage is on ${providerLabel(actual)}`,
      detail: `The storage remote ${view.host ?? ''} is a ${providerLabel(actual)} repository; Flipt's ${scm.type} client would call the wrong API with it.`,
      fixes: [setField(`Set scm.type to ${actual}`, subject, actual)],
    }
  },
)

const azureRemoteUnparsable = eachRule(
  {
    id: 'scm.azure_remote_unparsable',
    family: 'scm',
    severity: 'error',
    checks:
      "an Azure SCM storage remote is on *.azure.com (Flipt's parser rejects visualstudio.com and Server hosts)",
    source: 'flipt-v2.md §3.2 and §8 (kubescape/go-git-url; "failed to parse azure git url")',
  },
  sites,
  ({ e, scm }, input) => {
    if (scm.type !== 'azure') return null
    const view = input.remoteOf(e.repositoryId)
    if (view.host === null || /(^|\.)azure\.com$/.test(view.host)) return null
    const legacy = view.check?.ok
      ? view.check.notices.find((n) => n.id === 'url.azure_legacy_host')
      : undefined
    const remoteSubject = `storage.${e.repositoryId}.remote`
    return {
      subject: `environments.${e.id}.scm`,
      title: `Flipt's Azure SCM cannot read a remote on ${view.host}`,
      detail: `Flipt recognises Azure DevOps remotes only on hosts ending in azure.com; with ${view.host} it fails with "failed to parse azure git url" and no proposal can be opened.${legacy ? '' : " Azure DevOps Server (on-premises) is not supported by Flipt's Azure SCM."}`,
      fixes: legacy?.suggestedUrl
        ? [setField('Use the dev.azure.com URL', remoteSubject, legacy.suggestedUrl)]
        : [],
    }
  },
)

const bitbucketDc = eachRule(
  {
    id: 'scm.bitbucket_dc',
    family: 'scm',
    severity: 'error',
    checks: 'a Bitbucket SCM storage is on Bitbucket Cloud (Flipt speaks only the Cloud 2.0 API)',
    source: 'flipt-v2.md §3.2 and §8 (go-bitbucket; Server REST is /rest/api/1.0)',
  },
  sites,
  ({ e, scm }, input) => {
    if (scm.type !== 'bitbucket') return null
    const view = input.remoteOf(e.repositoryId)
    if (view.host === null || view.host === 'bitbucket.org' || view.deployment === 'cloud') return null
    return {
      subject: `environments.${e.id}.scm`,
      title: 'Flipt cannot open pull requests on Bitbucket Data Center',
      detail: `The storage is on ${view.host}; Flipt's Bitbucket SCM speaks only the Cloud 2.0 API, and Data Center's REST API is /rest/api/1.0. Git sync works; merge proposals will not.`,
      fixes: [{ label: 'Remove the scm block, or move the repository to Bitbucket Cloud' }],
    }
  },
)

const gitlabBasic = eachRule(
  {
    id: 'scm.gitlab_basic_credential',
    family: 'scm',
    severity: 'warning',
    checks: 'the GitLab SCM uses a token credential (basic becomes an OAuth password grant)',
    source: 'flipt-v2.md §3.2 (NewBasicAuthClient)',
  },
  sites,
  ({ e, scm }, input) => {
    const c = scmCredential(input, scm)
    if (scm.type !== 'gitlab' || c?.type !== 'basic') return null
    return {
      subject: `environments.${e.id}.scm.credentials`,
      title: "GitLab's SCM turns a basic credential into a password login",
      detail: `Flipt's GitLab client uses basic credentials for an OAuth password grant against /oauth/token, which fails for accounts with 2FA or SSO and for tokens in the password field. Use an access_token credential with a token that has the api scope.`,
      fixes: [setField('Use type: access_token', `credentials.${c.id}.type`, 'access_token')],
    }
  },
)

/** The SCM family's rules. */
export const scmRules: readonly Rule[] = [
  noCredentials,
  credentialUndefined,
  sshCredential,
  typeMismatch,
  azureRemoteUnparsable,
  bitbucketDc,
  gitlabBasic,
]
