import type { Command } from './cli'

/** Every `gitkeys` command, in help order. */
export const commands: readonly Command[] = []
