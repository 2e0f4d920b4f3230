import type { ScmType } from '../domain/environment'
import type { Finding } from '../domain/finding'
import type { WorkspaceAccount } from '../domain/workspace'
import { exportFinding } from './finding-builder'
import { parseRemote } from './remote-url'

/**
 * `scm.api_url` per provider as Flipt uses it (flipt-v2.md §3.2): GitHub and GitLab default to the
 * cloud API, so self-hosted needs it; Azure appends `/<org>` itself, so the value is the host root;
 * Gitea has no default and its SDK adds `/api/v1`, so it is the server root.
 */

const trimSlash = (s: string): string => s.replace(/\/+$/, '')
const prefixPath = (p: string | null | undefined): string => {
  const t = (p ?? '').replace(/^\/+|\/+$/g, '')
  return t === '' ? '' : `/${t}`
}

/** The api_url GitKeys writes when the environment has none: null where Flipt's default is right. */
export function deriveScmApiUrl(
  type: ScmType,
  remote: string,
  account: WorkspaceAccount | null,
): string | null {
  const parts = parseRemote(remote)
  const host =
    parts?.scheme === 'https' || parts?.scheme === 'http' ? parts.host : (account?.host ?? parts?.host)
  if (host === undefined || host === '') return null
  const root = `${parts?.scheme === 'http' ? 'http' : 'https'}://${host}`
  const apiUrl = account?.apiUrl ? trimSlash(account.apiUrl) : null
  switch (type) {
    case 'github':
      return host === 'github.com' ? null : (apiUrl ?? `${root}/api/v3`)
    case 'gitlab':
      return host === 'gitlab.com' ? null : (apiUrl ?? `${root}${prefixPath(account?.pathPrefix)}/api/v4`)
    case 'gitea':
      return apiUrl ? apiUrl.replace(/\/api\/v1$/, '') : `${root}${prefixPath(account?.pathPrefix)}`
    case 'azure':
    case 'bitbucket':
      return null
  }
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
  const host = parseRemote(remote)?.host ?? ''
  const api = apiUrl === null ? null : /^(https?:\/\/[^/?#]+)(.*)$/i.exec(apiUrl.trim())
  if (type === 'azure') {
    if (api && (api[2] ?? '').replace(/\/+$/, '') !== '') {
      out.push(
        exportFinding(
          'export.scm_azure_api_url_path',
          'warning',
          subject,
          'Azure api_url must be the host root',
          'Flipt appends "/<organisation>" to api_url, so an organisation or "_apis" in it doubles the path.',
          [{ label: 'Use the host root', action: { kind: 'set_field', subject, value: api[1] ?? '' } }],
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
  if (type === 'gitea' && apiUrl !== null && /\/api\/v1\/?$/.test(apiUrl)) {
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
            action: { kind: 'set_field', subject, value: apiUrl.replace(/\/api\/v1\/?$/, '') },
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
  if (type === 'bitbucket' && host !== '' && host !== 'bitbucket.org') {
    out.push(
      exportFinding(
        'flipt.bitbucket_dc_scm',
        'warning',
        `environments.${envId}.scm`,
        'Flipt cannot open pull requests on Bitbucket Data Center',
        "Flipt's bitbucket SCM speaks the Bitbucket Cloud 2.0 API only.",
      ),
    )
  }
  return out
}
