import type { Environment } from '@shared/domain/environment'
import type { RuleCase } from './rule-fixtures'
import { ctx, environment, flipt, healthy } from './rule-fixtures'

/** Environment cases: defaults, storage references, directories, names. */

const envs = (...list: Environment[]) => ctx({ ...healthy(), environments: list })
const e = (id: string, over: Partial<Environment> = {}) => environment({ id, repositoryId: 'flags', ...over })

/** The environment family's cases. */
export const environmentCases: readonly RuleCase[] = [
  {
    rule: 'environments.no_default',
    name: 'two environments, neither default',
    expect: 'fail',
    subject: 'environments',
    ctx: envs(e('prod', { directory: 'p' }), e('staging', { directory: 's' })),
  },
  { rule: 'environments.no_default', name: 'one default', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'environments.multiple_defaults',
    name: 'two defaults',
    expect: 'fail',
    subject: 'environments',
    ctx: envs(e('prod', { default: true, directory: 'p' }), e('staging', { default: true, directory: 's' })),
  },
  { rule: 'environments.multiple_defaults', name: 'one default', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'environments.storage_undefined',
    name: 'a storage id that does not exist',
    expect: 'fail',
    subject: 'environments.prod.storage',
    ctx: envs(e('prod', { default: true, repositoryId: 'ghost' })),
  },
  {
    rule: 'environments.storage_undefined',
    name: 'storage: Flags in a file (references are not lowercased)',
    expect: 'fail',
    subject: 'environments.prod.storage',
    ctx: {
      ...envs(e('prod', { default: true, repositoryId: 'flags-x' })),
      flipt: flipt({
        references: [
          { subject: 'environments.prod.storage', target: 'storage', written: 'Flags', resolvedId: null },
        ],
      }),
    },
  },
  {
    rule: 'environments.storage_undefined',
    name: 'an existing storage',
    expect: 'pass',
    ctx: ctx(healthy()),
  },
  {
    rule: 'environments.directory_clash',
    name: 'two environments at the root of one storage',
    expect: 'fail',
    subject: 'environments.staging.directory',
    ctx: envs(e('prod', { default: true }), e('staging')),
  },
  {
    rule: 'environments.directory_clash',
    name: 'two environments in two directories',
    expect: 'pass',
    ctx: envs(e('prod', { default: true, directory: 'prod' }), e('staging', { directory: 'staging' })),
  },
  {
    rule: 'environments.directory_unsafe',
    name: 'a directory with ..',
    expect: 'fail',
    subject: 'environments.prod.directory',
    ctx: envs(e('prod', { default: true, directory: '../flags' })),
  },
  {
    rule: 'environments.directory_unsafe',
    name: 'a relative directory',
    expect: 'pass',
    ctx: envs(e('prod', { default: true, directory: 'flags/prod' })),
  },
  {
    rule: 'environments.name_not_ref_safe',
    name: 'a name with a space',
    expect: 'fail',
    subject: 'environments.prod.name',
    ctx: envs(e('prod', { default: true, name: 'Prod EU' })),
  },
  {
    rule: 'environments.name_not_ref_safe',
    name: 'a name with a slash',
    expect: 'fail',
    ctx: envs(e('prod', { default: true, name: 'eu/prod' })),
  },
  {
    rule: 'environments.name_not_ref_safe',
    name: 'prod-eu.1',
    expect: 'pass',
    ctx: envs(e('prod', { default: true, name: 'prod-eu.1' })),
  },
  {
    rule: 'environments.duplicate_name',
    name: 'two environments named prod',
    expect: 'fail',
    subject: 'environments.b.name',
    ctx: envs(
      e('a', { default: true, name: 'prod', directory: 'a' }),
      e('b', { name: 'prod', directory: 'b' }),
    ),
  },
  {
    rule: 'environments.duplicate_name',
    name: 'distinct names',
    expect: 'pass',
    ctx: envs(e('a', { default: true, directory: 'a' }), e('b', { directory: 'b' })),
  },
]
