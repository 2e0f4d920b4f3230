import type { PathFacts } from '@shared/diagnostics/diagnose.types'
import type { Repository } from '@shared/domain/repository'
import type { RuleCase } from './rule-fixtures'
import { ctx, folder, healthy, local, repository } from './rule-fixtures'

/** Local path cases: Flipt's backend folder and the GitKeys clone folder. */

const REMOTE = 'https://github.com/acme/flags.git'
const withFolder = (over: Partial<PathFacts>) => ({
  ...ctx(healthy()),
  local: local({ paths: [folder({ repositoryId: 'flags', path: '/srv/flags', ...over })] }),
})
const storages = (...repos: Repository[]) => ctx({ ...healthy(), repositories: repos })
const backend = (id: string, path: string) =>
  repository({ id, remote: REMOTE, accountId: 'gh', backend: { type: 'local', path } })

/** The path family's cases. */
export const pathCases: readonly RuleCase[] = [
  {
    rule: 'path.relative',
    name: 'backend.path "."',
    expect: 'fail',
    subject: 'storage.flags.backend.path',
    ctx: storages(backend('flags', '.')),
  },
  {
    rule: 'path.relative',
    name: 'an absolute backend.path',
    expect: 'pass',
    ctx: storages(backend('flags', '/var/lib/flipt/flags')),
  },
  {
    rule: 'path.relative',
    name: 'a Windows drive path',
    expect: 'pass',
    ctx: storages(backend('flags', 'C:\\flipt\\flags')),
  },
  {
    rule: 'path.not_directory',
    name: 'a file where the folder should be',
    expect: 'fail',
    subject: 'repositories.flags.local_path',
    ctx: withFolder({ isDirectory: false, empty: null }),
  },
  { rule: 'path.not_directory', name: 'a folder', expect: 'pass', ctx: withFolder({}) },
  {
    rule: 'path.not_writable',
    name: 'a read-only folder',
    expect: 'fail',
    subject: 'repositories.flags.local_path',
    ctx: withFolder({ writable: false }),
  },
  { rule: 'path.not_writable', name: 'a writable folder', expect: 'pass', ctx: withFolder({}) },
  {
    rule: 'path.parent_not_writable',
    name: 'a missing folder under a missing parent',
    expect: 'fail',
    subject: 'repositories.flags.local_path',
    ctx: withFolder({
      exists: false,
      isDirectory: false,
      writable: false,
      empty: null,
      parentExists: false,
      parentWritable: false,
    }),
  },
  {
    rule: 'path.parent_not_writable',
    name: 'a missing folder under a writable parent',
    expect: 'pass',
    ctx: withFolder({ exists: false, isDirectory: false, writable: false, empty: null }),
  },
  {
    rule: 'path.not_empty',
    name: 'a folder with other files',
    expect: 'fail',
    subject: 'storage.flags.backend.path',
    ctx: withFolder({ role: 'backend', empty: false }),
  },
  {
    rule: 'path.not_empty',
    name: 'a clone of this remote',
    expect: 'pass',
    ctx: withFolder({ empty: false, isGitRepo: true, gitRemoteUrl: 'git@github.com:acme/flags.git' }),
  },
  {
    rule: 'path.other_remote',
    name: 'a clone of another repository',
    expect: 'fail',
    subject: 'repositories.flags.local_path',
    ctx: withFolder({ empty: false, isGitRepo: true, gitRemoteUrl: 'https://github.com/acme/other.git' }),
  },
  {
    rule: 'path.other_remote',
    name: 'the same repository with a redacted username',
    expect: 'pass',
    ctx: withFolder({
      empty: false,
      isGitRepo: true,
      gitRemoteUrl: 'https://octo:***@github.com/acme/flags',
    }),
  },
  {
    rule: 'path.symlink_outside',
    name: 'a symlink to another volume',
    expect: 'fail',
    subject: 'repositories.flags.local_path',
    ctx: withFolder({ isSymlink: true, realpathOutsideParent: true }),
  },
  {
    rule: 'path.symlink_outside',
    name: 'a symlink within its parent',
    expect: 'pass',
    ctx: withFolder({ isSymlink: true, realpathOutsideParent: false }),
  },
  {
    rule: 'path.shared_backend',
    name: 'two storages in one folder',
    expect: 'fail',
    subject: 'storage.b.backend.path',
    ctx: storages(backend('a', '/var/lib/flipt'), backend('b', '/var/lib/flipt/')),
  },
  {
    rule: 'path.shared_backend',
    name: 'two storages in two folders',
    expect: 'pass',
    ctx: storages(backend('a', '/var/lib/flipt/a'), backend('b', '/var/lib/flipt/b')),
  },
]
