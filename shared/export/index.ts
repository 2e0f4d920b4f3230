/** The pure exporters and importers (ARCHITECTURE.md §7); main does the file writing. */
export { exportFlipt, type FliptExport, type FliptExportOptions } from './flipt.writer'
export { type SecretMode } from './flipt-secret-sink'
export { importFlipt, type ImportResult } from './flipt.importer'
export { type ImportProblem, type PendingSecret, type UnmodelledKey } from './flipt-import-context'
export { readInlineSecret, SECRET_FIELDS, type SecretField } from './flipt-inline-secret'
export { diffWorkspaces, type WorkspaceDiff, type EntityChanges, type FieldChange } from './workspace.diff'
export { exportDflow, dflowSheetMarkdown, type DflowExport, type DflowSourceSheet } from './dflow.writer'
export { exportGitConfig, type GitConfigExport } from './git-config.writer'
export {
  serializeWorkspace,
  parseWorkspace,
  migrateWorkspace,
  WORKSPACE_MIGRATIONS,
  type WorkspaceFileIssue,
  type WorkspaceMigration,
} from './workspace-file.codec'
export { FLIPT_CREDENTIAL_RULES, fliptRuleFor } from './flipt-credential-rules'
