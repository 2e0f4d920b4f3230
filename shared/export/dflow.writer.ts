import type { Finding } from '../domain/finding'
import type { Workspace, WorkspaceAccount } from '../domain/workspace'
import { deploymentForHost } from '../providers/catalog'
import { DFLOW_PROVIDERS, type DflowProviderTab } from './dflow-rules'
import { exportFinding } from './finding-builder'
import { httpsCloneUrl, remoteHost } from './remote-scope'
import { accountGitUsername, kindRemovals, resolveTokenKind } from './token-kind'

/**
 * dFlow source sheets (flipt-v2.md §7): for each App Service named by an environment's dFlow labels,
 * what to enter in the service's provider tab. dFlow stores Username + Git Token and runs
 * `dokku git:auth <host> <owner> <token>`, so the username is the git HTTPS username. The sheet
 * names which token to paste (account label and hint), never the token.
 */

/** The token to paste into dFlow's Git Token field: which account, never the value. */
export type DflowTokenChoice = {
  readonly accountId: string
  readonly accountLabel: string
  readonly hint: string
  /** dFlow requires a token only for Azure DevOps (src/actions/service/validator.ts). */
  readonly required: boolean
}

/** One App Service source sheet, as JSON data. */
export type DflowSourceSheet = {
  readonly environmentId: string
  readonly application: string
  readonly environment: string
  readonly service: string
  readonly providerTab: DflowProviderTab
  readonly supported: boolean
  readonly unsupportedReason: string | null
  readonly repositoryUrl: string
  readonly branch: string
  /** null for GitHub, whose form has no Username field (dFlow takes the owner from the URL). */
  readonly username: string | null
  readonly token: DflowTokenChoice | null
  readonly leastScopes: readonly string[]
  readonly notes: readonly string[]
}

/** The dFlow export: one sheet per App Service (JSON and Markdown), all in one Markdown text too. */
export type DflowExport = {
  readonly sheets: ReadonlyArray<{
    readonly sheet: DflowSourceSheet
    readonly json: string
    readonly markdown: string
  }>
  readonly markdown: string
  readonly warnings: readonly Finding[]
}

const TAB_LABEL: Readonly<Record<DflowProviderTab, string>> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
  azureDevOps: 'Azure DevOps',
  gitea: 'Gitea',
}

/** Text safe in a Markdown table cell. */
function mdText(s: string): string {
  return s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]<>#|!~])/g, '\\$1')
    .trim()
}

/** A Markdown code span safe in a table cell, whatever backticks the value holds. */
function mdCode(s: string): string {
  const flat = s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return flat === '' ? '(empty)' : `${fence}${pad}${flat}${pad}${fence}`
}

/** Renders one sheet as Markdown. */
export function dflowSheetMarkdown(s: DflowSourceSheet): string {
  const token = s.token
    ? `paste the token of account ${mdCode(s.token.accountLabel)} (${mdCode(s.token.hint)})${s.token.required ? ', required' : ''}`
    : 'none bound (public repositories need none)'
  const rows: Array<[string, string]> = [
    ['Provider tab', `${TAB_LABEL[s.providerTab]} (${mdCode(s.providerTab)})`],
    ['Repository URL', mdCode(s.repositoryUrl)],
    ['Branch', mdCode(s.branch)],
    ['Username', s.username === null ? 'no field on this tab' : mdCode(s.username)],
    ['Git Token', token],
    ['Least scopes (deploy only)', s.leastScopes.map(mdCode).join(', ') || 'none'],
  ]
  const lines = [
    `## ${mdText(s.application)} / ${mdText(s.environment)} / ${mdText(s.service)}`,
    '',
    ...(s.supported ? [] : [`> **Not supported by dFlow:** ${mdText(s.unsupportedReason ?? '')}`, '']),
    '| Field | Value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ...(s.notes.length > 0 ? ['', ...s.notes.map((n) => `- ${mdText(n)}`)] : []),
  ]
  return `${lines.join('\n')}\n`
}

function sheetFor(ws: Workspace, envId: string, findings: Finding[]): DflowSourceSheet | null {
  const env = ws.environments.find((e) => e.id === envId)
  if (!env?.dflow) return null
  const repo = ws.repositories.find((r) => r.id === env.repositoryId)
  if (!repo) {
    findings.push(
      exportFinding(
        'dflow.repository_missing',
        'error',
        `environments.${env.id}`,
        'Repository is missing',
        `Repository "${env.repositoryId}" is not in the workspace.`,
      ),
    )
    return null
  }
  const credAccount = ws.credentials.find((c) => c.id === repo.credentialId)?.accountId ?? null
  const accountId = repo.accountId ?? credAccount
  const account: WorkspaceAccount | null = ws.accounts.find((a) => a.id === accountId) ?? null
  const provider = account?.provider ?? env.scm?.type ?? null
  if (provider === null) {
    findings.push(
      exportFinding(
        'dflow.provider_unknown',
        'warning',
        `environments.${env.id}`,
        'Provider unknown',
        'Bind an account to the repository so GitKeys knows which dFlow tab to use.',
      ),
    )
    return null
  }
  const facts = DFLOW_PROVIDERS[provider]
  const deployment =
    account?.deployment ?? deploymentForHost(provider, remoteHost(repo.remote) ?? facts.onlyHost ?? '')
  const key = account ?? { provider, deployment, tokenKind: '', username: '' }
  const url = httpsCloneUrl(repo.remote, { provider, deployment, pathPrefix: account?.pathPrefix ?? null })
  // The host dFlow authenticates against is the one of the URL it is given (ssh.dev.azure.com → dev.azure.com).
  const host = remoteHost(url) ?? account?.host ?? ''
  const supported = facts.onlyHost === null || facts.onlyHost === host
  const notes: string[] = []
  if (url !== repo.remote)
    notes.push(`dFlow clones over HTTPS; the SSH remote ${repo.remote} is given as ${url}.`)
  const git = accountGitUsername(key)
  if (git.mode === 'bearer') notes.push(git.explanation)
  if (git.warning) notes.push(git.warning)
  const scopes = resolveTokenKind(key).spec.scopes.read_only
  if (scopes.note) notes.push(scopes.note)
  for (const f of kindRemovals(key)) notes.push(`${f.title} (${f.date ?? 'date unknown'}). ${f.detail}`)
  if (facts.advice && supported) notes.push(facts.advice)
  if (!account)
    notes.push(
      'No account is bound: public repositories need no token, but dFlow requires one for Azure DevOps.',
    )
  if (!supported)
    findings.push(
      exportFinding(
        'dflow.unsupported_host',
        'warning',
        `environments.${env.id}`,
        'dFlow cannot use this host',
        facts.why ?? '',
      ),
    )
  return {
    environmentId: env.id,
    application: env.dflow.application,
    environment: env.dflow.environment,
    service: env.dflow.service,
    providerTab: facts.tab,
    supported,
    unsupportedReason: supported ? null : facts.why,
    repositoryUrl: url,
    branch: repo.branch,
    username: provider === 'github' ? null : (git.username ?? key.username.trim()),
    token: account
      ? {
          accountId: account.id,
          accountLabel: account.label,
          hint: account.secret.hint,
          required: facts.tab === 'azureDevOps',
        }
      : null,
    leastScopes: scopes.supported ? scopes.recommended : [],
    notes,
  }
}

/** Source sheets for the App Services of `environmentIds` (all labelled environments when omitted). */
export function exportDflow(workspace: Workspace, environmentIds?: readonly string[]): DflowExport {
  const findings: Finding[] = []
  const ids = environmentIds ?? workspace.environments.filter((e) => e.dflow !== null).map((e) => e.id)
  for (const id of ids) {
    const env = workspace.environments.find((e) => e.id === id)
    if (!env?.dflow)
      findings.push(
        exportFinding(
          'dflow.not_labelled',
          'warning',
          `environments.${id}`,
          'No dFlow App Service',
          `Environment "${id}" ${env ? 'has no dFlow labels' : 'is not in the workspace'}.`,
        ),
      )
  }
  const sheets = ids
    .flatMap((id) => sheetFor(workspace, id, findings) ?? [])
    .map((sheet) => ({
      sheet,
      json: `${JSON.stringify(sheet, null, 2)}\n`,
      markdown: dflowSheetMarkdown(sheet),
    }))
  const markdown = ['# dFlow App Service sources (GitKeys)', '', ...sheets.map((s) => s.markdown)].join('\n')
  return { sheets, markdown, warnings: findings }
}
