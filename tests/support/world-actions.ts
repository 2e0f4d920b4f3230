import type { Account, AccountFields } from '@shared/domain/account'
import type { ConnectionResult, OperationResult } from '@shared/domain/git-operation'
import type { Repository } from '@shared/domain/repository'
import type { Result } from '@shared/result'
import type { TestWorld } from './test-world'

/** Unwraps a dispatcher result or fails the test with the error. */
export function must<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.value as T
}

/** Adds an account through the dispatcher (the same path the UI takes). */
export async function addAccount(
  world: TestWorld,
  fields: Partial<AccountFields> & Pick<AccountFields, 'provider' | 'host' | 'tokenKind'>,
  token: string,
): Promise<Account> {
  const full: AccountFields = {
    deployment: 'self_hosted',
    pathPrefix: null,
    label: `${fields.provider} test`,
    username: 'tester',
    scopes: [],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    ...fields,
  }
  return must<Account>(await world.dispatcher.dispatch('accounts:add', { fields: full, token }))
}

/** A repository draft with defaults; `id: ''` asks main to assign one. */
export function repoDraft(over: Partial<Repository> & Pick<Repository, 'remote'>): Repository {
  return {
    id: '',
    branch: 'main',
    accountId: null,
    credentialId: null,
    backend: { type: 'memory' },
    pollInterval: '30s',
    fetchPolicy: 'strict',
    caCertPath: null,
    caCertPem: null,
    insecureSkipTls: false,
    author: null,
    localPath: null,
    ...over,
  }
}

/** Saves a repository through the dispatcher. */
export async function saveRepo(
  world: TestWorld,
  over: Partial<Repository> & Pick<Repository, 'remote'>,
): Promise<Repository> {
  return must<Repository>(
    await world.dispatcher.dispatch('repositories:save', { repository: repoDraft(over) }),
  )
}

let seq = 0
/** A fresh operation id. */
export const opId = (): string => `op-${Date.now().toString(36)}-${(seq++).toString(36)}`

/** Runs test-connection through the dispatcher. */
export async function testConnection(
  world: TestWorld,
  repositoryId: string,
): Promise<Result<ConnectionResult>> {
  return (await world.dispatcher.dispatch('git:test', {
    repositoryId,
    operationId: opId(),
  })) as Result<ConnectionResult>
}

/** Runs the write probe through the dispatcher. */
export async function probeWrite(world: TestWorld, repositoryId: string): Promise<Result<ConnectionResult>> {
  return (await world.dispatcher.dispatch('git:probe-write', {
    repositoryId,
    operationId: opId(),
  })) as Result<ConnectionResult>
}

/** Runs clone/fetch/pull/push through the dispatcher. */
export async function runOp(
  world: TestWorld,
  repositoryId: string,
  op: 'clone' | 'fetch' | 'pull' | 'push',
  operationId = opId(),
): Promise<Result<OperationResult>> {
  return (await world.dispatcher.dispatch('git:run', {
    repositoryId,
    operationId,
    op,
  })) as Result<OperationResult>
}

/** Creates `path` and picks it in the (scripted) native dialog, which approves it as a clone root. */
export async function pickFolder(world: TestWorld, path: string): Promise<string> {
  const { mkdirSync } = await import('node:fs')
  mkdirSync(path, { recursive: true })
  world.dialogs.next = path
  const r = must<{ path: string | null }>(
    await world.dispatcher.dispatch('dialog:choose-folder', { title: 'Choose a folder' }),
  )
  if (!r.path) throw new Error('dialog returned nothing')
  return r.path
}
