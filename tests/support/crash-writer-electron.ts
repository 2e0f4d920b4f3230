import { createElectronDocumentStore } from '../../electron/main/platform/metadata-store'
import { crashWriterArgs, writeUntilKilled } from './crash-writer-loop'

// Child process entry: the electron-store adapter the desktop app keeps metadata in, written until
// SIGKILL. 'electron' is aliased to crash-writer-electron-stub.ts when this is built.
const { dir, padBytes } = crashWriterArgs(process.argv)
await writeUntilKilled(createElectronDocumentStore(dir, 'metadata'), padBytes)
