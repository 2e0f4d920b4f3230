import type { Environment } from '../domain/environment'
import type { Repository } from '../domain/repository'

/** The entity a `set_field` fix changes, already changed. */
export type FieldFixTarget = { readonly repository: Repository } | { readonly environment: Environment }

const REPO_FIELDS: Readonly<Record<string, (r: Repository, v: string) => Repository>> = {
  remote: (r, v) => ({ ...r, remote: v }),
  branch: (r, v) => ({ ...r, branch: v }),
  poll_interval: (r, v) => ({ ...r, pollInterval: v }),
  insecure_skip_tls: (r, v) => ({ ...r, insecureSkipTls: v === 'true' }),
  ca_cert_path: (r, v) => ({ ...r, caCertPath: v || null }),
}

const ENV_FIELDS: Readonly<Record<string, (e: Environment, v: string) => Environment>> = {
  directory: (e, v) => ({ ...e, directory: v }),
  name: (e, v) => ({ ...e, name: v }),
  'scm.api_url': (e, v) => (e.scm ? { ...e, scm: { ...e.scm, apiUrl: v || null } } : e),
}

/**
 * Maps a finding's `set_field` fix (a Flipt config path such as `storage.flags.remote` or
 * `environments.production.scm.api_url`) to the repository or environment it changes, or null
 * when GitKeys cannot apply it itself.
 */
export function applyFieldFix(
  subject: string,
  value: string,
  ws: { readonly repositories: readonly Repository[]; readonly environments: readonly Environment[] },
): FieldFixTarget | null {
  const m = /^(storage|environments)\.([^.]+)\.(.+)$/.exec(subject)
  if (!m) return null
  const [, kind, id, field] = m
  if (kind === 'storage') {
    const r = ws.repositories.find((x) => x.id === id)
    const set = field ? REPO_FIELDS[field] : undefined
    return r && set ? { repository: set(r, value) } : null
  }
  const e = ws.environments.find((x) => x.id === id)
  const set = field ? ENV_FIELDS[field] : undefined
  return e && set ? { environment: set(e, value) } : null
}
