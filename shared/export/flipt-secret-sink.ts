import type { SecretRef } from '../domain/credential'
import type { Finding } from '../domain/finding'
import type { Workspace, WorkspaceAccount } from '../domain/workspace'
import { exportFinding, oneLine } from './finding-builder'
import { refText } from './flipt-values'
import { accountEnvNames, fileSecretName, pendingEnvName } from './secret-names'

/** How vault-held secrets are written: `${env:…}` (default), `${secret:file:…}`, or inline values. */
export type SecretMode = 'env' | 'file' | 'inline'

/** Options of {@link createSecretSink}; the same fields as the export options. */
export type SecretSinkOptions = {
  readonly secrets: SecretMode
  /** Only used for `inline`, supplied by main after the user's explicit confirmation. */
  readonly inlineSecrets?: (accountId: string) => string | null
}

/** Collects what a Flipt export references: env variables, secret files, and findings. */
export type SecretSink = {
  /** The text to write for a secret reference, or null when there is none. */
  render(
    ref: SecretRef | null,
    credential: { readonly id: string; readonly accountId: string | null },
    field: string,
    hosts: readonly string[],
  ): string | null
  envTemplate(): string
  readonly secretFiles: Array<{ readonly name: string; readonly accountId: string }>
  readonly findings: Finding[]
  /** True once a `${secret:file:…}` reference was generated (the file provider must be on). */
  readonly createdFileRefs: () => boolean
  /** True when a carried reference uses the file provider. */
  readonly carriedFileRefs: () => boolean
}

const describeAccount = (a: WorkspaceAccount): string =>
  `${oneLine(a.label)} (${a.provider} account${a.username ? ` ${oneLine(a.username)}` : ''} on ${a.host}${a.pathPrefix ? `/${oneLine(a.pathPrefix)}` : ''})`

/** A sink for one export. Secret values pass through it only in `inline` mode. */
export function createSecretSink(ws: Workspace, opts: SecretSinkOptions): SecretSink {
  const envNames = accountEnvNames(ws.accounts)
  const accounts = new Map(ws.accounts.map((a) => [a.id, a]))
  const vars = new Map<string, string[]>()
  const secretFiles: Array<{ name: string; accountId: string }> = []
  const findings: Finding[] = []
  let fileRefs = false
  let carriedFileRefs = false
  let inlineWarned = false

  const useVar = (name: string, note: string): string => {
    const notes = vars.get(name) ?? []
    if (!notes.includes(note)) notes.push(note)
    vars.set(name, notes)
    return `\${env:${name}}`
  }
  const takenNames = (): Set<string> => new Set([...vars.keys(), ...envNames.values()])

  const vault = (accountId: string, where: string, hosts: readonly string[]): string => {
    const account = accounts.get(accountId)
    const name = envNames.get(accountId) ?? pendingEnvName(accountId, 'token', takenNames())
    const note = `${account ? describeAccount(account) : `account ${accountId} (missing)`} · ${where}`
    if (!account)
      findings.push(
        exportFinding(
          'export.account_missing',
          'error',
          where,
          'Bound account is missing',
          `Account "${accountId}" is not in the workspace.`,
        ),
      )
    if (opts.secrets === 'file') {
      const file = fileSecretName(name)
      if (!secretFiles.some((f) => f.name === file)) secretFiles.push({ name: file, accountId })
      fileRefs = true
      return `\${secret:file:${file}}`
    }
    if (opts.secrets === 'inline') {
      const value = opts.inlineSecrets?.(accountId) ?? null
      if (value !== null && value !== '') {
        if (!inlineWarned)
          findings.push(
            exportFinding(
              'export.inline_secrets',
              'warning',
              'credentials',
              'This file contains tokens',
              'Save it with mode 0600 where only Flipt can read it, and never commit it.',
            ),
          )
        inlineWarned = true
        return value
      }
      findings.push(
        exportFinding(
          'export.inline_secret_unavailable',
          'warning',
          where,
          'Token not available',
          `The token of ${note} could not be read, so an env reference is written instead.`,
        ),
      )
    }
    return useVar(name, hosts.length > 0 ? `${note} · ${hosts.join(', ')}` : note)
  }

  return {
    render(ref, credential, field, hosts) {
      const credentialId = credential.id
      const where = `credentials.${credentialId}.${field}`
      if (ref === null) return null
      const owner = credential.accountId === null ? undefined : accounts.get(credential.accountId)
      switch (ref.kind) {
        case 'env':
          return useVar(
            ref.name,
            `${owner ? `${describeAccount(owner)} · ` : ''}${where}${hosts.length > 0 ? ` · ${hosts.join(', ')}` : ''}`,
          )
        case 'secret':
          if (ref.provider === 'file') carriedFileRefs = true
          return refText(ref)
        case 'vault':
          return vault(ref.accountId, where, hosts)
        case 'pending': {
          const name = pendingEnvName(credentialId, field, takenNames())
          findings.push(
            exportFinding(
              'export.pending_secret',
              'warning',
              where,
              'Imported secret not confirmed',
              `The inline value (${ref.hint}) was not moved to the vault; \${env:${name}} is written instead.`,
            ),
          )
          return useVar(name, `${where} (imported inline value ${ref.hint}, not in the vault)`)
        }
      }
    },
    envTemplate() {
      if (vars.size === 0) return ''
      const head = [
        '# Environment for the Flipt config exported by GitKeys. No values are written here:',
        '# set each variable where Flipt runs (an unset variable becomes "" and fails Flipt\'s checks).',
      ]
      const body = [...vars.entries()].flatMap(([name, notes]) => [
        '',
        ...notes.map((n) => `# ${oneLine(n)}`),
        `${name}=`,
      ])
      return `${[...head, ...body].join('\n')}\n`
    },
    secretFiles,
    findings,
    createdFileRefs: () => fileRefs,
    carriedFileRefs: () => carriedFileRefs,
  }
}
