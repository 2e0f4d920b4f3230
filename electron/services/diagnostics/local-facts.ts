import { constants } from 'node:fs'
import { access, lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import type { CaCertFacts, LocalFacts, PathFacts } from '@shared/diagnostics/diagnose.types'
import type { Repository } from '@shared/domain/repository'
import { redact } from '@shared/logic/redact'
import { collectLocalGitEnv, type GitEnvPorts, type ReadGitConfig } from './local-git-env'

/**
 * Builds the LocalFacts the offline rules read (ARCHITECTURE.md §6): per folder a repository uses
 * (Flipt's local backend path, the folder GitKeys clones into) whether it exists, is a writable
 * folder, is empty or a clone of which remote, and whether it is a symlink leading out of its parent;
 * per CA certificate file whether it is readable PEM; and the local git environment. Gathering only:
 * the rules judge.
 */

export type { ReadGitConfig } from './local-git-env'

/** The ports the collector needs; tests pass real git with an isolated HOME. */
export type LocalFactsPorts = GitEnvPorts

const MAX_CA_BYTES = 1024 * 1024

const exists = async (p: string): Promise<boolean> => {
  try {
    await lstat(p)
    return true
  } catch {
    return false
  }
}
const canWrite = async (p: string): Promise<boolean> => {
  try {
    await access(p, constants.W_OK)
    return true
  } catch {
    return false
  }
}
const isDir = async (p: string): Promise<boolean> => {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

/** A git working tree (`.git` folder or file) or a bare repository (HEAD, objects/, refs/). */
async function looksLikeGit(p: string): Promise<boolean> {
  if (await exists(resolve(p, '.git'))) return true
  return (
    (await exists(resolve(p, 'HEAD'))) &&
    (await isDir(resolve(p, 'objects'))) &&
    (await isDir(resolve(p, 'refs')))
  )
}

/** Facts about one folder. `readGitConfig` reads the clone's origin URL, which is redacted before it is kept. */
export async function pathFacts(
  read: ReadGitConfig,
  repositoryId: string,
  role: PathFacts['role'],
  path: string,
): Promise<PathFacts> {
  const full = resolve(path)
  const parent = dirname(full)
  let isSymlink = false
  let present: boolean
  try {
    isSymlink = (await lstat(full)).isSymbolicLink()
    present = true
  } catch {
    present = false
  }
  const directory = present && (await isDir(full))
  let empty: boolean | null = null
  if (directory) {
    try {
      empty = (await readdir(full)).length === 0
    } catch {
      empty = null
    }
  }
  let outside = false
  if (isSymlink) {
    try {
      const target = await realpath(full)
      const base = await realpath(parent)
      const rel = relative(base, target)
      outside = rel === '' || rel.startsWith('..') || isAbsolute(rel)
    } catch {
      outside = true
    }
  }
  const git = directory && (await looksLikeGit(full))
  let gitRemoteUrl: string | null = null
  if (git) {
    try {
      const url = (await read(['config', '--get', 'remote.origin.url'], full)).trim()
      gitRemoteUrl = url === '' ? null : redact(url).slice(0, 2000)
    } catch {
      gitRemoteUrl = null
    }
  }
  const parentExists = await isDir(parent)
  return {
    repositoryId,
    role,
    path,
    absolute: isAbsolute(path),
    exists: present,
    isDirectory: directory,
    writable: present && (await canWrite(full)),
    empty,
    isSymlink,
    realpathOutsideParent: outside,
    parentExists,
    parentWritable: parentExists && (await canWrite(parent)),
    isGitRepo: git,
    gitRemoteUrl,
  }
}

/** Whether a CA certificate file can be read and holds a PEM certificate (its contents are not kept). */
export async function caCertFacts(repositoryId: string, path: string): Promise<CaCertFacts> {
  try {
    const info = await stat(path)
    if (!info.isFile() || info.size > MAX_CA_BYTES)
      return { repositoryId, path, readable: info.isFile(), isPem: false }
    const text = await readFile(path, 'latin1')
    return {
      repositoryId,
      path,
      readable: true,
      isPem: /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text),
    }
  } catch {
    return { repositoryId, path, readable: false, isPem: false }
  }
}

/** Collects every local fact for a set of repositories (GitKeys repositories or a Flipt config's storages). */
export async function collectLocalFacts(
  repositories: readonly Pick<Repository, 'id' | 'backend' | 'localPath' | 'caCertPath'>[],
  ports: LocalFactsPorts,
): Promise<LocalFacts> {
  const folders = repositories.flatMap((r) => [
    ...(r.backend.type === 'local' ? [{ id: r.id, role: 'backend' as const, path: r.backend.path }] : []),
    ...(r.localPath ? [{ id: r.id, role: 'clone' as const, path: r.localPath }] : []),
  ])
  const paths = await Promise.all(folders.map((f) => pathFacts(ports.readGitConfig, f.id, f.role, f.path)))
  const caCerts = await Promise.all(
    repositories.flatMap((r) => (r.caCertPath ? [caCertFacts(r.id, r.caCertPath)] : [])),
  )
  const clones = paths
    .filter((p) => p.isGitRepo)
    .map((p) => ({ path: resolve(p.path), repositoryId: p.repositoryId }))
  const git = await collectLocalGitEnv(ports, clones)
  return { paths, caCerts, git }
}
