import type { GitRunner } from '../git/git-runner'
import type { ReadGitConfig } from './local-git-env'

/**
 * Drops the `command`-scope entries from `git config --show-scope -z` output: those are the
 * settings the git runner itself passes through GIT_CONFIG_* (its helper reset, safety settings),
 * not the user's configuration the rules judge.
 */
export function withoutCommandScope(out: string): string {
  const fields = out.split('\0')
  const kept: string[] = []
  for (let i = 0; i + 2 < fields.length; i += 3)
    if (fields[i] !== 'command') kept.push(fields[i] ?? '', fields[i + 1] ?? '', fields[i + 2] ?? '')
  return kept.length > 0 ? `${kept.join('\0')}\0` : ''
}

/** `git config …` through the git runner (the only child_process user), as the local-facts collectors' port. */
export function runnerConfigReader(runner: GitRunner): ReadGitConfig {
  return async (args, cwd) => {
    const r = await runner.run({ args: [...args], ...(cwd ? { cwd } : {}), timeoutMs: 10_000 })
    if (!r.ok) throw new Error(`git ${args[0] ?? ''} exited without success`)
    return args.includes('--show-scope') ? withoutCommandScope(r.stdout) : r.stdout
  }
}
