import type { Command } from './cli'
import { checkTokenCommand } from './commands/check-token.command'
import { doctorCommand } from './commands/doctor.command'
import { explainCommand } from './commands/explain.command'
import { exportCommand } from './commands/export-flipt.command'
import { importCommand } from './commands/import-flipt.command'

/** Every `gitkeys` command, in help order. */
export const commands: readonly Command[] = [
  checkTokenCommand,
  explainCommand,
  doctorCommand,
  importCommand,
  exportCommand,
]
