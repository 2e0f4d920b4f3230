import { runCli } from './cli'
import { commands } from './commands'
import type { CliIo } from './io'

declare const __GITKEYS_VERSION__: string | undefined

const io: CliIo = {
  readStdin: async () => {
    if (process.stdin.isTTY) return ''
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  stdoutIsTTY: process.stdout.isTTY === true,
}

const version = typeof __GITKEYS_VERSION__ === 'string' ? __GITKEYS_VERSION__ : '0.0.0'
process.exitCode = await runCli(process.argv.slice(2), io, commands, version)
