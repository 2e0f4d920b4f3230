import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AzureBadCredentials, CredentialSpec, Flavor } from '../git-server/types'
import {
  parseAuthorization,
  type ApiAnswer,
  type ApiRecordFields,
  type ApiRequest,
  type ApiSetup,
} from './api-common'
import { azureApi, giteaApi } from './api-azure-gitea'
import { bitbucketCloudApi, bitbucketDcApi } from './api-bitbucket'
import { githubApi } from './api-github'
import { gitlabApi } from './api-gitlab'

/** Where each flavor's API starts in a path; anything before it (relative root, org, context) is ignored. */
const MARKERS: Record<Flavor, string> = {
  github: '/',
  gitlab: '/api/v4/',
  bitbucket_cloud: '/2.0/',
  bitbucket_dc: '/rest/',
  gitea: '/api/v1/',
  azure_services: '/_apis/',
  azure_server: '/_apis/',
}

const EMULATORS: Record<Flavor, (req: ApiRequest, setup: ApiSetup) => ApiAnswer | null> = {
  github: githubApi,
  gitlab: gitlabApi,
  bitbucket_cloud: bitbucketCloudApi,
  bitbucket_dc: bitbucketDcApi,
  gitea: giteaApi,
  azure_services: azureApi,
  azure_server: azureApi,
}

/** Answers one request if it is an API call of the flavor; returns what the record should say, or null. */
export type ApiHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => ApiRecordFields | null

/** Builds the flavor's API handler over the same credentials the git server uses. */
export function createApiHandler(opts: {
  readonly flavor: Flavor
  readonly credentials: readonly CredentialSpec[]
  readonly repos?: readonly string[]
  readonly azureBadCredentials?: AzureBadCredentials
  readonly version?: string
}): ApiHandler {
  const setup: ApiSetup = {
    flavor: opts.flavor,
    credentials: opts.credentials,
    repos: opts.repos ?? [],
    azureBadCredentials: opts.azureBadCredentials ?? '401',
    version: opts.version,
  }
  const marker = MARKERS[opts.flavor]
  const tokens = new Set(opts.credentials.map((c) => c.token))
  return (req, res, url) => {
    const at = url.pathname.indexOf(marker)
    if (at < 0) return null
    const presented = parseAuthorization(req.headers.authorization)
    const answer = EMULATORS[opts.flavor](
      {
        method: req.method ?? 'GET',
        path: url.pathname.slice(at),
        headers: req.headers,
        origin: url.origin,
        presented,
      },
      setup,
    )
    if (!answer) return null
    req.resume()
    res.writeHead(answer.status, answer.headers as Record<string, string | string[]>)
    res.end(answer.body)
    return {
      authScheme: presented.scheme,
      username:
        presented.scheme !== 'basic' ? null : tokens.has(presented.username) ? '<token>' : presented.username,
      passwordMatched: answer.credentialIndex !== null,
      credentialIndex: answer.credentialIndex,
      outcome: answer.outcome,
    }
  }
}
