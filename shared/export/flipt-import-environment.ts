import type { Environment, ScmType } from '../domain/environment'
import { collectExtra, setIn, type ImportContext } from './flipt-import-context'
import { resolveRef } from './flipt-import-storage'
import { azureApiUrlPath, GITEA_SDK_SUFFIX } from './flipt-scm-api'
import { asRecord, weakBool, weakString } from './flipt-values'

/**
 * Reads one `environments.<id>` entry (flipt-v2.md §1.4). Defaults as Flipt's `setDefaults`: name =
 * the (lowercased) map key, storage = `default`, and `default: true` when it is the only
 * environment and does not say otherwise.
 */

const SCM_TYPES: readonly ScmType[] = ['github', 'gitlab', 'bitbucket', 'azure', 'gitea']
const isScmType = (t: string | null): t is ScmType =>
  t !== null && (SCM_TYPES as readonly string[]).includes(t)

/** The lookups an environment needs: lowercased storage and credential keys to GitKeys ids. */
export type EnvironmentRefs = {
  readonly storageIds: ReadonlyMap<string, string>
  readonly credentialIds: ReadonlyMap<string, string>
  readonly environmentCount: number
}

/** Reads an environment; `lower` is the lowercased map key (Flipt's id and default name). */
export function readEnvironment(
  key: string,
  lower: string,
  id: string,
  raw: unknown,
  ctx: ImportContext,
  refs: EnvironmentRefs,
  current: Environment | undefined,
): Environment {
  const path = ['environments', key]
  const r = asRecord(raw) ?? {}
  if (raw !== null && raw !== undefined && !asRecord(raw))
    ctx.problem(path, `environments: ${lower} must be a mapping`)
  const extra = collectExtra(
    r,
    ['name', 'default', 'storage', 'directory', 'scm'],
    path,
    ctx,
    () => 'not a Flipt v2 environment setting; kept as written',
  )
  const keep = (field: readonly string[], value: unknown, message: string): void => {
    ctx.problem([...path, ...field], message)
    setIn(extra, field, value)
  }

  let name = r.name === undefined || r.name === null ? lower : (weakString(r.name) ?? lower)
  if (name === '') {
    keep(['name'], '', `environments: ${lower} environments: name non-empty value is required`)
    name = lower
  }

  let isDefault = refs.environmentCount === 1
  if (r.default !== undefined && r.default !== null) {
    const v = weakBool(r.default)
    if (v === null) keep(['default'], r.default, 'default must be true or false')
    else isDefault = v
  }

  const storageRef = weakString(r.storage) || 'default'
  let repositoryId = resolveRef(storageRef, refs.storageIds)
  if (repositoryId === null) {
    ctx.problem([...path, 'storage'], `environments: "${lower}" references undefined storage "${storageRef}"`)
    repositoryId =
      storageRef
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+/, '')
        .slice(0, 64) || 'default'
  }

  const directory = r.directory === undefined || r.directory === null ? '' : (weakString(r.directory) ?? '')

  let scm: Environment['scm'] = null
  if (r.scm !== undefined && r.scm !== null) {
    const s = asRecord(r.scm)
    const type = s ? weakString(s.type) : null
    if (!s || !isScmType(type)) {
      keep(['scm'], r.scm, `environments: ${lower} environments: scm unexpected SCM type: "${type ?? ''}"`)
    } else {
      for (const [k, v] of Object.entries(
        collectExtra(
          s,
          ['type', 'credentials', 'api_url'],
          [...path, 'scm'],
          ctx,
          () => 'not a Flipt scm setting',
        ),
      ))
        setIn(extra, ['scm', k], v)
      const credRef = weakString(s.credentials)
      let credentialId: string | null = null
      if (credRef === null || credRef === '') {
        ctx.problem(
          [...path, 'scm'],
          `scm.credentials is missing: Flipt's schema requires it${type === 'gitlab' ? ' and the GitLab SCM crashes without it' : ''}`,
        )
      } else {
        credentialId = resolveRef(credRef, refs.credentialIds)
        if (credentialId === null)
          keep(
            ['scm', 'credentials'],
            s.credentials,
            `references undefined credential "${credRef}" (Flipt lowercases credential ids but not references)`,
          )
      }
      const apiUrl = s.api_url === undefined || s.api_url === null ? null : weakString(s.api_url)
      if (type === 'gitea' && apiUrl !== null && GITEA_SDK_SUFFIX.test(apiUrl))
        ctx.problem(
          [...path, 'scm', 'api_url'],
          'api_url ends in /api/v1, which the Gitea SDK adds itself; kept as written',
        )
      if (type === 'azure' && apiUrl !== null && azureApiUrlPath(apiUrl) !== null)
        ctx.problem(
          [...path, 'scm', 'api_url'],
          'Flipt appends "/<organisation>" to the Azure api_url, so it should be the host root; kept as written',
        )
      scm = { type, apiUrl, accountId: null, credentialId }
    }
  }

  return {
    id,
    name,
    default: isDefault,
    repositoryId,
    directory,
    scm,
    dflow: current?.dflow ?? null,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  }
}
