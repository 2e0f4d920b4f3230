import { validateBranchName } from '../../logic/branch-name'
import type { Rule } from './rule.types'
import { defineRule, quote, setField } from './rule-kit.logic'

/**
 * Environment family: the `environments` section as Flipt validates and uses it (flipt-v2.md §1.4,
 * §2): exactly one default, storage references that resolve (ids lowercased, references not),
 * distinct directories per storage, names that are safe in branch names `flipt/<name>/…`.
 */

const SOURCE = 'flipt-v2.md §1.4 and §2'

const noDefault = defineRule(
  {
    id: 'environments.no_default',
    family: 'environment',
    severity: 'error',
    checks: 'one environment is the default',
    source: SOURCE,
  },
  (input, emit) => {
    const envs = input.ctx.environments
    if (envs.length === 0 || envs.some((e) => e.default)) return
    const first = envs[0]
    emit({
      subject: 'environments',
      title: 'No environment is the default',
      detail: 'Flipt refuses to start: environments: default environment non-empty value is required.',
      fixes: first
        ? [setField(`Make "${first.id}" the default`, `environments.${first.id}.default`, 'true')]
        : [],
    })
  },
)

const multipleDefaults = defineRule(
  {
    id: 'environments.multiple_defaults',
    family: 'environment',
    severity: 'error',
    checks: 'only one environment is the default',
    source: SOURCE,
  },
  (input, emit) => {
    const defaults = input.ctx.environments.filter((e) => e.default)
    if (defaults.length < 2) return
    emit({
      subject: 'environments',
      title: `${defaults.length} environments are marked default`,
      detail: `${defaults.map((e) => e.id).join(', ')} all say default: true. Flipt refuses to start: environments: default only one environment can be default.`,
      fixes: defaults
        .slice(1)
        .map((e) => setField(`Unset default on "${e.id}"`, `environments.${e.id}.default`, 'false')),
    })
  },
)

const storageUndefined = defineRule(
  {
    id: 'environments.storage_undefined',
    family: 'environment',
    severity: 'error',
    checks: 'each environment references a defined storage (as written: references are not lowercased)',
    source: SOURCE,
  },
  (input, emit) => {
    const seen = new Set<string>()
    for (const ref of input.flipt?.references ?? []) {
      if (ref.target !== 'storage' || ref.resolvedId !== null) continue
      const near = [...input.repositoryById.keys()].find((id) => id === ref.written.toLowerCase())
      seen.add(ref.subject)
      emit({
        subject: ref.subject,
        title: `storage "${ref.written}" is not defined`,
        detail: `Flipt refuses to start: environments: "${ref.subject.split('.')[1] ?? ''}" references undefined storage "${ref.written}".${near ? ` Flipt lowercases storage ids but not references: write "${near}".` : ''}`,
        fixes: near ? [setField(`Use "${near}"`, ref.subject, near)] : [],
      })
    }
    for (const e of input.ctx.environments) {
      const subject = `environments.${e.id}.storage`
      if (seen.has(subject) || input.repositoryById.has(e.repositoryId)) continue
      emit({
        subject,
        title: `storage "${e.repositoryId}" is not defined`,
        detail: `Flipt refuses to start: environments: "${e.id}" references undefined storage "${e.repositoryId}".`,
      })
    }
  },
)

const directoryClash = defineRule(
  {
    id: 'environments.directory_clash',
    family: 'environment',
    severity: 'error',
    checks: 'environments on the same storage use distinct directories ("" counts as a value)',
    source: SOURCE,
  },
  (input, emit) => {
    const groups = new Map<string, string[]>()
    for (const e of input.ctx.environments) {
      const key = `${e.repositoryId}\u0000${e.directory}`
      groups.set(key, [...(groups.get(key) ?? []), e.id])
    }
    for (const [key, ids] of groups) {
      if (ids.length < 2) continue
      const [storage = '', dir = ''] = key.split('\u0000')
      const names = ids.map((id) => input.ctx.environments.find((e) => e.id === id)?.name ?? id).sort()
      for (const id of ids.slice(1))
        emit({
          subject: `environments.${id}.directory`,
          title: `Shares storage "${storage}" and directory "${dir}" with another environment`,
          detail: `Flipt refuses to start: environments: directory environments [${names.join(', ')}] share the same storage "${storage}" and directory "${dir}". Give each environment its own directory, or its own storage (same remote, another branch).`,
          fixes: [setField(`Use directory "${id}"`, `environments.${id}.directory`, id)],
        })
    }
  },
)

const directoryUnsafe = defineRule(
  {
    id: 'environments.directory_unsafe',
    family: 'environment',
    severity: 'error',
    checks: 'directory is relative to the repository root and has no ".." segment',
    source: 'logic/workspace-rules.ts checkEnvironment',
  },
  (input, emit) => {
    for (const e of input.ctx.environments) {
      if (!e.directory.startsWith('/') && !e.directory.split(/[\\/]/).includes('..')) continue
      emit({
        subject: `environments.${e.id}.directory`,
        title: 'The directory leaves the repository root',
        detail: `${quote(e.directory)} is absolute or contains "..": the directory is a path inside the repository.`,
      })
    }
  },
)

const nameNotRefSafe = defineRule(
  {
    id: 'environments.name_not_ref_safe',
    family: 'environment',
    severity: 'warning',
    checks: 'the environment name is safe inside git branch names flipt/<name>/<branch>',
    source: 'flipt-v2.md §1.4 (name in X-Flipt-Environment and proposal branch names)',
  },
  (input, emit) => {
    for (const e of input.ctx.environments) {
      if (e.name.trim() === '' || (validateBranchName(`flipt/${e.name}/main`).ok && !e.name.includes('/')))
        continue
      emit({
        subject: `environments.${e.id}.name`,
        title: 'The name cannot be used in branch names',
        detail: `Flipt names proposal branches flipt/${e.name}/<branch>; ${quote(e.name)} makes that an invalid git ref, so proposals fail. Use letters, digits, dots, dashes and underscores.`,
        fixes: [setField(`Use "${e.id}"`, `environments.${e.id}.name`, e.id)],
      })
    }
  },
)

const duplicateName = defineRule(
  {
    id: 'environments.duplicate_name',
    family: 'environment',
    severity: 'warning',
    checks: 'environment names are unique (Flipt silently keeps the last one)',
    source: 'flipt-v2.md §1.4 (internal/server/environments/storage.go)',
  },
  (input, emit) => {
    const byName = new Map<string, string[]>()
    for (const e of input.ctx.environments) byName.set(e.name, [...(byName.get(e.name) ?? []), e.id])
    for (const [name, ids] of byName) {
      if (ids.length < 2) continue
      for (const id of ids.slice(1))
        emit({
          subject: `environments.${id}.name`,
          title: `Another environment is also called "${name}"`,
          detail: `Environments ${ids.join(', ')} share the name ${quote(name)}; Flipt serves only the last one under that name.`,
          fixes: [setField(`Use "${id}"`, `environments.${id}.name`, id)],
        })
    }
  },
)

/** The environment family's rules. */
export const environmentRules: readonly Rule[] = [
  noDefault,
  multipleDefaults,
  storageUndefined,
  directoryClash,
  directoryUnsafe,
  nameNotRefSafe,
  duplicateName,
]
