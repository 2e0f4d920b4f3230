import type { HostRule, ProviderModule, ScopeTable, TokenKindSpec } from './provider-types'
import { parseAzureRemote } from './azure-remote'
import { azureDatedFacts } from './azure-facts'
import { lifetime, need, notCreatable, scopes } from './table-helpers'

/**
 * Azure DevOps Services (dev.azure.com/{org}, legacy {org}.visualstudio.com) and Azure DevOps Server
 * (/tfs/{collection} or /{collection}). Facts: providers.md §1.4, §2, §3, §4, §5, §6; flipt-v2.md §3.
 */

const FMT = 'providers.md §1.4; microsoft/security-utilities LegacyCommonAnnotatedSecurityKey.cs, SEC101_201'
const USER = 'providers.md §2 (REST spec "Use any value for the user name"; microsoft/azure-devops-mcp#1452)'
const SCOPES =
  'providers.md §3; learn.microsoft.com azure/devops/integrate/get-started/authentication/oauth; flipt-v2.md §3.2'

/** Hosts (providers.md §5, §6). */
export const azureHosts: readonly HostRule[] = [
  {
    id: 'dev.azure.com',
    label: 'Azure DevOps Services',
    deployment: 'cloud',
    host: 'dev.azure.com',
    aliases: ['ssh.dev.azure.com'],
    pathPrefix: 'organization',
    note: 'The organisation is the first path segment.',
    source: 'providers.md §6',
  },
  {
    id: 'visualstudio.com',
    label: 'Azure DevOps Services (legacy host)',
    deployment: 'cloud',
    host: '*.visualstudio.com',
    aliases: ['vs-ssh.visualstudio.com'],
    pathPrefix: 'none',
    note: 'The organisation is the host label ({org}.visualstudio.com); an optional DefaultCollection segment follows.',
    source: 'providers.md §6',
  },
  {
    id: 'server',
    label: 'Azure DevOps Server',
    deployment: 'self_hosted',
    host: null,
    aliases: [],
    pathPrefix: 'collection',
    note: 'Repositories live under /tfs/{collection} (older installs) or /{collection}.',
    source: 'providers.md §5, §6',
  },
]

const CODE_SCOPES: ScopeTable = scopes(
  need(['vso.code'], SCOPES, 'Code (Read).', [
    ['vso.code'],
    ['vso.code_write'],
    ['vso.code_manage'],
    ['vso.code_full'],
  ]),
  need(['vso.code_write'], SCOPES, 'Code (Read & write).', [
    ['vso.code_write'],
    ['vso.code_manage'],
    ['vso.code_full'],
  ]),
  need(
    ['vso.code_write'],
    SCOPES,
    "Code (Read & write) covers pull requests; statuses need vso.code_status. Flipt's quickstart also asks Project and Team (Read).",
    [['vso.code_write'], ['vso.code_manage'], ['vso.code_full']],
  ),
)

/** Token kinds (providers.md §0 rules 9, 10, 12). */
export const azureTokenKinds: readonly TokenKindSpec[] = [
  {
    id: 'pat',
    label: 'Personal access token',
    deployments: ['cloud', 'self_hosted'],
    shapes: [
      /^[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9][A-L][A-Za-z0-9]{12}AAAAAZDO[A-Za-z0-9]{4}$/,
      /^[a-z0-9]{52}$/,
    ],
    checksum: 'azure_marvin32',
    lifetime: lifetime(
      'Organisation policy sets the maximum; global ("all accessible organizations") PATs stop working on 2026-12-01.',
      FMT,
    ),
    introspection: {
      possible: true,
      how: 'GET https://dev.azure.com/{org}/_apis/connectionData names the user; scopes and expiry are not readable with the PAT itself (401 or 203 + HTML sign-in page when invalid).',
      source: 'providers.md §5',
    },
    username: {
      kind: 'any',
      fallback: 'pat',
      note: 'Azure DevOps ignores the username; any value works.',
      source: USER,
    },
    scopes: CODE_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/_usersSettings/tokens',
      prefill: 'none',
      note: 'User settings › Personal access tokens; pick the organisation (not "All accessible organizations") and Code scopes.',
      source: 'flipt-v2.md §3.2 (Flipt quickstart link); learn.microsoft.com ADO PATs',
    },
    source: FMT,
  },
  {
    id: 'entra',
    label: 'Microsoft Entra ID access token (JWT)',
    deployments: ['cloud'],
    shapes: [/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/],
    checksum: 'none',
    lifetime: lifetime(
      'Short-lived; the exp claim says until when, and the issuer renews it.',
      'providers.md §0 rule 12, §1.4',
    ),
    introspection: {
      possible: true,
      how: 'connectionData as for PATs; the exp claim is readable offline.',
      source: 'providers.md §1.4, §5',
    },
    username: {
      kind: 'any',
      fallback: 'pat',
      note: 'Accepted as the Basic password (any username) or as a Bearer token.',
      source: 'providers.md §1.4',
    },
    scopes: scopes(
      need(
        [],
        SCOPES,
        "Entra tokens carry the Azure DevOps resource scope; repository access follows the user's permissions.",
        [[]],
      ),
      need([], SCOPES, "Repository access follows the user's permissions.", [[]]),
      need([], SCOPES, "Repository access follows the user's permissions.", [[]]),
    ),
    creation: notCreatable(
      'Obtained by signing in with Microsoft Entra ID (Git Credential Manager, a service principal or a managed identity).',
      'providers.md §1.4',
    ),
    source: 'providers.md §1.4',
  },
]

/** The Azure DevOps provider module. */
export const azure: ProviderModule = {
  id: 'azure',
  label: 'Azure DevOps',
  hosts: azureHosts,
  tokenKinds: azureTokenKinds,
  defaultKind: { cloud: 'pat', self_hosted: 'pat' },
  datedFacts: azureDatedFacts,
  api: {
    cloud: 'https://{host}{prefix}',
    selfHosted: 'https://{host}{prefix}',
    flipt: {
      cloud: 'https://{host}',
      selfHosted: null,
      note: 'Flipt appends "/{org}" itself, so api_url is the host without the organisation; on-prem TFS URLs are not recognised by Flipt\'s Azure SCM.',
    },
    source: 'providers.md §5 (REST calls go under {base}/_apis); flipt-v2.md §3.2',
  },
  parseRemote: parseAzureRemote,
}
