import { z } from 'zod'
import { AccountSchema } from '../domain/account'
import { CredentialSchema } from '../domain/credential'
import { EnvironmentSchema } from '../domain/environment'
import { ErrorCategorySchema, TokenUseSchema } from '../domain/provider'
import { RepositorySchema } from '../domain/repository'
import { TokenAnalysisSchema } from '../domain/token-analysis'

/**
 * What the offline rule engine reads (ARCHITECTURE.md §6). Every fact is gathered elsewhere (main,
 * the CLI, the Flipt doctor) and is secret-free: token values never appear, only their analysis and
 * hints. The schemas are exported because the context crosses IPC.
 */

/** A GitKeys account plus the analysis of its vault token, computed in main (null when no token is stored). */
export const AccountFactsSchema = AccountSchema.extend({ analysis: TokenAnalysisSchema.nullable() })
/** See {@link AccountFactsSchema}. */
export type AccountFacts = z.infer<typeof AccountFactsSchema>

/** The credential fields that carry secrets, named as Flipt config paths below `credentials.<id>`. */
export const SecretFieldSchema = z.enum([
  'access_token',
  'basic.password',
  'ssh.password',
  'ssh.private_key_bytes',
  'github_app.private_key_bytes',
])
/** See {@link SecretFieldSchema}. */
export type SecretField = z.infer<typeof SecretFieldSchema>

/**
 * One secret reference of one credential and what it resolves to. `source` mirrors the SecretRef kind
 * (`none`: the field is absent). `envState` describes `${env:NAME}`; `resolved` is true when a non-empty
 * value is available; `analysis` is the secret-free reading of that value (null for keys, references that
 * cannot be read here, or values that were not available).
 */
export const SecretFactsSchema = z.object({
  credentialId: z.string(),
  field: SecretFieldSchema,
  source: z.enum(['vault', 'env', 'secret', 'pending', 'none']),
  envName: z.string().nullable(),
  envState: z.enum(['set', 'empty', 'unset']).nullable(),
  resolved: z.boolean(),
  analysis: TokenAnalysisSchema.nullable(),
})
/** See {@link SecretFactsSchema}. */
export type SecretFacts = z.infer<typeof SecretFactsSchema>

/**
 * Facts about one local folder: a Flipt `backend.path` or the folder GitKeys clones a repository into.
 * `empty` is null when the folder does not exist or cannot be listed; `gitRemoteUrl` is the folder's
 * `origin` URL with userinfo redacted to `user:***@`, or null when it is no clone.
 */
export const PathFactsSchema = z.object({
  repositoryId: z.string(),
  role: z.enum(['backend', 'clone']),
  path: z.string(),
  absolute: z.boolean(),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  writable: z.boolean(),
  empty: z.boolean().nullable(),
  isSymlink: z.boolean(),
  /** The link resolves outside the folder that contains it. */
  realpathOutsideParent: z.boolean(),
  parentExists: z.boolean(),
  parentWritable: z.boolean(),
  isGitRepo: z.boolean(),
  gitRemoteUrl: z.string().nullable(),
})
/** See {@link PathFactsSchema}. */
export type PathFacts = z.infer<typeof PathFactsSchema>

/** A CA certificate file named by `storage.<id>.ca_cert_path`. */
export const CaCertFactsSchema = z.object({
  repositoryId: z.string(),
  path: z.string(),
  readable: z.boolean(),
  isPem: z.boolean(),
})
/** See {@link CaCertFactsSchema}. */
export type CaCertFacts = z.infer<typeof CaCertFactsSchema>

/** Where a git config value comes from (`git config --show-scope`). */
export const GitConfigScopeSchema = z.enum(['system', 'global', 'local', 'worktree', 'command', 'unknown'])
/** See {@link GitConfigScopeSchema}. */
export type GitConfigScope = z.infer<typeof GitConfigScopeSchema>

/** One `credential.helper` or `credential.<url>.helper` entry, in the order git reads them. */
export const CredentialHelperSchema = z.object({
  scope: GitConfigScopeSchema,
  /** The config file or origin git reports (`file:/home/u/.gitconfig`). */
  origin: z.string(),
  /** The URL pattern of a `credential.<url>.helper` key, or null for plain `credential.helper`. */
  urlPattern: z.string().nullable(),
  /** The helper as configured (`store`, `!gh auth git-credential`); '' resets the list. */
  value: z.string(),
})
/** See {@link CredentialHelperSchema}. */
export type CredentialHelper = z.infer<typeof CredentialHelperSchema>

/** A token-bearing environment variable that is set: its name and a secret-free reading, never the value. */
export const EnvTokenSchema = z.object({
  name: z.string(),
  empty: z.boolean(),
  analysis: TokenAnalysisSchema.nullable(),
})
/** See {@link EnvTokenSchema}. */
export type EnvToken = z.infer<typeof EnvTokenSchema>

/** A `.netrc` / `_netrc` entry: machine and login only; the password is never kept. */
export const NetrcEntrySchema = z.object({
  file: z.string(),
  /** The machine name, or `default` for a `default` entry. */
  machine: z.string(),
  login: z.string().nullable(),
  hasPassword: z.boolean(),
})
/** See {@link NetrcEntrySchema}. */
export type NetrcEntry = z.infer<typeof NetrcEntrySchema>

/** A remote of an existing clone whose URL embeds a username and/or password (redacted). */
export const CloneCredentialSchema = z.object({
  path: z.string(),
  repositoryId: z.string().nullable(),
  remote: z.string(),
  /** Redacted to `https://user:***@host/…`. */
  url: z.string(),
  host: z.string(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
})
/** See {@link CloneCredentialSchema}. */
export type CloneCredential = z.infer<typeof CloneCredentialSchema>

/** The local git environment that can shadow or leak an account outside GitKeys. */
export const LocalGitEnvSchema = z.object({
  helpers: z.array(CredentialHelperSchema),
  envTokens: z.array(EnvTokenSchema),
  netrc: z.array(NetrcEntrySchema),
  clones: z.array(CloneCredentialSchema),
})
/** See {@link LocalGitEnvSchema}. */
export type LocalGitEnv = z.infer<typeof LocalGitEnvSchema>

/** Everything main (or the CLI) collected from the machine; null in a context means "not collected". */
export const LocalFactsSchema = z.object({
  paths: z.array(PathFactsSchema),
  caCerts: z.array(CaCertFactsSchema),
  git: LocalGitEnvSchema.nullable(),
})
/** See {@link LocalFactsSchema}. */
export type LocalFacts = z.infer<typeof LocalFactsSchema>

/** An optional online result (services/probes): it only adds facts; offline answers stand without it. */
export const ProbeFactsSchema = z.object({
  /** `accounts.<id>`, `storage.<id>` or `credentials.<id>`. */
  subject: z.string(),
  ok: z.boolean(),
  category: ErrorCategorySchema.nullable(),
  login: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  /** YYYY-MM-DD or an ISO instant. */
  expiresAt: z.string().nullable(),
  ms: z.number().nonnegative(),
  message: z.string().optional(),
})
/** See {@link ProbeFactsSchema}. */
export type ProbeFacts = z.infer<typeof ProbeFactsSchema>

/** A reference as written in a Flipt config and the id it resolves to as Flipt resolves it (null: undefined). */
export const FliptReferenceSchema = z.object({
  /** The config path of the referring field (`environments.prod.storage`). */
  subject: z.string(),
  target: z.enum(['storage', 'credentials']),
  written: z.string(),
  resolvedId: z.string().nullable(),
})
/** See {@link FliptReferenceSchema}. */
export type FliptReference = z.infer<typeof FliptReferenceSchema>

/** Raw-config facts the model cannot hold, gathered by the Flipt doctor from the file itself. */
export const FliptFactsSchema = z.object({
  /** Storage ids that carry the docs-only `name` key. */
  storageNameKeys: z.array(z.string()),
  /** `poll_interval` written as a bare YAML number (Flipt reads nanoseconds). */
  bareDurations: z.array(z.object({ storageId: z.string(), value: z.string() })),
  unknownCredentialTypes: z.array(z.object({ credentialId: z.string(), type: z.string() })),
  references: z.array(FliptReferenceSchema),
  /** Map keys that are not lowercase: Flipt lowercases them, references are not. */
  uppercaseIds: z.array(z.object({ section: z.string(), written: z.string() })),
  /** Whole-value `${env:NAME}` references in any field and how they resolve. */
  envRefs: z.array(
    z.object({ subject: z.string(), name: z.string(), state: z.enum(['set', 'empty', 'unset']) }),
  ),
  /** `${env:…}` inside a longer value: Flipt leaves such text as it is. */
  partialEnvRefs: z.array(z.object({ subject: z.string(), name: z.string() })),
  /** v1-style `${NAME}` references, which v2 does not resolve. */
  v1EnvRefs: z.array(z.object({ subject: z.string(), name: z.string() })),
  malformedSecretRefs: z.array(z.object({ subject: z.string(), why: z.string() })),
  /** `${secret:file:…}` references and whether the file provider is enabled with a base_path. */
  fileSecretRefs: z.array(z.object({ subject: z.string(), key: z.string() })),
  secretsFileProvider: z.object({ enabled: z.boolean(), basePath: z.string().nullable() }),
  /** Environments with `scm` but no `api_url` written. */
  absentApiUrls: z.array(z.string()),
  /** Storages with `signature.enabled: true` (a Pro feature). */
  signingStorages: z.array(z.string()),
  /** A `license.key` is present in the file (null: unknown). */
  licenceKeyPresent: z.boolean().nullable(),
})
/** See {@link FliptFactsSchema}. */
export type FliptFacts = z.infer<typeof FliptFactsSchema>

/** Everything `diagnose` reads. */
export const DiagnoseContextSchema = z.object({
  accounts: z.array(AccountFactsSchema),
  credentials: z.array(CredentialSchema),
  repositories: z.array(RepositorySchema),
  environments: z.array(EnvironmentSchema),
  secrets: z.array(SecretFactsSchema),
  local: LocalFactsSchema.nullable(),
  probes: z.array(ProbeFactsSchema),
  flipt: FliptFactsSchema.optional(),
})
/** See {@link DiagnoseContextSchema}. */
export type DiagnoseContext = z.infer<typeof DiagnoseContextSchema>

/** Options of `diagnose`: the expiry warning window (default 14 days) and a use that overrides the derived one. */
export const DiagnoseOptionsSchema = z.object({
  expiryWarningDays: z.number().int().min(0).max(3650).optional(),
  use: TokenUseSchema.optional(),
})
/** See {@link DiagnoseOptionsSchema}. */
export type DiagnoseOptions = z.infer<typeof DiagnoseOptionsSchema>

/** The default expiry warning window in days. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 14

/** An empty Flipt facts record, for contexts built from a GitKeys workspace rather than a file. */
export function emptyFliptFacts(): FliptFacts {
  return {
    storageNameKeys: [],
    bareDurations: [],
    unknownCredentialTypes: [],
    references: [],
    uppercaseIds: [],
    envRefs: [],
    partialEnvRefs: [],
    v1EnvRefs: [],
    malformedSecretRefs: [],
    fileSecretRefs: [],
    secretsFileProvider: { enabled: false, basePath: null },
    absentApiUrls: [],
    signingStorages: [],
    licenceKeyPresent: null,
  }
}
