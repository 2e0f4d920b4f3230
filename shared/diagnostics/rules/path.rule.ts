import type { PathFacts } from '../diagnose.types'
import { parseRemote } from '../../providers/remote-parse'
import type { Rule, RuleInput } from './rule.types'
import { defineRule, quote } from './rule-kit.logic'

/**
 * Path family: the local folders a repository uses (Flipt's `backend.path` with `backend.type:
 * local`, and the folder GitKeys clones into), from facts main collected: exists, writable, empty or
 * a clone of this very remote, no symlink leading out of its parent. Also two storages sharing one
 * backend folder, which needs no local facts.
 */

const SOURCE = 'flipt-v2.md §1.3 (backend.path; "." by default) and §8 (local backend path)'

const subjectOf = (p: PathFacts): string =>
  p.role === 'backend'
    ? `storage.${p.repositoryId}.backend.path`
    : `repositories.${p.repositoryId}.local_path`
const what = (p: PathFacts): string =>
  p.role === 'backend' ? "Flipt's local backend folder" : 'The clone folder'

/** Two remotes name the same repository: same host, owner and name, whatever the URL form. */
export function sameRepository(a: string, b: string): boolean {
  const pa = parseRemote(a)
  const pb = parseRemote(b)
  if (pa && pb)
    return (
      pa.host === pb.host &&
      pa.owner.toLowerCase() === pb.owner.toLowerCase() &&
      pa.repo.toLowerCase() === pb.repo.toLowerCase()
    )
  const norm = (u: string): string =>
    u
      .trim()
      .replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1')
      .replace(/\/+$/, '')
      .replace(/\.git$/i, '')
      .toLowerCase()
  return norm(a) === norm(b)
}

function pathRule(
  id: string,
  severity: 'error' | 'warning',
  checks: string,
  test: (p: PathFacts, input: RuleInput) => { title: string; detail: string } | null,
): Rule {
  return defineRule({ id, family: 'path', severity, checks, source: SOURCE }, (input, emit) => {
    for (const p of input.ctx.local?.paths ?? []) {
      const hit = test(p, input)
      if (hit) emit({ subject: subjectOf(p), title: hit.title, detail: hit.detail })
    }
  })
}

const isAbsolute = (p: string): boolean =>
  p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')

const relative = defineRule(
  {
    id: 'path.relative',
    family: 'path',
    severity: 'warning',
    checks: 'backend.path is absolute (relative paths follow the working directory)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const r of input.ctx.repositories) {
      if (r.backend.type !== 'local' || isAbsolute(r.backend.path)) continue
      emit({
        subject: `storage.${r.id}.backend.path`,
        title: 'backend.path is relative',
        detail: `${quote(r.backend.path, 200)} is resolved against the directory Flipt is started from (the default "." is that directory itself), so a service manager or container may write elsewhere. Use an absolute path.`,
      })
    }
  },
)

const notDirectory = pathRule('path.not_directory', 'error', 'the path is a folder, not a file', (p) =>
  p.exists && !p.isDirectory
    ? {
        title: `${what(p)} is a file`,
        detail: `${quote(p.path, 200)} exists but is not a folder; git cannot keep a repository there.`,
      }
    : null,
)

const notWritable = pathRule('path.not_writable', 'error', 'the folder is writable by this user', (p) =>
  p.exists && p.isDirectory && !p.writable
    ? {
        title: `${what(p)} is not writable`,
        detail: `${quote(p.path, 200)} cannot be written by this user; ${p.role === 'backend' ? 'Flipt cannot fetch or commit' : 'git cannot clone or fetch'} into it.`,
      }
    : null,
)

const parentNotWritable = pathRule(
  'path.parent_not_writable',
  'error',
  'a missing folder can be created (its parent exists and is writable)',
  (p) =>
    !p.exists && (!p.parentExists || !p.parentWritable)
      ? {
          title: `${what(p)} cannot be created`,
          detail: `${quote(p.path, 200)} does not exist and its parent folder ${p.parentExists ? 'is not writable' : 'does not exist either'}.`,
        }
      : null,
)

const notEmpty = pathRule('path.not_empty', 'error', 'an existing folder is empty or a git clone', (p) =>
  p.exists && p.isDirectory && p.empty === false && !p.isGitRepo
    ? {
        title: `${what(p)} holds other files`,
        detail: `${quote(p.path, 200)} is neither empty nor a git repository; git refuses to clone into it and Flipt would mix its data with these files.`,
      }
    : null,
)

const otherRemote = pathRule(
  'path.other_remote',
  'error',
  'an existing clone is a clone of this storage remote',
  (p, input) => {
    const remote = input.repositoryById.get(p.repositoryId)?.remote ?? ''
    if (
      !p.isGitRepo ||
      p.gitRemoteUrl === null ||
      remote.trim() === '' ||
      sameRepository(p.gitRemoteUrl, remote)
    )
      return null
    return {
      title: `${what(p)} is a clone of another repository`,
      detail: `Its origin is ${quote(p.gitRemoteUrl, 200)}, but the storage remote is ${quote(remote, 200)}; fetches and pushes would go to the wrong repository.`,
    }
  },
)

const symlinkOutside = pathRule(
  'path.symlink_outside',
  'warning',
  'the folder is not a symlink that leads outside its parent',
  (p) =>
    p.isSymlink && p.realpathOutsideParent
      ? {
          title: `${what(p)} is a symlink leading elsewhere`,
          detail: `${quote(p.path, 200)} resolves outside the folder that contains it; writes land somewhere other than the path suggests (and may cross into another user's or a shared volume).`,
        }
      : null,
)

const sharedBackend = defineRule(
  {
    id: 'path.shared_backend',
    family: 'path',
    severity: 'error',
    checks: 'no two storages use the same local backend folder',
    source: SOURCE,
  },
  (input, emit) => {
    const byPath = new Map<string, string[]>()
    for (const r of input.ctx.repositories) {
      if (r.backend.type !== 'local') continue
      const key = r.backend.path.replace(/\/+$/, '') || '/'
      byPath.set(key, [...(byPath.get(key) ?? []), r.id])
    }
    for (const [path, ids] of byPath) {
      if (ids.length < 2) continue
      for (const id of ids)
        emit({
          subject: `storage.${id}.backend.path`,
          title: 'Another storage uses the same backend folder',
          detail: `Storages ${ids.join(', ')} all keep their git data in ${quote(path, 200)}; their branches and remotes overwrite each other. Give each storage its own folder.`,
        })
    }
  },
)

/** The path family's rules. */
export const pathRules: readonly Rule[] = [
  relative,
  notDirectory,
  notWritable,
  parentNotWritable,
  notEmpty,
  otherRemote,
  symlinkOutside,
  sharedBackend,
]
