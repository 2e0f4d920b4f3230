/**
 * The environment every git process gets: an allow-list copied from the parent (so a stray
 * GIT_ASKPASS, GIT_TRACE or token variable in the user's shell never reaches git), plus fixed
 * safety settings. Proxy variables are kept on purpose: corporate networks need them.
 */
const INHERITED = [
  'PATH',
  'Path',
  'HOME',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'SystemRoot',
  'SYSTEMROOT',
  'TEMP',
  'TMP',
  'TMPDIR',
  'APPDATA',
  'LOCALAPPDATA',
  'XDG_CONFIG_HOME',
  'ComSpec',
  'PATHEXT',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
] as const

const MAX_CONFIG = 32

/** Git variables that the runner itself sets; the only GIT_* names simple-git may pass through. */
export const GIT_ENV_ALLOWED: readonly string[] = [
  'GIT_TERMINAL_PROMPT',
  'GIT_ALLOW_PROTOCOL',
  'GIT_PROTOCOL_FROM_USER',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CONFIG_COUNT',
  'GIT_ASKPASS',
  ...Array.from({ length: MAX_CONFIG }, (_, i) => [`GIT_CONFIG_KEY_${i}`, `GIT_CONFIG_VALUE_${i}`]).flat(),
]

/** Builds git's environment from the parent's, keeping only what git legitimately needs. */
export function baseGitEnv(
  parent: NodeJS.ProcessEnv,
  opts: { allowHttp?: boolean } = {},
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const key of INHERITED) {
    const v = parent[key]
    if (typeof v === 'string') env[key] = v
  }
  env.LC_ALL = 'C'
  env.LANGUAGE = 'C'
  env.GIT_TERMINAL_PROMPT = '0'
  env.GIT_ASKPASS = ''
  env.GIT_ALLOW_PROTOCOL = opts.allowHttp ? 'https:http' : 'https'
  env.GIT_PROTOCOL_FROM_USER = '0'
  if (parent.GIT_CONFIG_NOSYSTEM === '1') env.GIT_CONFIG_NOSYSTEM = '1'
  return env
}

/** Adds config entries as GIT_CONFIG_COUNT/KEY_n/VALUE_n (highest precedence, not visible in argv). */
export function withConfig(
  env: Readonly<Record<string, string | undefined>>,
  entries: ReadonlyArray<readonly [string, string]>,
): Record<string, string> {
  if (entries.length > MAX_CONFIG) throw new Error(`at most ${MAX_CONFIG} config entries`)
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  out.GIT_CONFIG_COUNT = String(entries.length)
  entries.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${i}`] = k
    out[`GIT_CONFIG_VALUE_${i}`] = v
  })
  return out
}

/**
 * Settings every networked git call gets, overriding anything a repository's own config says
 * (security.md vectors 27, 31): no embedded-password URLs, no fsmonitor, no askpass, no submodule
 * recursion, redirects only on the first request, and a low-speed limit so a dripping server ends.
 */
export function safetyConfig(idleSeconds: number): Array<readonly [string, string]> {
  return [
    ['transfer.credentialsInUrl', 'die'],
    ['core.fsmonitor', 'false'],
    ['core.askPass', ''],
    ['http.followRedirects', 'initial'],
    ['submodule.recurse', 'false'],
    ['fetch.recurseSubmodules', 'false'],
    ['http.lowSpeedLimit', '1000'],
    ['http.lowSpeedTime', String(Math.max(1, Math.round(idleSeconds)))],
  ]
}
