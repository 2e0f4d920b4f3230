import { join } from 'node:path'
import { createFileStore } from '../../electron/services/storage/file-store'
import { crashWriterArgs, writeUntilKilled } from './crash-writer-loop'

// Child process entry (built with Vite by tests/integration/hardening/crash-write.test.ts): the
// file store the CLI, the bridge and the vault use, written until SIGKILL.
const { dir, padBytes } = crashWriterArgs(process.argv)
await writeUntilKilled(createFileStore(join(dir, 'metadata.json')), padBytes)
