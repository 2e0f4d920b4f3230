import type { DatedFact } from './provider-types'

const DATES =
  'devblogs.microsoft.com/devops/retirement-of-global-personal-access-tokens-in-azure-devops; Sprint 270 release notes'
const PAT = ['pat'] as const
const GLOBAL = 'the PAT was created for "All accessible organizations" (a global PAT)'
/** Azure DevOps's dated facts (providers.md §4), each with its source. */
export const azureDatedFacts: readonly DatedFact[] = [
  {
    id: 'azure.pat_format_84',
    provider: 'azure',
    date: null,
    until: null,
    version: null,
    effect: 'format_change',
    deployments: ['cloud'],
    tokenKinds: PAT,
    condition: null,
    title: 'New 84-character PAT format (July 2024)',
    detail: 'PATs grew from 52 to 84 characters with the fixed AZDO signature.',
    source: 'MS docs "Use personal access tokens", "Changes to format" (providers.md §1.4)',
  },
  {
    id: 'azure.oauth_apps_deprecated',
    provider: 'azure',
    date: null,
    until: null,
    version: null,
    effect: 'policy',
    deployments: ['cloud'],
    tokenKinds: [],
    condition: null,
    title: 'Azure DevOps OAuth 2.0 apps retired',
    detail:
      'No new registrations since April 2025, full deprecation planned for 2026; use Microsoft Entra ID OAuth.',
    source: 'learn.microsoft.com azure/devops/integrate/get-started/authentication/oauth',
  },
  {
    id: 'azure.global_pat_creation_blocked',
    provider: 'azure',
    date: '2026-03-15',
    until: null,
    version: null,
    effect: 'creation_disabled',
    deployments: ['cloud'],
    tokenKinds: PAT,
    condition: GLOBAL,
    title: 'Global PATs can no longer be created or regenerated',
    detail: 'Create PATs scoped to one organisation.',
    source: DATES,
  },
  {
    id: 'azure.global_pat_removed',
    provider: 'azure',
    date: '2026-12-01',
    until: null,
    version: null,
    effect: 'removed',
    deployments: ['cloud'],
    tokenKinds: PAT,
    condition: GLOBAL,
    title: 'Global PATs stop working',
    detail: 'Organisation-scoped PATs keep working.',
    source: DATES,
  },
]
