import type { Environment } from '../../domain/environment'
import type { ScmType } from '../../domain/environment'
import { isLoopbackHost } from '../../logic/host'
import { fliptApiUrlFor } from '../../providers/api-base'
import type { Rule, RuleInput } from './rule.types'
import { defineRule, setField } from './rule-kit.logic'

/**
 * API URL family: `environments.<id>.scm.api_url` as each of Flipt's SCM clients uses it
 * (flipt-v2.md §3.2, §8): GitLab root or `/api/v4`; Bitbucket Cloud 2.0 only (Server's
 * `/rest/api/1.0` cannot work); Azure host root (Flipt appends `/<org>`, so no organisation and no
 * `_apis`); Gitea server root, required, without `/api/v1`; GitHub Enterprise and GitLab
 * self-managed need it at all, or Flipt calls the cloud API.
 */

const SOURCE = 'flipt-v2.md §3.2 and §8; providers.md §6 item 6'

/** One environment's SCM with its API URL read once. */
type ScmSite = {
  readonly e: Environment
  readonly type: ScmType
  readonly subject: string
  /** The URL to judge; null when none is written or GitKeys derives it. */
  readonly value: string | null
  /** Nothing is written in the file (Flipt's default applies); in a workspace, null and '' mean absent. */
  readonly absent: boolean
  readonly url: URL | null
  /** `host[:port]` and path prefix of the storage remote, when known. */
  readonly remoteHost: string | null
  readonly remotePrefix: string | null
  readonly remoteScheme: 'https' | 'http'
}

function sites(input: RuleInput): ScmSite[] {
  const absent = new Set(input.flipt?.absentApiUrls ?? [])
  return input.ctx.environments.flatMap((e) => {
    if (e.scm === null) return []
    const raw = e.scm.apiUrl
    const isAbsent = input.flipt ? absent.has(e.id) : raw === null || raw.trim() === ''
    const value = raw === null || raw.trim() === '' || isAbsent ? null : raw.trim()
    const url = value !== null && URL.canParse(value) ? new URL(value) : null
    const view = input.remoteOf(e.repositoryId)
    // scm.type of another provider than the remote's is scm.type_mismatch's finding; advice on the
    // api_url of the wrong provider would only mislead until the type is right.
    const remoteProvider = view.parsed?.provider ?? null
    if (remoteProvider !== null && remoteProvider !== e.scm.type) return []
    return [
      {
        e,
        type: e.scm.type,
        subject: `environments.${e.id}.scm.api_url`,
        value,
        absent: isAbsent,
        url:
          url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url : null,
        remoteHost: view.parsed?.host ?? view.host,
        remotePrefix: view.parsed?.pathPrefix ?? null,
        remoteScheme: view.transport === 'http' ? 'http' : 'https',
      },
    ]
  })
}

const pathOf = (u: URL): string => u.pathname.replace(/\/+$/, '')
const root = (s: ScmSite, prefix = s.remotePrefix): string | null =>
  s.remoteHost
    ? `${s.remoteScheme}://${s.remoteHost}${prefix ? `/${prefix.replace(/^\/+|\/+$/g, '')}` : ''}`
    : null

function rule(
  id: string,
  severity: 'error' | 'warning',
  checks: string,
  body: (s: ScmSite, input: RuleInput) => { title: string; detail: string; value?: string | null } | null,
): Rule {
  return defineRule({ id, family: 'api_url', severity, checks, source: SOURCE }, (input, emit) => {
    for (const s of sites(input)) {
      const hit = body(s, input)
      if (!hit) continue
      const fix = hit.value ?? null
      emit({
        subject: s.subject,
        title: hit.title,
        detail: hit.detail,
        fixes: fix !== null ? [setField(`Set api_url to ${fix}`, s.subject, fix)] : [],
      })
    }
  })
}

const invalid = rule('api_url.invalid', 'error', 'api_url is an absolute http(s) URL', (s) =>
  s.value !== null && s.url === null
    ? {
        title: 'api_url is not an absolute https URL',
        detail: `"${s.value.slice(0, 120)}" cannot be used as an API base; Flipt only checks that it parses, so every API call then fails.`,
        value: root(s),
      }
    : null,
)

const insecureHttp = rule('api_url.insecure_http', 'warning', 'api_url uses https (except loopback)', (s) =>
  s.url?.protocol === 'http:' && !isLoopbackHost(s.url.hostname)
    ? {
        title: 'api_url uses plain http',
        detail: 'The token is sent unencrypted to the API on every call.',
        value: s.value?.replace(/^http:/i, 'https:') ?? null,
      }
    : null,
)

const enterpriseMissing = rule(
  'api_url.enterprise_missing',
  'error',
  'GitHub Enterprise and GitLab self-managed environments set api_url (else Flipt calls the cloud API)',
  (s, input) => {
    if (input.flipt === null || !s.absent || (s.type !== 'github' && s.type !== 'gitlab')) return null
    const cloud = s.type === 'github' ? 'github.com' : 'gitlab.com'
    if (s.remoteHost === null || s.remoteHost === cloud) return null
    const want = fliptApiUrlFor({
      provider: s.type,
      deployment: 'self_hosted',
      host: s.remoteHost,
      pathPrefix: s.remotePrefix,
    })
    return {
      title: `api_url is missing for ${s.remoteHost}`,
      detail: `Without api_url Flipt's ${s.type === 'github' ? 'GitHub' : 'GitLab'} client calls ${s.type === 'github' ? 'https://api.github.com' : 'https://gitlab.com/api/v4'}, not ${s.remoteHost}; merge proposals fail with 401 or 404.`,
      value: 'url' in want ? want.url : null,
    }
  },
)

const giteaMissing = rule(
  'api_url.gitea_missing',
  'error',
  'Gitea environments set api_url (Flipt has no default)',
  (s, input) =>
    s.type === 'gitea' && s.absent && (input.flipt !== null || s.e.scm?.apiUrl === '')
      ? {
          title: 'Gitea needs api_url',
          detail: "Flipt's Gitea client has no default server; set api_url to the server root.",
          value: root(s),
        }
      : null,
)

const giteaApiV1 = rule(
  'api_url.gitea_api_v1',
  'error',
  'Gitea api_url is the server root, without /api/v1',
  (s) =>
    s.type === 'gitea' && s.url && /\/api\/v1$/.test(pathOf(s.url))
      ? {
          title: 'Gitea api_url ends in /api/v1',
          detail:
            'The Gitea SDK adds /api/v1 to every request itself, so the path is doubled (/api/v1/api/v1/…) and every call fails.',
          value: `${s.url.origin}${pathOf(s.url).replace(/\/api\/v1$/, '')}`,
        }
      : null,
)

const gitlabPath = rule(
  'api_url.gitlab_path',
  'error',
  'GitLab api_url is the instance root (with relative root) or …/api/v4',
  (s) => {
    if (s.type !== 'gitlab' || !s.url) return null
    const path = pathOf(s.url)
    const prefix = s.remotePrefix ? `/${s.remotePrefix.replace(/^\/+|\/+$/g, '')}` : ''
    if (path === '' || path === prefix || path.endsWith('/api/v4')) return null
    return {
      title: 'GitLab api_url has an unexpected path',
      detail: `"${path}" is neither the instance root${prefix ? ` (${prefix})` : ''} nor …/api/v4; the GitLab client appends api/v4 to it and calls a path that does not exist.`,
      value: `${s.url.origin}${prefix}`,
    }
  },
)

const bitbucketRest1 = rule(
  'api_url.bitbucket_rest_1',
  'error',
  "Bitbucket api_url is not a Server/DC REST URL (Flipt's client speaks Cloud 2.0 only)",
  (s) =>
    s.type === 'bitbucket' && s.url && /\/rest\/api(\/|$)/.test(s.url.pathname)
      ? {
          title: "Flipt's Bitbucket SCM cannot use a Data Center REST API",
          detail: `${s.url.pathname} is Bitbucket Server/Data Center's REST API; Flipt's client (go-bitbucket) speaks only the Cloud 2.0 API, so merge proposals cannot work against it. Git sync is unaffected.`,
        }
      : null,
)

const azurePath = rule(
  'api_url.azure_path',
  'error',
  'Azure api_url is the host root, without organisation or _apis',
  (s) =>
    s.type === 'azure' && s.url && pathOf(s.url) !== ''
      ? {
          title: 'Azure api_url must not contain the organisation or _apis',
          detail: `Flipt appends "/<organisation>" to api_url itself, so "${pathOf(s.url)}" doubles the path and every API call fails.`,
          value: s.url.origin,
        }
      : null,
)

/** Hosts an API may live on for a remote host. */
function apiHostsFor(remoteHost: string): readonly string[] {
  const bare = remoteHost.replace(/:\d+$/, '')
  return [remoteHost, bare, `api.${bare}`, ...(bare === 'ssh.dev.azure.com' ? ['dev.azure.com'] : [])]
}

const hostMismatch = rule(
  'api_url.host_mismatch',
  'warning',
  "api_url is on the storage remote's host",
  (s) => {
    if (!s.url || s.remoteHost === null) return null
    const host = s.url.port ? `${s.url.hostname}:${s.url.port}` : s.url.hostname
    if (apiHostsFor(s.remoteHost).some((h) => h === host || h === s.url?.hostname)) return null
    return {
      title: 'api_url is on another host than the repository',
      detail: `api_url points at ${host}, but the storage remote is on ${s.remoteHost}; merge proposals would be opened somewhere else, or fail.`,
    }
  },
)

/** The API URL family's rules. */
export const apiUrlRules: readonly Rule[] = [
  invalid,
  insecureHttp,
  enterpriseMissing,
  giteaMissing,
  giteaApiV1,
  gitlabPath,
  bitbucketRest1,
  azurePath,
  hostMismatch,
]
