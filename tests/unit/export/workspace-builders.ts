import type { Credential } from '@shared/domain/credential'
import type { Environment } from '@shared/domain/environment'
import { newRepository, type Repository } from '@shared/domain/repository'
import { emptyWorkspace, type Workspace, type WorkspaceAccount } from '@shared/domain/workspace'

/** Test builders: model entities with sensible defaults, overridable field by field. */

/** An account on a host, cloud by default. */
export function account(
  over: Partial<WorkspaceAccount> & Pick<WorkspaceAccount, 'id' | 'provider' | 'host'>,
): WorkspaceAccount {
  return {
    deployment: 'cloud',
    pathPrefix: null,
    label: over.id,
    username: '',
    tokenKind: 'pat',
    scopes: [],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    createdAt: '2026-08-01T00:00:00.000Z',
    updatedAt: '2026-08-01T00:00:00.000Z',
    secret: { ref: 'vault', hint: 'ghp_…a1b2', fingerprint: 'fp' },
    ...over,
  }
}

/** A credential with no account and no secret unless given. */
export function credential(over: Partial<Credential> & Pick<Credential, 'id' | 'type'>): Credential {
  return { accountId: null, username: null, secret: null, ssh: null, githubApp: null, ...over }
}

/** A repository on `main`, memory backend, polled every 30s. */
export function repository(over: Partial<Repository> & Pick<Repository, 'id' | 'remote'>): Repository {
  return newRepository(over)
}

/** A non-default environment named after its id, at the repository root. */
export function environment(
  over: Partial<Environment> & Pick<Environment, 'id' | 'repositoryId'>,
): Environment {
  return { name: over.id, default: false, directory: '', scm: null, dflow: null, ...over }
}

/** An empty workspace with the given parts. */
export function workspace(over: Partial<Workspace>): Workspace {
  return { ...emptyWorkspace(), ...over }
}
