import { homedir } from 'node:os'
import type { LocalFacts } from '@shared/diagnostics/diagnose.types'
import { importFlipt } from '@shared/export'
import { runnerConfigReader } from '../services/diagnostics/git-config-reader'
import { collectLocalFacts } from '../services/diagnostics/local-facts'
import type { GitRunner } from '../services/git/git-runner'
import type { CliIo } from './io'

/**
 * The local facts of a Flipt config's storages (backend folders, CA files) and of this machine's git
 * environment (credential helpers, token variables, .netrc). Local only: no network.
 */
export async function localFactsForConfig(
  yamlText: string,
  runner: GitRunner,
  io: CliIo,
): Promise<LocalFacts> {
  const repositories = importFlipt(yamlText).workspace.repositories
  return collectLocalFacts(repositories, {
    readGitConfig: runnerConfigReader(runner),
    env: io.env,
    homeDir: io.env.HOME ?? io.env.USERPROFILE ?? homedir(),
  })
}
