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

/** Git variables that the runner itself sets; the only GIT_* names simple-git may pass through. */
export const GIT_ENV_ALLOWED = [
  'GIT_TERMINAL_PROMPT',
  'GIT_ALLOW_PROTOCOL',
  'GIT_PROTOCOL_FROM_USER',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CONFIG_COUNT',
  'GIT_ASKPASS',
  'GIT_HTTP_LOW_SPEED_LIMIT',
  'GIT_HTTP_LOW_SPEED_TIME',
  ...Array.from({ length: 16 }, (_, i) => [`GIT_CONFIG_KEY_${i}`, `GIT_CONFIG_VALUE_${i}`]).flat(),
] as const

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
