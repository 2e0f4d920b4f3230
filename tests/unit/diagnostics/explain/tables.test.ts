import { describe, expect, it } from 'vitest'
import { FixSchema } from '@shared/domain/finding'
import { ErrorCategorySchema } from '@shared/domain/provider'
import { CATEGORY_TEXT } from '@shared/diagnostics/explain/category-text.table'
import { FIXES } from '@shared/diagnostics/explain/explain'
import { ExplainProviderSchema } from '@shared/diagnostics/explain/explain.types'
import { FACT_RULES } from '@shared/diagnostics/explain/facts.logic'
import { PROVIDER_MARKERS } from '@shared/diagnostics/explain/provider-markers.table'
import { ALL_SIGNALS } from '@shared/diagnostics/explain/scoring.logic'

const ALLOWED_HOSTS = new Set([
  'github.com',
  'docs.github.com',
  'gitlab.com',
  'docs.gitlab.com',
  'support.atlassian.com',
  'id.atlassian.com',
  'confluence.atlassian.com',
  'learn.microsoft.com',
  'dev.azure.com',
  'docs.gitea.com',
  'forgejo.org',
  'git-scm.com',
])

describe('explainer tables', () => {
  it('gives every signal a unique id, a source, sane weights and a non-stateful pattern', () => {
    const ids = ALL_SIGNALS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of ALL_SIGNALS) {
      expect(s.source.length, s.id).toBeGreaterThan(5)
      expect(s.pattern.global || s.pattern.sticky, s.id).toBe(false)
      for (const w of Object.values(s.weights)) expect(w, s.id).toBeGreaterThan(0)
      for (const w of Object.values(s.weights)) expect(w, s.id).toBeLessThanOrEqual(5)
    }
    for (const m of PROVIDER_MARKERS) expect(m.pattern.global, m.source).toBe(false)
  })

  it('lets every category win on some signal or account fact', () => {
    for (const c of ErrorCategorySchema.options) {
      const signal = Math.max(0, ...ALL_SIGNALS.map((s) => s.weights[c] ?? 0))
      const fact = Math.max(0, ...FACT_RULES.map((r) => r.add?.[c] ?? 0))
      expect(Math.max(signal, fact), c).toBeGreaterThanOrEqual(2)
    }
  })

  it('has words and fixes for every category, valid and opening only https provider pages', () => {
    for (const c of ErrorCategorySchema.options) {
      expect(CATEGORY_TEXT[c].title.length, c).toBeGreaterThan(5)
      expect(CATEGORY_TEXT[c].detail.length, c).toBeGreaterThan(20)
      const set = FIXES[c]
      expect(set.generic.length, c).toBeGreaterThan(0)
      const lists = [set.generic, ...Object.values(set.byProvider)]
      for (const p of Object.keys(set.byProvider))
        expect(ExplainProviderSchema.safeParse(p).success, p).toBe(true)
      for (const list of lists) {
        for (const fix of list ?? []) {
          expect(FixSchema.safeParse(fix).success, fix.label).toBe(true)
          if (fix.action?.kind === 'open_url') {
            const url = new URL(fix.action.url)
            expect(url.protocol, fix.action.url).toBe('https:')
            expect(ALLOWED_HOSTS.has(url.hostname), fix.action.url).toBe(true)
          }
        }
      }
    }
  })

  it('writes the access-token advice per provider (the fixes differ where the providers differ)', () => {
    const text = (p: string) =>
      (FIXES.wrong_username.byProvider[p as 'gitlab'] ?? [])
        .map((f) => `${f.label} ${f.detail ?? ''}`)
        .join(' ')
    expect(text('gitlab')).toMatch(/oauth2/)
    expect(text('bitbucket')).toMatch(/x-token-auth/)
    expect(text('bitbucket_server')).toMatch(/Bearer/)
  })
})
