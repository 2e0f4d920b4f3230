import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Credential, SecretRef } from '@shared/domain/credential'
import type { Environment } from '@shared/domain/environment'
import type { Repository } from '@shared/domain/repository'
import { WorkspaceSchema, type Workspace, type WorkspaceAccount } from '@shared/domain/workspace'
import { parseWorkspace, serializeWorkspace } from '@shared/export/index'

/**
 * The workspace file round-trips: parseWorkspace(serializeWorkspace(ws)) is ws for any workspace the
 * schema accepts whose references resolve, whatever text its fields hold and whatever JSON the
 * carried Flipt keys are; and writing it again gives the same bytes.
 */

const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}$/)
/** Text with JSON's special characters (quotes, backslashes, controls, U+2028) among any code points. */
const JSON_SPECIAL = fc.constantFrom('"', '\\', '\n', '\u2028', '\u0000', '\u{1F600}')
const str = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ unit: 'binary', minLength: min, maxLength: max }), JSON_SPECIAL, fc.nat())
    .map(([t, c, at]) => (t.length === 0 || at % 3 !== 0 ? t : `${t.slice(0, -1)}${c}`))
const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null })
/** True when a `__proto__` key sits anywhere in a JSON value. */
const hasProtoKey = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (Object.keys(v).includes('__proto__') || Object.values(v).some(hasProtoKey))
/**
 * Carried Flipt keys: any JSON as JSON reads it back (no `-0`), with no `__proto__` key at any depth
 * (the reader refuses those by design; the importer drops them).
 */
const extra = fc
  .dictionary(
    fc.string({ maxLength: 8 }),
    fc.jsonValue({ maxDepth: 2 }).map((v): unknown => JSON.parse(JSON.stringify(v))),
    { maxKeys: 3 },
  )
  .filter((d) => !hasProtoKey(d))
const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

function accountArb(accountId: string): fc.Arbitrary<WorkspaceAccount> {
  return fc.record({
    id: fc.constant(accountId),
    provider: fc.constantFrom('github', 'gitlab', 'bitbucket', 'gitea', 'azure'),
    deployment: fc.constantFrom('cloud', 'self_hosted'),
    host: str(1, 60),
    pathPrefix: nullable(str(0, 40)),
    label: str(1, 40),
    username: str(0, 40),
    tokenKind: str(1, 20),
    scopes: fc.array(str(0, 20), { maxLength: 3 }),
    expiresAt: nullable(isoDate),
    apiUrl: nullable(str(0, 60)),
    labels: fc.array(str(1, 40), { maxLength: 3 }),
    createdAt: str(0, 30),
    updatedAt: str(0, 30),
    secret: fc.record({ ref: fc.constant('vault' as const), hint: str(0, 20), fingerprint: str(0, 20) }),
  })
}

function secretArb(accountIds: readonly string[]): fc.Arbitrary<SecretRef> {
  return fc.oneof(
    ...(accountIds.length > 0
      ? [fc.constantFrom(...accountIds).map((a) => ({ kind: 'vault' as const, accountId: a }))]
      : []),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/).map((name) => ({ kind: 'env' as const, name })),
    fc.record({ kind: fc.constant('secret' as const), provider: str(1, 10), key: str(1, 10) }),
    fc.record({ kind: fc.constant('pending' as const), hint: str(0, 10) }),
  )
}

const ref = (ids: readonly string[]): fc.Arbitrary<string | null> =>
  ids.length > 0 ? nullable(fc.constantFrom(...ids)) : fc.constant(null)

const workspaceArb: fc.Arbitrary<Workspace> = fc
  .tuple(
    fc.uniqueArray(id, { maxLength: 3 }),
    fc.uniqueArray(id, { maxLength: 3 }),
    fc.uniqueArray(id, { maxLength: 3 }),
    fc.uniqueArray(id, { maxLength: 3 }),
  )
  .chain(([accountIds, credentialIds, repositoryIds, environmentIds]) => {
    const credentials = fc.tuple(
      ...credentialIds.map((cid): fc.Arbitrary<Credential> =>
        fc.record(
          {
            id: fc.constant(cid),
            accountId: ref(accountIds),
            type: fc.constantFrom('basic', 'access_token', 'ssh', 'github_app'),
            username: nullable(str(0, 30)),
            secret: nullable(secretArb(accountIds)),
            ssh: nullable(
              fc.record({
                user: nullable(str(0, 10)),
                password: nullable(secretArb(accountIds)),
                privateKeyPath: nullable(str(0, 30)),
                privateKeyBytes: nullable(secretArb(accountIds)),
                insecureIgnoreHostKey: fc.boolean(),
              }),
            ),
            githubApp: nullable(
              fc.record({
                clientId: str(0, 10),
                installationId: str(0, 10),
                privateKeyPath: nullable(str(0, 30)),
                privateKeyBytes: nullable(secretArb(accountIds)),
                apiUrl: nullable(str(0, 30)),
              }),
            ),
            extra,
          },
          { requiredKeys: ['id', 'accountId', 'type', 'username', 'secret', 'ssh', 'githubApp'] },
        ),
      ),
    )
    const repositories = fc.tuple(
      ...repositoryIds.map((rid): fc.Arbitrary<Repository> =>
        fc.record({
          id: fc.constant(rid),
          remote: str(0, 80),
          branch: str(1, 40),
          accountId: ref(accountIds),
          credentialId: ref(credentialIds),
          backend: fc.oneof(
            fc.constant({ type: 'memory' as const }),
            str(1, 30).map((path) => ({ type: 'local' as const, path })),
          ),
          pollInterval: str(0, 40),
          fetchPolicy: fc.constantFrom('strict', 'lenient'),
          caCertPath: nullable(str(0, 30)),
          caCertPem: nullable(str(0, 60)),
          insecureSkipTls: fc.boolean(),
          author: nullable(fc.record({ name: str(0, 20), email: str(0, 30) })),
          localPath: nullable(str(0, 30)),
        }),
      ),
    )
    const environments =
      repositoryIds.length === 0
        ? fc.constant([] as Environment[])
        : fc.tuple(
            ...environmentIds.map((eid): fc.Arbitrary<Environment> =>
              fc.record({
                id: fc.constant(eid),
                name: str(1, 40),
                default: fc.boolean(),
                repositoryId: fc.constantFrom(...repositoryIds),
                directory: str(0, 40),
                scm: nullable(
                  fc.record({
                    type: fc.constantFrom('github', 'gitlab', 'bitbucket', 'azure', 'gitea'),
                    apiUrl: nullable(str(0, 40)),
                    accountId: ref(accountIds),
                    credentialId: ref(credentialIds),
                  }),
                ),
                dflow: nullable(
                  fc.record({ application: str(0, 20), environment: str(0, 20), service: str(0, 20) }),
                ),
              }),
            ),
          )
    return fc.record(
      {
        format: fc.constant('gitkeys-workspace' as const),
        version: fc.constant(1 as const),
        accounts: fc.tuple(...accountIds.map(accountArb)),
        credentials,
        repositories,
        environments,
        flipt: fc.record({ extra, secretsFileBasePath: nullable(str(0, 30)) }),
      },
      { requiredKeys: ['format', 'version', 'accounts', 'credentials', 'repositories', 'environments'] },
    )
  })

describe('workspace file', () => {
  it('parseWorkspace(serializeWorkspace(ws)) is ws, and serialising again gives the same text', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        expect(WorkspaceSchema.safeParse(ws).success).toBe(true)
        const text = serializeWorkspace(ws)
        const back = parseWorkspace(text)
        expect(back.ok ? back.value : back.error).toEqual(ws)
        if (back.ok) expect(serializeWorkspace(back.value)).toBe(text)
      }),
      { numRuns: 80 },
    )
  })
})
