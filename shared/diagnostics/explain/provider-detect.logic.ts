import type { ExplainProvider } from './explain.types'
import { PROVIDER_MARKERS } from './provider-markers.table'

/** Which provider a hostname belongs to, when the hostname alone says it. */
export function providerFromHost(host: string): ExplainProvider | null {
  const h = host.toLowerCase()
  if (h === 'github.com' || h.endsWith('.github.com')) return 'github'
  if (h === 'bitbucket.org' || h.endsWith('.bitbucket.org')) return 'bitbucket'
  if (h === 'dev.azure.com' || h.endsWith('.visualstudio.com') || h.endsWith('.dev.azure.com')) return 'azure'
  if (h === 'gitlab.com' || /^gitlab[.-]/.test(h)) return 'gitlab'
  if (h === 'codeberg.org' || /^(?:gitea|forgejo)[.-]/.test(h)) return 'gitea'
  return null
}

/**
 * The provider a text most likely came from, or null. Hosts outweigh wording; Azure DevOps codes
 * go to the Server when Server markers (/tfs/, TF3xxxx, a `_git` URL on your own host) appear; a
 * `/scm/` URL makes Bitbucket wording Data Center.
 */
export function detectProvider(lines: readonly string[]): ExplainProvider | null {
  const score = new Map<ExplainProvider, number>()
  for (const marker of PROVIDER_MARKERS) {
    if (lines.some((l) => marker.pattern.test(l))) {
      score.set(marker.provider, (score.get(marker.provider) ?? 0) + marker.weight)
    }
  }
  const cloudAzure = lines.some((l) => /dev\.azure\.com|visualstudio\.com/i.test(l))
  if (cloudAzure) score.delete('azure_devops_server')
  const server = score.get('azure_devops_server') ?? 0
  if (server > 0 && !cloudAzure) {
    // TFxxxxx codes are shared by Services and Server: with Server markers and no cloud host, it is the Server.
    score.set('azure_devops_server', server + (score.get('azure') ?? 0))
    score.delete('azure')
  }
  if ((score.get('bitbucket_server') ?? 0) >= 4 && !lines.some((l) => /bitbucket\.org/i.test(l))) {
    score.delete('bitbucket')
  }
  let best: ExplainProvider | null = null
  let bestScore = 0
  for (const [provider, s] of score) {
    if (s > bestScore) {
      best = provider
      bestScore = s
    }
  }
  return bestScore >= 2 ? best : null
}
