import { describe, expect, it } from 'vitest'
import { runRules } from '@shared/diagnostics/diagnose'
import type { LocalGitEnv } from '@shared/diagnostics/diagnose.types'
import { ALL_RULES } from '@shared/diagnostics/rules/rule-catalog.table'
import { localCases } from './local.cases'
import { NOW, checkCase, ctx, healthy, local } from './rule-fixtures'

describe('local rules', () => {
  it.each(localCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  const effective = (git: Partial<LocalGitEnv>) =>
    runRules(ALL_RULES, { ...ctx(healthy()), local: local({ git }) }, NOW).find(
      (f) => f.id === 'local.effective_credential',
    )

  it('says .netrc wins over helpers, and that GitKeys resets helpers but not .netrc', () => {
    const f = effective({
      helpers: [{ scope: 'global', origin: 'file:/h/.gitconfig', urlPattern: null, value: 'manager' }],
      netrc: [{ file: '/h/.netrc', machine: 'github.com', login: 'octo', hasPassword: true }],
    })
    expect(f?.title).toBe('Plain git on github.com would use the /h/.netrc entry')
    expect(f?.detail).toMatch(
      /1\. \/h\/\.netrc machine github\.com \(login octo\); 2\. helper 1: manager \(global\); 3\. a prompt/,
    )
    expect(f?.detail).toContain('reset every credential.helper')
    expect(f?.detail).toContain('.netrc entry still comes first')
  })

  it('names the token variable a gh helper hands to git', () => {
    const f = effective({
      helpers: [
        {
          scope: 'global',
          origin: 'file:/h/.gitconfig',
          urlPattern: 'https://github.com',
          value: '!gh auth git-credential',
        },
      ],
      envTokens: [{ name: 'GH_TOKEN', empty: false, analysis: null }],
    })
    expect(f?.title).toBe('Plain git on github.com would use GH_TOKEN through "!gh auth git-credential"')
  })

  it('says git prompts when nothing can answer', () => {
    expect(effective({})?.title).toBe(
      'Plain git on github.com would use nothing: git prompts, or fails where prompts are off',
    )
  })
})
