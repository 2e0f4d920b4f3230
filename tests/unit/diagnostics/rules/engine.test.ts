import { describe, expect, it } from 'vitest'
import { diagnose, runRules } from '@shared/diagnostics/diagnose'
import { DiagnoseContextSchema } from '@shared/diagnostics/diagnose.types'
import type { Rule } from '@shared/diagnostics/rules/rule.types'
import { defineRule } from '@shared/diagnostics/rules/rule-kit.logic'
import { secretHint } from '@shared/logic/redact'
import { CANARY, canaryFragments } from '../../../support/canary'
import { ALL_CASES } from './all.cases'
import { NOW, TOKENS, account, credential, ctx, healthy, repository, secret } from './rule-fixtures'

describe('diagnose', () => {
  it('finds nothing wrong with the healthy workspace: one info and green rows', () => {
    const out = diagnose(ctx(healthy()), NOW)
    expect(out.map((f) => [f.severity, f.id, f.subject])).toEqual([
      ['info', 'flipt.licence_required', 'license.key'],
      ['ok', 'checks.storage_ok', 'storage.flags'],
      ['ok', 'checks.account_ok', 'accounts.gh'],
    ])
  })

  it('sorts errors, then warnings, infos and oks, keeping rule order inside a severity', () => {
    const out = diagnose(
      ctx({
        ...healthy(),
        repositories: [
          repository({
            id: 'flags',
            remote: 'https://octo@github.com/acme/flags/tree/main',
            accountId: 'gh',
            insecureSkipTls: true,
          }),
        ],
      }),
      NOW,
    )
    const ranks = out.map((f) => ['error', 'warning', 'info', 'ok'].indexOf(f.severity))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(out[0]?.id).toBe('url.web_ui')
    expect(out.some((f) => f.severity === 'warning')).toBe(true)
  })

  it('keeps one finding per id and subject, the most severe', () => {
    const twice: Rule = defineRule(
      {
        id: 'test.twice',
        family: 'token',
        severity: 'info',
        checks: 'emits twice for the test',
        source: 'test',
      },
      (_input, emit) => {
        emit({ subject: 's', title: 'a', detail: 'a' })
        emit({ subject: 's', title: 'b', detail: 'b', severity: 'error' })
        emit({ subject: 't', title: 'c', detail: 'c' })
      },
    )
    expect(runRules([twice], ctx(), NOW).map((f) => [f.subject, f.severity, f.title])).toEqual([
      ['s', 'error', 'b'],
      ['t', 'info', 'c'],
    ])
  })

  it('is deterministic and does not change its input', () => {
    const c = ctx(healthy())
    const before = JSON.stringify(c)
    expect(diagnose(c, NOW)).toEqual(diagnose(c, NOW))
    expect(JSON.stringify(c)).toBe(before)
  })

  it('accepts contexts that cross IPC (zod schema)', () => {
    for (const c of ALL_CASES) expect(DiagnoseContextSchema.safeParse(c.ctx).success, c.name).toBe(true)
  })

  it('never puts a secret into a finding, only hints', () => {
    const c = ctx({
      accounts: [
        account(
          { id: 'gh', provider: 'github', host: 'github.com', scopes: ['read:org'], expiresAt: '2026-08-01' },
          CANARY,
        ),
      ],
      credentials: [credential({ id: 'bb', type: 'access_token', secret: { kind: 'env', name: 'T' } })],
      secrets: [
        secret('bb', 'access_token', { token: `${CANARY}\n`, provider: 'bitbucket', host: 'bitbucket.org' }),
      ],
      repositories: [
        repository({ id: 'a', remote: `https://x:${CANARY}@github.com/acme/flags.git`, accountId: 'gh' }),
        repository({ id: 'b', remote: 'https://bitbucket.org/acme/flags.git', credentialId: 'bb' }),
      ],
    })
    const text = JSON.stringify(diagnose(c, NOW))
    expect(text.length).toBeGreaterThan(1000)
    for (const frag of canaryFragments()) expect(text).not.toContain(frag)
    expect(text).toContain(secretHint(CANARY))
  })

  // Its speed is a figure in tests/bench (doctor.offline_500_storages), not a timed unit test.
  it('checks each of 500 storages and 500 environments over 50 accounts on its own', () => {
    const accounts = Array.from({ length: 50 }, (_, i) =>
      account({ id: `a${i}`, provider: 'github', host: 'github.com', scopes: ['repo'] }, TOKENS.github),
    )
    const repositories = Array.from({ length: 500 }, (_, i) =>
      repository({ id: `r${i}`, remote: `https://github.com/acme/flags-${i}.git`, accountId: `a${i % 50}` }),
    )
    const environments = repositories.map((r, i) => ({
      id: `e${i}`,
      name: `e${i}`,
      default: i === 0,
      repositoryId: r.id,
      directory: '',
      scm: { type: 'github' as const, apiUrl: null, accountId: `a${i % 50}`, credentialId: null },
      dflow: null,
    }))
    const out = diagnose(ctx({ accounts, repositories, environments }), NOW)
    expect(out.filter((f) => f.id === 'checks.storage_ok')).toHaveLength(500)
  })
})
