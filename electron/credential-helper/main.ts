import { relay } from './relay'

const chunks: Buffer[] = []
for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
process.exitCode = await relay(process.argv.slice(2), Buffer.concat(chunks).toString('utf8'), (t) =>
  process.stdout.write(t),
)
