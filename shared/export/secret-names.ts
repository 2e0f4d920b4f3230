import type { ProviderId } from '../domain/provider'
import type { WorkspaceAccount } from '../domain/workspace'

/**
 * Stable, readable names for the secrets GitKeys exports by reference: `${env:GITHUB_TOKEN}`,
 * `${env:GITLAB_ACME_TOKEN}` for a self-managed host, `${env:GITHUB_ALICE_TOKEN}` when two accounts
 * share a provider and host. Computed over all accounts of a workspace (sorted by id), so a name
 * does not change with the environments chosen for one export. Flipt's env reference only accepts
 * `[a-zA-Z_][a-zA-Z0-9_]*` and file secret names `[a-zA-Z0-9_:/-]` without dots (flipt-v2.md §4).
 */

const PROVIDER_WORD: Readonly<Record<ProviderId, string>> = {
  github: 'GITHUB',
  gitlab: 'GITLAB',
  bitbucket: 'BITBUCKET',
  azure: 'AZURE_DEVOPS',
  gitea: 'GITEA',
}

/** Host labels that say nothing about whose server it is. */
const GENERIC_LABELS = new Set([
  'git',
  'gitlab',
  'github',
  'gitea',
  'forgejo',
  'bitbucket',
  'scm',
  'code',
  'www',
  'dev',
  'devops',
  'tfs',
  'azure',
  'vcs',
  'repo',
  'repos',
])

/** Upper-case word safe inside an env var name ('' when nothing is left). */
export function envWord(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** The owner word of a self-hosted host: `gitlab.acme.internal` → `ACME`. */
function hostWord(host: string): string {
  const labels = host.replace(/:\d+$/, '').split('.')
  const inner = labels.length > 1 ? labels.slice(0, -1) : labels
  const meaningful = inner.filter((l) => !GENERIC_LABELS.has(l))
  return envWord(meaningful[0] ?? inner[0] ?? host)
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    out.set(k, [...(out.get(k) ?? []), item])
  }
  return out
}

/** The env var name of every account's token, keyed by account id. */
export function accountEnvNames(accounts: readonly WorkspaceAccount[]): ReadonlyMap<string, string> {
  const sorted = [...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const stem = (a: WorkspaceAccount): string =>
    a.deployment === 'self_hosted'
      ? `${PROVIDER_WORD[a.provider]}_${hostWord(a.host)}`
      : PROVIDER_WORD[a.provider]
  const named = new Map<string, string>()
  for (const group of groupBy(sorted, stem).values()) {
    for (const a of group) {
      const who = envWord(a.pathPrefix ?? '') || envWord(a.username) || envWord(a.id)
      named.set(a.id, group.length > 1 ? `${stem(a)}_${who}_TOKEN` : `${stem(a)}_TOKEN`)
    }
  }
  const used = new Set<string>()
  const out = new Map<string, string>()
  for (const a of sorted) {
    const wanted = named.get(a.id) ?? `${stem(a)}_TOKEN`
    let name = wanted
    for (let n = 2; used.has(name); n++) name = `${wanted}_${n}`
    used.add(name)
    out.set(a.id, name)
  }
  return out
}

/** The file secret name (`${secret:file:NAME}`) matching an env var name: `GITHUB_TOKEN` → `github-token`. */
export function fileSecretName(envName: string): string {
  return envName.toLowerCase().replace(/_/g, '-')
}

/** An env var name for a credential field whose inline value is not in the vault yet. */
export function pendingEnvName(credentialId: string, field: string, used: ReadonlySet<string>): string {
  const wanted = `${envWord(credentialId) || 'FLIPT'}_${envWord(field.replace(/^basic\./, ''))}`
  const safe = /^[A-Z_]/.test(wanted) ? wanted : `_${wanted}`
  let name = safe
  for (let n = 2; used.has(name); n++) name = `${safe}_${n}`
  return name
}
