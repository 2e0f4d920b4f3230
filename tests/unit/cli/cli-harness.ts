import { runCli } from '../../../electron/cli/cli'
import { commands } from '../../../electron/cli/commands'
import type { CliIo } from '../../../electron/cli/io'

/** What one in-process CLI run printed and returned. */
export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string }

/** Runs `gitkeys …` in-process with injected stdin, environment and working directory. */
export async function cli(
  argv: readonly string[],
  opts: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    readStdin: () => Promise.resolve(opts.stdin ?? ''),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    stdoutIsTTY: opts.tty ?? false,
  }
  const code = await runCli(argv, io, commands, '0.1.0-test')
  return { code, stdout, stderr }
}

/** A usage error: exit 2, nothing on stdout, exactly one line on stderr. */
export function isOneLineUsageError(r: CliRun): boolean {
  return (
    r.code === 2 && r.stdout === '' && r.stderr.endsWith('\n') && r.stderr.trimEnd().split('\n').length === 1
  )
}
