import { describe, expect, it } from 'vitest'
import type { ProviderId } from '@shared/domain/provider'
import type { Workspace } from '@shared/domain/workspace'
import { importFlipt } from '@shared/export/flipt.importer'
import { exportFlipt } from '@shared/export/flipt.writer'
import { recordFigure, timeMedian } from './harness'
import { account, environment, repository, workspace } from '../unit/export/workspace-builders'

const PROVIDERS: readonly ProviderId[] = ['github', 'gitlab', 'bitbucket', 'azure', 'gitea']
const HOSTS: Readonly<Record<ProviderId, string>> = {
  github: 'github.com',
  gitlab: 'gitlab.acme.example',
  bitbucket: 'bitbucket.org',
  azure: 'dev.azure.com',
  gitea: 'gitea.acme.example',
}

/** 50 accounts (10 per provider), 500 repositories and 500 environments with SCM. */
function bigWorkspace(): Workspace {
  const accounts = Array.from({ length: 50 }, (_, i) => {
    const provider = PROVIDERS[i % PROVIDERS.length] ?? 'github'
    return account({
      id: `acc-${i}`,
      provider,
      host: HOSTS[provider],
      deployment: provider === 'gitlab' || provider === 'gitea' ? 'self_hosted' : 'cloud',
      pathPrefix: provider === 'azure' ? `org${i}` : null,
      username: `user${i}`,
    })
  })
  const repositories = Array.from({ length: 500 }, (_, i) => {
    const a = accounts[i % accounts.length] ?? accounts[0]
    const path =
      a?.provider === 'azure' ? `${a.pathPrefix ?? ''}/p/_git/flags-${i}` : `team${i % 7}/flags-${i}.git`
    return repository({
      id: `repo-${i}`,
      remote: `https://${a?.host ?? ''}/${path}`,
      branch: i % 3 ? 'main' : `release/${i}`,
      accountId: a?.id ?? null,
    })
  })
  const environments = repositories.map((r, i) => {
    const a = accounts[i % accounts.length]
    return environment({
      id: `env-${i}`,
      name: `Env ${i}`,
      repositoryId: r.id,
      default: i === 0,
      directory: `flags/${i}`,
      scm: a ? { type: a.provider, apiUrl: null, accountId: a.id, credentialId: null } : null,
    })
  })
  return workspace({ accounts, repositories, environments })
}

describe('export bench', () => {
  const ws = bigWorkspace()
  it('exports and imports 500 environments within budget', async () => {
    let yaml = ''
    const exportMs = await timeMedian(() => {
      yaml = exportFlipt(ws, { secrets: 'env' }).yaml
    })
    const importMs = await timeMedian(() => importFlipt(yaml, ws))
    const kib = Math.round(yaml.length / 102.4) / 10
    const exported = recordFigure({
      id: 'export.flipt_500_envs',
      label: 'Flipt v2 export: 500 environments, 500 repositories, 50 accounts',
      value: exportMs,
      unit: 'ms',
      comparedWith: `${Math.round((exportMs * 1000) / 500)} µs per environment; YAML ${kib} KiB, ${yaml.split('\n').length} lines`,
      budget: { max: 1500 },
    })
    const imported = recordFigure({
      id: 'import.flipt_500_envs',
      label: 'Flipt v2 import of the same config (with linking to the 50 accounts)',
      value: importMs,
      unit: 'ms',
      comparedWith: `${Math.round((importMs * 1000) / 500)} µs per environment; ${Math.round((importMs / Math.max(exportMs, 0.01)) * 100) / 100}× the export`,
      budget: { max: 1500 },
    })
    expect(importFlipt(yaml, ws).workspace).toEqual(ws)
    expect(exported).toBe(true)
    expect(imported).toBe(true)
  })
})
