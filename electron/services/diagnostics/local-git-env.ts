import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  CloneCredential,
  CredentialHelper,
  EnvToken,
  GitConfigScope,
  LocalGitEnv,
  NetrcEntry,
} from '@shared/diagnostics/diagnose.types'
import { ENV_TOKEN_VARIABLES } from '@shared/diagnostics/rules/local-env-tokens.table'
import { redact } from '@shared/logic/redact'
import { validateRemoteUrl } from '@shared/logic/remote-url'
import { analyzeToken } from '@shared/providers/token-analysis'
import { lexRemote } from '@shared/providers/url-parts'

/**
 * Collects the local git environment that can shadow or leak an account outside GitKeys
 * (users-and-anchors.md §4 idea 5): credential helpers per scope, token variables, ~/.netrc machines
 * and logins, and credentials embedded in existing clones' remote URLs. Secrets are read only to be
 * analysed or detected and are never kept: passwords are dropped while parsing, URLs are redacted.
 * git runs only through the injected port (the git runner is the only child_process user).
 */

/** Runs `git <args>` (in `cwd` when given) and resolves with stdout; rejects when git exits non-zero. */
export type ReadGitConfig = (args: readonly string[], cwd?: string) => Promise<string>

/** What the collector reads from: git (through the port), the environment and the home directory. */
export type GitEnvPorts = {
  readonly readGitConfig: ReadGitConfig
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  readonly now?: Date
}

const SCOPES: readonly GitConfigScope[] = ['system', 'global', 'local', 'worktree', 'command']
const asScope = (s: string): GitConfigScope => SCOPES.find((x) => x === s) ?? 'unknown'
const MAX_NETRC = 256 * 1024

/** Parses `git config -z --show-scope --show-origin --get-regexp` output into helper entries, in git's order. */
export function parseHelperConfig(out: string): CredentialHelper[] {
  const fields = out.split('\0')
  const helpers: CredentialHelper[] = []
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [scope = '', origin = '', entry = ''] = fields.slice(i, i + 3)
    const nl = entry.indexOf('\n')
    const key = nl < 0 ? entry : entry.slice(0, nl)
    const value = nl < 0 ? '' : entry.slice(nl + 1)
    const m = /^credential\.(.+)\.helper$/i.exec(key)
    if (!m && key.toLowerCase() !== 'credential.helper') continue
    helpers.push({
      scope: asScope(scope),
      origin: origin.slice(0, 500),
      urlPattern: m?.[1] ?? null,
      value: value.slice(0, 500),
    })
  }
  return helpers
}

/** Credential helpers from system and global config (and local, when `cwd` is a repository), in order. */
export async function readCredentialHelpers(read: ReadGitConfig, cwd?: string): Promise<CredentialHelper[]> {
  try {
    return parseHelperConfig(
      await read(
        ['config', '-z', '--show-scope', '--show-origin', '--get-regexp', '^credential\\..*helper$'],
        cwd,
      ),
    )
  } catch {
    // git exits 1 when no key matches.
    return []
  }
}

/** The token variables that are set, analysed and forgotten. */
export function readEnvTokens(env: Readonly<Record<string, string | undefined>>, now: Date): EnvToken[] {
  return ENV_TOKEN_VARIABLES.flatMap((v) => {
    const value = env[v.name]
    if (value === undefined) return []
    return [
      {
        name: v.name,
        empty: value.trim() === '',
        analysis: value.trim() === '' ? null : analyzeToken(value, { provider: v.provider, now }),
      },
    ]
  })
}

/** Parses a netrc text into machine/login entries; password values are skipped, never stored. */
export function parseNetrc(text: string, file: string): NetrcEntry[] {
  const out: NetrcEntry[] = []
  const lines = text.split(/\r?\n/)
  const tokens: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const words = line
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '')
    if (words[0] === 'macdef') {
      while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') i++
      continue
    }
    tokens.push(...words)
  }
  let current: { machine: string; login: string | null; hasPassword: boolean } | null = null
  const flush = (): void => {
    if (current) out.push({ file, ...current })
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t === 'machine' || t === 'default') {
      flush()
      current = {
        machine: t === 'default' ? 'default' : (tokens[++i] ?? '').toLowerCase().slice(0, 253),
        login: null,
        hasPassword: false,
      }
    } else if (current && t === 'login') current.login = (tokens[++i] ?? '').slice(0, 200)
    else if (current && t === 'password') {
      i++
      current.hasPassword = true
    } else if (t === 'account') i++
  }
  flush()
  return out
}

/** ~/.netrc and ~/_netrc (what libcurl reads for git), machines and logins only. */
export async function readNetrc(homeDir: string): Promise<NetrcEntry[]> {
  const out: NetrcEntry[] = []
  for (const name of ['.netrc', '_netrc']) {
    const file = join(homeDir, name)
    try {
      const buf = await readFile(file)
      if (buf.length <= MAX_NETRC) out.push(...parseNetrc(buf.toString('utf8'), file))
    } catch {
      // Absent or unreadable: nothing to report.
    }
  }
  return out
}

/** The remotes of a clone whose URL carries a username or secret (redacted). */
export async function readCloneCredentials(
  read: ReadGitConfig,
  path: string,
  repositoryId: string | null,
): Promise<CloneCredential[]> {
  let out: string
  try {
    out = await read(['config', '-z', '--get-regexp', '^remote\\..*\\.url$'], path)
  } catch {
    return []
  }
  return out.split('\0').flatMap((entry) => {
    const nl = entry.indexOf('\n')
    if (nl < 0) return []
    const remote = /^remote\.(.+)\.url$/i.exec(entry.slice(0, nl))?.[1] ?? ''
    const url = entry.slice(nl + 1).trim()
    const lexed = lexRemote(url)
    if (!lexed.ok || lexed.parts.userinfo === null || lexed.parts.form !== 'url') return []
    const check = validateRemoteUrl(url, { allowHttpLoopback: true })
    const issues = check.ok ? check.notices : check.problems
    const secret = (lexed.parts.password ?? '') !== '' || issues.some((i) => i.id === 'url.secret_in_url')
    return [
      {
        path,
        repositoryId,
        remote: remote.slice(0, 100),
        url: redact(url).slice(0, 500),
        host: lexed.parts.port === null ? lexed.parts.host : `${lexed.parts.host}:${lexed.parts.port}`,
        username:
          (lexed.parts.password ?? '') !== '' || !secret
            ? (lexed.parts.username ?? '').slice(0, 200) || null
            : null,
        hasPassword: secret,
      },
    ]
  })
}

/** Collects the whole local git environment; `clones` are the folders of existing clones to inspect. */
export async function collectLocalGitEnv(
  ports: GitEnvPorts,
  clones: ReadonlyArray<{ readonly path: string; readonly repositoryId: string | null }>,
): Promise<LocalGitEnv> {
  const [helpers, netrc, cloneLists] = await Promise.all([
    readCredentialHelpers(ports.readGitConfig),
    readNetrc(ports.homeDir),
    Promise.all(clones.map((c) => readCloneCredentials(ports.readGitConfig, c.path, c.repositoryId))),
  ])
  return {
    helpers,
    envTokens: readEnvTokens(ports.env, ports.now ?? new Date()),
    netrc,
    clones: cloneLists.flat(),
  }
}
