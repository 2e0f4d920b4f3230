import type { Finding } from '../domain/finding'
import type { Workspace, WorkspaceAccount } from '../domain/workspace'
import { exportFinding, oneLine } from './finding-builder'
import { encodeSegment } from '../providers/url-parts'
import { inAccountScope, isHttpRemote, lexedRemote } from './remote-scope'
import { accountGitUsername } from './token-kind'

/**
 * Per-host git credential settings (gitcredentials(7)): `[credential "https://host"] username = …`;
 * where several accounts share a host, `useHttpPath = true` plus one section per organisation or
 * owner (`https://dev.azure.com/acme`, `https://github.com/acme`). Since git 2.26 credential config
 * URLs match like `http.<url>` (git commit 46fd7b39), so a section with a path applies to every
 * repository below it. Never a secret: the token comes from a credential helper.
 */

/** The git config text and what could not be expressed. */
export type GitConfigExport = { readonly text: string; readonly warnings: readonly Finding[] }

/** A git config value, quoted and escaped when git would otherwise read it differently. */
export function gitConfigValue(value: string): string {
  const needsQuotes = /^\s|\s$|[#;"\\\n\t]/.test(value) || value === ''
  if (!needsQuotes) return value
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
  return `"${escaped}"`
}

/** A `[credential "<url>"]` header; null when the URL cannot be a subsection (line breaks, NUL). */
export function credentialSection(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\n\r\u0000]/.test(url)) return null
  return `[credential "${url.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`
}

const HEADER = [
  '# Git credential settings for your GitKeys accounts. No secrets: git asks a credential helper',
  '# for the token. Suggested helpers (uncomment one, or keep the one you use):',
  '# [credential]',
  '# \thelper = manager      # Git Credential Manager (Windows, macOS, Linux)',
  '# \thelper = osxkeychain  # macOS keychain',
  '# \thelper = libsecret    # Linux Secret Service',
]

/** The path prefixes that tell an account apart on a shared host. */
function pathsOf(ws: Workspace, a: WorkspaceAccount): string[] {
  if (a.pathPrefix) return [a.pathPrefix.replace(/^\/+|\/+$/g, '')]
  const credIds = new Set(ws.credentials.filter((c) => c.accountId === a.id).map((c) => c.id))
  const owners = ws.repositories
    .filter((r) => r.accountId === a.id || (r.credentialId !== null && credIds.has(r.credentialId)))
    .flatMap((r) => {
      const p = lexedRemote(r.remote)
      const owner = p?.segments[0]
      return p && owner && isHttpRemote(p) && inAccountScope(p, a) ? [encodeSegment(owner)] : []
    })
  return [...new Set(owners)]
}

/** Writes the credential settings of every account in the workspace. */
export function exportGitConfig(workspace: Workspace): GitConfigExport {
  const warnings: Finding[] = []
  const byHost = new Map<string, WorkspaceAccount[]>()
  for (const a of workspace.accounts) byHost.set(a.host, [...(byHost.get(a.host) ?? []), a])
  const blocks: string[] = []
  const section = (url: string, lines: readonly string[], subject: string): void => {
    const head = credentialSection(url)
    if (head === null) {
      warnings.push(
        exportFinding(
          'gitconfig.bad_url',
          'warning',
          subject,
          'URL cannot be written',
          'It contains a line break.',
        ),
      )
      return
    }
    blocks.push([head, ...lines.map((l) => `\t${l}`)].join('\n'))
  }
  const usernameLines = (a: WorkspaceAccount): string[] => {
    const git = accountGitUsername(a)
    const comment = [`# ${oneLine(a.label)} (${a.provider}, ${oneLine(a.tokenKind)})`]
    if (git.mode === 'bearer') {
      warnings.push(
        exportFinding(
          'gitconfig.bearer_only',
          'warning',
          `accounts.${a.id}`,
          'This token cannot be used over HTTP Basic',
          git.explanation,
        ),
      )
      comment.push(`# ${oneLine(git.explanation)}`)
    }
    // Bearer-only tokens still get the account's name: git has no other place to put it.
    const username = git.username ?? (a.username.trim() || null)
    if (username === null) {
      warnings.push(
        exportFinding(
          'gitconfig.no_username',
          'warning',
          `accounts.${a.id}`,
          'Username missing',
          git.warning ?? git.explanation,
        ),
      )
      return comment
    }
    if (/[\n\r]/.test(username)) {
      warnings.push(
        exportFinding(
          'gitconfig.bad_username',
          'warning',
          `accounts.${a.id}`,
          'Username cannot be written',
          'It contains a line break.',
        ),
      )
      return comment
    }
    return [...comment, `username = ${gitConfigValue(username)}`]
  }
  for (const [host, accounts] of byHost) {
    const base = `https://${host}`
    const only = accounts[0]
    if (accounts.length === 1 && only) {
      section(base, usernameLines(only), `accounts.${only.id}`)
      continue
    }
    section(
      base,
      ['# several GitKeys accounts use this host: tell them apart by path', 'useHttpPath = true'],
      host,
    )
    const claimed = new Map<string, string>()
    for (const a of accounts) {
      const paths = pathsOf(workspace, a)
      if (paths.length === 0)
        warnings.push(
          exportFinding(
            'gitconfig.no_path',
            'warning',
            `accounts.${a.id}`,
            'Account cannot be told apart',
            `"${oneLine(a.label)}" shares ${host} with other accounts; bind a repository to it or set its organisation.`,
          ),
        )
      for (const p of paths) {
        const owner = claimed.get(p.toLowerCase())
        if (owner !== undefined) {
          warnings.push(
            exportFinding(
              'gitconfig.path_conflict',
              'warning',
              `accounts.${a.id}`,
              'Two accounts claim the same path',
              `${base}/${p} is already written for account "${owner}".`,
            ),
          )
          continue
        }
        claimed.set(p.toLowerCase(), a.id)
        section(`${base}/${p}`, usernameLines(a), `accounts.${a.id}`)
      }
    }
  }
  const unused = workspace.repositories.filter((r) => {
    const p = lexedRemote(r.remote)
    return p !== null && isHttpRemote(p) && !workspace.accounts.some((a) => inAccountScope(p, a))
  })
  for (const r of unused)
    warnings.push(
      exportFinding(
        'gitconfig.no_account',
        'info',
        `storage.${r.id}.remote`,
        'No account for this host',
        `No GitKeys account matches the host of repository "${r.id}".`,
      ),
    )
  return { text: `${[HEADER.join('\n'), ...blocks].join('\n\n')}\n`, warnings }
}
