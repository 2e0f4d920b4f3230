import { simpleGit } from 'simple-git'
import { baseGitEnv, GIT_ENV_ALLOWED } from './git-env'

/** The oldest git GitKeys runs with: it carries the CVE-2024-52006 / CVE-2025-48384 fixes on most distros. */
export const MINIMUM_GIT = '2.39.5'

/** What we learn from `git --version`. */
export type GitVersion =
  | {
      readonly found: true
      readonly version: string
      readonly meetsMinimum: boolean
      readonly minimum: string
    }
  | { readonly found: false; readonly reason: string }

/**
 * simple-git options for every instance: our own GIT_* variables allowed through the env guard, and
 * `allowUnsafeAskPass` only because we set GIT_ASKPASS to the empty string, which is how git is told
 * never to fall back to core.askPass or SSH_ASKPASS prompts.
 */
function gitOptions(timeoutMs: number) {
  return {
    timeout: { block: timeoutMs },
    allowEnvironment: GIT_ENV_ALLOWED,
    unsafe: { allowUnsafeAskPass: true },
  }
}

/** Compares dotted version strings numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0)
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Runs `git --version` (really) and reports whether it meets {@link MINIMUM_GIT}. */
export async function gitVersion(parentEnv: NodeJS.ProcessEnv = process.env): Promise<GitVersion> {
  try {
    const git = simpleGit(gitOptions(10_000)).env(baseGitEnv(parentEnv))
    const out = await git.raw(['--version'])
    const m = /git version (\d+(?:\.\d+)+)/.exec(out)
    if (!m?.[1]) return { found: false, reason: `Unexpected answer from git: ${out.trim().slice(0, 80)}` }
    const version = m[1]
    return {
      found: true,
      version,
      minimum: MINIMUM_GIT,
      meetsMinimum: compareVersions(version, MINIMUM_GIT) >= 0,
    }
  } catch (e: unknown) {
    const msg = e instanceof Error ? e.message : String(e)
    return {
      found: false,
      reason: /ENOENT|not found/i.test(msg) ? 'git is not installed or not on PATH.' : msg.slice(0, 200),
    }
  }
}
