import type { Flavor, GitService } from './types'

/** A request path understood as smart-HTTP: which repository, which git endpoint, which service. */
export type GitRoute = {
  /** Repository name as the provider would look it up (no `.git`, except on Azure). */
  readonly name: string
  /** `/info/refs`, `/git-upload-pack`, `/git-receive-pack`, `/HEAD`. */
  readonly suffix: string
  readonly service: GitService | null
}

const SUFFIX = /^\/(.+?)(\/info\/refs|\/git-upload-pack|\/git-receive-pack|\/HEAD)$/

/** Normalises a path prefix to '' or '/a/b' (leading slash, no trailing slash). */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `/${trimmed}`
}

/**
 * Parses `{prefix}/{name}[.git]/{endpoint}`. Azure keeps a trailing `.git` as part of the name
 * (providers.md §6.5 [C]; Kong/insomnia#6484 shows TF401019 naming `<repo>.git`); the others strip it.
 * Returns null for a path outside the prefix or not a git endpoint.
 */
export function parseGitRoute(
  flavor: Flavor,
  prefix: string,
  pathname: string,
  query: URLSearchParams,
): GitRoute | null {
  let path: string
  try {
    path = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (prefix !== '') {
    if (!path.startsWith(`${prefix}/`)) return null
    path = path.slice(prefix.length)
  }
  const m = SUFFIX.exec(path)
  if (!m?.[1] || !m[2]) return null
  const azure = flavor === 'azure_services' || flavor === 'azure_server'
  const name = azure ? m[1] : m[1].replace(/\.git$/, '')
  if (name.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return null
  const suffix = m[2]
  let service: GitService | null = null
  if (suffix === '/git-upload-pack' || suffix === '/git-receive-pack') service = suffix.slice(1) as GitService
  else if (suffix === '/info/refs') {
    const s = query.get('service')
    service = s === 'git-upload-pack' || s === 'git-receive-pack' ? s : null
  }
  return { name, suffix, service }
}
