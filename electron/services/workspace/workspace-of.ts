import { WORKSPACE_VERSION, type Workspace } from '@shared/domain/workspace'
import type { MetadataDoc } from './metadata-doc'

/** The workspace (ARCHITECTURE.md §7) held in the metadata: accounts as vault references, no secrets. */
export function workspaceOf(d: MetadataDoc): Workspace {
  return {
    format: 'gitkeys-workspace',
    version: WORKSPACE_VERSION,
    accounts: d.accounts.map((a) => ({
      ...a,
      secret: { ref: 'vault' as const, hint: a.secret.hint, fingerprint: a.secret.fingerprint },
    })),
    credentials: [...d.credentials],
    repositories: [...d.repositories],
    environments: [...d.environments],
    ...(d.flipt ? { flipt: d.flipt } : {}),
  }
}
