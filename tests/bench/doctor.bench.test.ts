import { describe, expect, it } from 'vitest'
import { doctorFliptConfig } from '@shared/diagnostics/flipt-doctor'
import { atlassianToken, azurePat, gitlabRoutable, githubToken, rng } from '../support/token-fixtures'
import { recordFigure, timeMedian } from './harness'

/** `gitkeys doctor --offline` on a generated Flipt v2 config: 500 storages, 500 environments, 50 credentials. */

const STORAGES = 500
const CREDENTIALS = 50
const BUDGET_MS = 2000
const NOW = new Date('2026-09-01T12:00:00Z')

type Site = { readonly remote: (i: number) => string; readonly scm: string; readonly api: string | null }
const SITES: readonly Site[] = [
  { remote: (i) => `https://github.com/acme/flags-${i}.git`, scm: 'github', api: null },
  {
    remote: (i) => `https://gitlab.acme.example/platform/team-${i % 7}/flags-${i}.git`,
    scm: 'gitlab',
    api: 'https://gitlab.acme.example/api/v4',
  },
  { remote: (i) => `https://bitbucket.org/acme/flags-${i}.git`, scm: 'bitbucket', api: null },
  {
    remote: (i) => `https://dev.azure.com/acme/platform/_git/flags-${i}`,
    scm: 'azure',
    api: 'https://dev.azure.com',
  },
  {
    remote: (i) => `https://gitea.acme.example/acme/flags-${i}.git`,
    scm: 'gitea',
    api: 'https://gitea.acme.example',
  },
]

/** The config text and the environment Flipt would run with (one token per credential). */
function generate(): { yaml: string; env: Record<string, string> } {
  const next = rng(500)
  const env: Record<string, string> = {}
  const lines: string[] = ['version: "2.0"', 'credentials:']
  for (let c = 0; c < CREDENTIALS; c++) {
    const kind = c % SITES.length
    const name = `TOKEN_${c}`
    env[name] =
      [
        githubToken(next),
        gitlabRoutable(next),
        atlassianToken(next, 'ATCTT'),
        azurePat(next),
        'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      ][kind] ?? ''
    lines.push(`  cred-${c}:`, kind === 3 ? '    type: basic' : '    type: access_token')
    if (kind === 3) lines.push('    basic:', '      username: flipt-bot', `      password: \${env:${name}}`)
    else lines.push(`    access_token: \${env:${name}}`)
  }
  lines.push('storage:')
  for (let i = 0; i < STORAGES; i++) {
    const site = SITES[i % SITES.length] ?? SITES[0]
    lines.push(
      `  store-${i}:`,
      `    remote: ${site?.remote(i) ?? ''}`,
      `    branch: ${i % 3 ? 'main' : `release/${i}`}`,
      `    poll_interval: ${i % 11 === 0 ? 30 : '"45s"'}`,
      `    credentials: cred-${(i % SITES.length) + SITES.length * (i % (CREDENTIALS / SITES.length))}`,
      ...(i % 4 === 0 ? ['    backend:', '      type: local', `      path: /var/lib/flipt/store-${i}`] : []),
    )
  }
  lines.push('environments:')
  for (let i = 0; i < STORAGES; i++) {
    const site = SITES[i % SITES.length] ?? SITES[0]
    lines.push(
      `  env-${i}:`,
      `    storage: store-${i}`,
      `    default: ${i === 0}`,
      `    directory: flags/${i}`,
      '    scm:',
      `      type: ${site?.scm ?? 'github'}`,
      `      credentials: cred-${(i % SITES.length) + SITES.length * (i % (CREDENTIALS / SITES.length))}`,
      ...(site?.api ? [`      api_url: ${site.api}`] : []),
    )
  }
  return { yaml: `${lines.join('\n')}\n`, env }
}

describe('doctor bench', () => {
  const { yaml, env } = generate()

  it('diagnoses 500 storages and 500 environments offline within budget', async () => {
    const result = doctorFliptConfig(yaml, env, NOW)
    expect(result.targets).toHaveLength(STORAGES)
    expect(result.parseProblems).toEqual([])
    const ids = new Set(result.findings.map((f) => f.id))
    expect(ids.has('flipt.load.poll_interval')).toBe(true)
    // Flipt's own refusal carries the "no unit" explanation; the rule's finding is folded into it.
    expect(ids.has('storage.poll_interval_no_unit')).toBe(false)
    expect(ids.has('scm.bitbucket_dc')).toBe(false)
    const ms = await timeMedian(() => doctorFliptConfig(yaml, env, NOW), 3)
    const within = recordFigure({
      id: 'doctor.offline_500_storages',
      label: 'doctor --offline: Flipt v2 config with 500 storages, 500 environments, 50 credentials',
      value: ms,
      unit: 'ms',
      comparedWith: `${Math.round((ms * 1000) / STORAGES)} µs per storage+environment; ${result.findings.length} findings; YAML ${Math.round(yaml.length / 1024)} KiB`,
      budget: { max: BUDGET_MS },
    })
    expect(within).toBe(true)
  })
})
