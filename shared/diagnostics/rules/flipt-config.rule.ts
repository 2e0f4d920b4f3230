import type { Rule } from './rule.types'
import { defineRule, quote } from './rule-kit.logic'

/**
 * Flipt-config family: facts of a Flipt v2 file that the GitKeys model cannot hold (flipt-v2.md §1,
 * §8): the docs-only `storage.<id>.name`, credential types Flipt does not know, map ids Flipt
 * lowercases, and the paid licence SCM and commit signing need.
 */

const SOURCE = 'flipt-v2.md §1 and §8'

const licenceRequired = defineRule(
  {
    id: 'flipt.licence_required',
    family: 'flipt_config',
    severity: 'info',
    checks: 'SCM merge proposals and commit signing are used knowing they need a paid Flipt licence',
    source: 'flipt-v2.md §1.4 (scm integration requires a paid license; using noop SCM)',
  },
  (input, emit) => {
    if (input.flipt?.licenceKeyPresent === true) return
    const scm = input.ctx.environments.filter((e) => e.scm !== null).map((e) => e.id)
    const signing = input.flipt?.signingStorages ?? []
    if (scm.length === 0 && signing.length === 0) return
    const list = (ids: readonly string[]): string =>
      `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`
    emit({
      subject: 'license.key',
      title: 'SCM and signing need a paid Flipt licence',
      detail: `${scm.length > 0 ? `Environments with scm: ${list(scm)}. ` : ''}${signing.length > 0 ? `Storages with commit signing: ${list(signing)}. ` : ''}Without a licence Flipt accepts the config but logs "scm integration requires a paid license; using noop SCM." and opens no proposals (signing falls back to unsigned commits).`,
    })
  },
)

const storageNameKey = defineRule(
  {
    id: 'flipt.storage_name_key',
    family: 'flipt_config',
    severity: 'warning',
    checks: 'no storage.<id>.name (shown in the docs, ignored by Flipt, rejected by its schema)',
    source: 'flipt-v2.md §8',
  },
  (input, emit) => {
    for (const id of input.flipt?.storageNameKeys ?? [])
      emit({
        subject: `storage.${id}.name`,
        title: 'storage.<id>.name is not a Flipt v2 setting',
        detail:
          'The docs show it, but Flipt ignores it and its JSON schema rejects the file (additionalProperties: false). Remove it.',
      })
  },
)

const unknownCredentialType = defineRule(
  {
    id: 'flipt.unknown_credential_type',
    family: 'flipt_config',
    severity: 'error',
    checks: 'credential types are basic, ssh, access_token or github_app',
    source: SOURCE,
  },
  (input, emit) => {
    for (const u of input.flipt?.unknownCredentialTypes ?? [])
      emit({
        subject: `credentials.${u.credentialId}.type`,
        title: `Unknown credential type ${quote(u.type, 40)}`,
        detail: `Flipt refuses to start: credentials: ${u.credentialId} credentials: type unexpected credential type "${u.type}". Use basic, ssh, access_token or github_app.`,
      })
  },
)

const idUppercase = defineRule(
  {
    id: 'flipt.id_uppercase',
    family: 'flipt_config',
    severity: 'warning',
    checks: 'map ids are lowercase (Flipt lowercases ids but not the references to them)',
    source: 'flipt-v2.md §1.1 (Viper lowercases keys)',
  },
  (input, emit) => {
    for (const u of input.flipt?.uppercaseIds ?? [])
      emit({
        subject: `${u.section}.${u.written.toLowerCase()}`,
        title: `${quote(u.written, 60)} becomes "${u.written.toLowerCase()}"`,
        detail: `Flipt lowercases the ids under ${u.section}, so any reference written as ${quote(u.written, 60)} no longer matches. Write the id in lowercase.`,
      })
  },
)

/** The Flipt-config family's rules. */
export const fliptConfigRules: readonly Rule[] = [
  licenceRequired,
  storageNameKey,
  unknownCredentialType,
  idUppercase,
]
