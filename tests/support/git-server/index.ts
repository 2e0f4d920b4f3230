export { startGitServer } from './git-server'
export { looksLikeToken } from './auth-rules'
export type {
  AzureBadCredentials,
  CredentialSpec,
  Fault,
  FaultRule,
  Flavor,
  GitServer,
  GitServerOptions,
  GitService,
  KindsOf,
  RepoSpec,
  RequestRecord,
  TokenKind,
} from './types'
