import type { Account, AccountFields } from '@shared/domain/account'
import type { ConnectionResult, OperationResult } from '@shared/domain/git-operation'
import type { Environment } from '@shared/domain/environment'
import { newRepository, type Repository } from '@shared/domain/repository'
import type { Result } from '@shared/result'
import { CANARY } from './canary'
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

/**
 * The GitHub account most tests use: user `octo` with a classic PAT whose token is the canary, on
 * github.com (cloud) unless `over.host` names another host (then self-hosted, e.g. the test git server).
 */
export async function addOctoAccount(world: TestWorld, over: Partial<AccountFields> = {}): Promise<Account> {
  const host = over.host ?? 'github.com'
  return addAccount(
    world,
    {
      provider: 'github',
      deployment: host === 'github.com' ? 'cloud' : 'self_hosted',
      host,
      tokenKind: 'classic_pat',
      username: 'octo',
      ...over,
    },
    CANARY,
  )
}

/** A repository draft with Flipt's defaults; `id: ''` asks main to assign one. */
export function repoDraft(over: Partial<Repository> & Pick<Repository, 'remote'>): Repository {
  return newRepository(over)
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

/** An environment draft: not the default, at the repository root, no SCM or dFlow mapping; `id: ''` asks main to assign one. */
export function envDraft(
  over: Partial<Environment> & Pick<Environment, 'name' | 'repositoryId'>,
): Environment {
  return { id: '', default: false, directory: '', scm: null, dflow: null, ...over }
}

/** Saves an environment through the dispatcher. */
export async function saveEnv(
  world: TestWorld,
  over: Partial<Environment> & Pick<Environment, 'name' | 'repositoryId'>,
): Promise<Environment> {
  return must<Environment>(
    await world.dispatcher.dispatch('environments:save', { environment: envDraft(over) }),
  )
}

/**
 * What the export tests start from, seeded as the UI would: the octo account ("Flags bot"), its
 * repository, and two environments: `production` (the default, at the root) and `staging` (in
 * `staging/`), mapped to the dFlow application `shop` when `dflow` is set.
 */
export async function seedExportWorkspace(
  world: TestWorld,
  { dflow }: { readonly dflow: boolean },
): Promise<{ production: string; staging: string }> {
  const account = await addOctoAccount(world, { label: 'Flags bot' })
  const repo = await saveRepo(world, {
    remote: 'https://github.com/acme/feature-flags.git',
    accountId: account.id,
  })
  const env = async (name: string, isDefault: boolean, directory: string, service: string): Promise<string> =>
    (
      await saveEnv(world, {
        name,
        default: isDefault,
        repositoryId: repo.id,
        directory,
        dflow: dflow ? { application: 'shop', environment: name, service } : null,
      })
    ).id
  return {
    production: await env('production', true, '', 'flags-api'),
    staging: await env('staging', false, 'staging', 'flags-api-staging'),
  }
}
