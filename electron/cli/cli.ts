import type { CliIo } from './io'
import { UsageError } from './io'

/** A `gitkeys` command: returns its exit code (0 fine, 1 findings, 2 bad usage). */
export type Command = {
  readonly name: string
  readonly usage: string
  readonly summary: string
  /** Longer help for `gitkeys <command> --help`: options, input, output, exit codes. */
  readonly help?: string
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>
}

/** Runs one command line. Every failure is a one-line message on stderr with a clear exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[],
  version: string,
): Promise<number> {
  const [name, ...rest] = argv
  const help = (): number => {
    io.stdout(
      [
        `gitkeys ${version}: Git host credentials, diagnosed offline.`,
        '',
        'Usage:',
        ...commands.map((c) => `  gitkeys ${c.usage}\n      ${c.summary}`),
        '',
        'Secrets are read only from stdin or environment variables and never printed.',
        'Exit codes: 0 ok, 1 problems found, 2 bad usage or unreadable input.',
        '',
      ].join('\n'),
    )
    return 0
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help()
  if (name === '--version' || name === 'version') {
    io.stdout(`${version}\n`)
    return 0
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.stderr(`gitkeys: unknown command "${name}"; run \`gitkeys help\` for the list\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(
      `Usage: gitkeys ${command.usage}\n\n${command.summary}\n${command.help ? `\n${command.help}\n` : ''}`,
    )
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (e: unknown) {
    if (e instanceof UsageError) {
      io.stderr(`gitkeys ${command.name}: ${e.message} (usage: gitkeys ${command.usage})\n`)
      return 2
    }
    io.stderr(
      `gitkeys ${command.name}: internal error (${e instanceof Error ? e.name : 'unknown'}); please report it\n`,
    )
    return 2
  }
}
