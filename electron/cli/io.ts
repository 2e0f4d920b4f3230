/** What a CLI command may touch: streams and the environment, injected so tests run commands in-process. */
export type CliIo = {
  readonly readStdin: () => Promise<string>
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  /** stdout is a terminal: human output may use colours (unless NO_COLOR is set). */
  readonly stdoutIsTTY?: boolean
}

/** Bad usage or bad input: exit 2 with one line that says what was wrong and what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Parsed flags: `--name value`, `--name=value` and boolean `--flag`. */
export type ParsedArgs = { readonly positional: string[]; readonly flags: Map<string, string | true> }

/** Parses argv against the flags a command knows; an unknown flag is a usage error. */
export function parseArgs(
  argv: readonly string[],
  known: { readonly values: readonly string[]; readonly booleans: readonly string[] },
): ParsedArgs {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (!a.startsWith('--')) {
      positional.push(a)
      continue
    }
    const eq = a.indexOf('=')
    const name = a.slice(2, eq < 0 ? undefined : eq)
    if (known.booleans.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`)
      flags.set(name, true)
    } else if (known.values.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i]
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`)
      // `--config --offline` is a forgotten value, not a file named "--offline"; `--config=--x` still works.
      if (eq < 0 && /^--[a-z]/.test(value))
        throw new UsageError(`--${name} needs a value, but the next word is the option ${value}`)
      flags.set(name, value)
    } else {
      throw new UsageError(`unknown option --${name}`)
    }
  }
  return { positional, flags }
}

/** Reads a flag that must be one of `allowed`. */
export function choice<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const v = args.flags.get(name)
  if (v === undefined) return undefined
  if (v === true || !(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`)
  return v as T
}
