import type { ScmType } from '../domain/environment'
import type { Finding } from '../domain/finding'
import type { WorkspaceAccount } from '../domain/workspace'
import { apiBaseFor, fliptApiUrlFor } from '../providers/api-base'
import { deploymentForHost, providers } from '../providers/catalog'
import { hostKey } from '../providers/remote-helpers'
import { exportFinding } from './finding-builder'
import { isHttpRemote, lexedRemote, remoteHost } from './remote-scope'

/**
 * `scm.api_url` as Flipt uses it (flipt-v2.md §3.2). The URLs come from the catalog
 * (providers/api-base.ts): `fliptApiUrlFor` says whether Flipt needs one at all and gives the Gitea
 * server root; where Flipt's client also takes the provider's full REST base, GitKeys writes that
 * (`apiBaseFor`), as Flipt's own docs example does (§6.2). What is Flipt's here: which clients take
 * the full base, Azure's default, and the Gitea SDK's own `/api/v1`.
 */

/** SCM clients that append their version path only when missing (go-github `api/v3/`, go-gitlab `api/v4/`). */
const TAKES_REST_BASE: ReadonlySet<ScmType> = new Set(['github', 'gitlab'])
/** The Gitea SDK prefixes every request with this, so api_url must stop before it. */
export const GITEA_SDK_SUFFIX = /\/api\/v1\/?$/

/** Flipt appends "/<organisation>" to an Azure api_url: its root, and the path that would double up (null when none). */
export function azureApiUrlPath(apiUrl: string): { readonly root: string; readonly path: string } | null {
  const m = /^(https?:\/\/[^/?#]+)(.*)$/i.exec(apiUrl.trim())
  const path = (m?.[2] ?? '').replace(/\/+$/, '')
  return m && path !== '' ? { root: m[1] ?? '', path } : null
}

const trimSlash = (s: string): string => s.replace(/\/+$/, '')

/** The api_url GitKeys writes when the environment has none: null where Flipt's default is right. */
export function deriveScmApiUrl(
  type: ScmType,
  remote: string,
  account: WorkspaceAccount | null,
): string | null {
  const parts = lexedRemote(remote)
  const host = parts && isHttpRemote(parts) ? hostKey(parts) : (account?.host ?? (parts && hostKey(parts)))
  if (!host) return null
  const target = {
    provider: type,
    deployment: deploymentForHost(type, host),
    host,
    pathPrefix: account?.pathPrefix ?? null,
  }
  const flipt = fliptApiUrlFor(target)
  // Flipt's Azure client defaults to the remote's host, which is all the catalog's value holds.
  if ('error' in flipt || flipt.url === null || type === 'azure') return null
  const own = account?.apiUrl ? trimSlash(account.apiUrl) : null
  if (own !== null) return type === 'gitea' ? own.replace(GITEA_SDK_SUFFIX, '') : own
  const built = TAKES_REST_BASE.has(type) ? apiBaseFor(target) : { ok: true as const, url: flipt.url }
  if (!built.ok) return null
  return parts?.scheme === 'http' ? built.url.replace(/^https:/, 'http:') : built.url
}

/** Advice about an environment's SCM target; the value itself is never changed. */
export function scmApiFindings(
  envId: string,
  type: ScmType,
  apiUrl: string | null,
  remote: string,
): readonly Finding[] {
  const subject = `environments.${envId}.scm.api_url`
  const out: Finding[] = []
  const host = remoteHost(remote) ?? ''
  const azurePath = apiUrl === null ? null : azureApiUrlPath(apiUrl)
  if (type === 'azure') {
    if (azurePath) {
      out.push(
        exportFinding(
          'export.scm_azure_api_url_path',
          'warning',
          subject,
          'Azure api_url must be the host root',
          'Flipt appends "/<organisation>" to api_url, so an organisation or "_apis" in it doubles the path.',
          [{ label: 'Use the host root', action: { kind: 'set_field', subject, value: azurePath.root } }],
        ),
      )
    }
    if (host !== '' && !/(^|\.)azure\.com(:\d+)?$/.test(host)) {
      out.push(
        exportFinding(
          'export.scm_azure_host_unsupported',
          'warning',
          `environments.${envId}.scm`,
          'Flipt only recognises Azure DevOps remotes on *.azure.com',
          'visualstudio.com and Azure DevOps Server remotes do not parse as Azure in Flipt, so merge proposals fail.',
        ),
      )
    }
  }
  if (type === 'gitea' && apiUrl !== null && GITEA_SDK_SUFFIX.test(apiUrl)) {
    out.push(
      exportFinding(
        'export.scm_gitea_api_suffix',
        'warning',
        subject,
        'Gitea api_url should be the server root',
        'The Gitea SDK adds /api/v1 itself; with it in api_url the path is doubled.',
        [
          {
            label: 'Remove /api/v1',
            action: { kind: 'set_field', subject, value: apiUrl.replace(GITEA_SDK_SUFFIX, '') },
          },
        ],
      ),
    )
  }
  if (type === 'gitea' && apiUrl === null) {
    out.push(
      exportFinding(
        'export.scm_gitea_api_missing',
        'error',
        subject,
        'Gitea needs api_url',
        'Flipt has no default Gitea server; set api_url to the server root (https://gitea.example.com).',
      ),
    )
  }
  if (type === 'bitbucket' && host !== '' && deploymentForHost('bitbucket', host) === 'self_hosted') {
    out.push(
      exportFinding(
        'flipt.bitbucket_dc_scm',
        'warning',
        `environments.${envId}.scm`,
        'Flipt cannot open pull requests on Bitbucket Data Center',
        providers.bitbucket.api.flipt.note,
      ),
    )
  }
  return out
}
