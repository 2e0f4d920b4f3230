import { describe, expect, it } from 'vitest'
import { explain } from '@shared/diagnostics/explain/explain'
import { explainProviderOf, loadCorpus } from '../diagnostics/explain/corpus.fixture'
import { cli, isOneLineUsageError } from './cli-harness'

type ExplainJson = {
  category: string
  candidates: Array<{ category: string; score: number }>
  title: string
  fixes: Array<{ label: string }>
  evidence: string
}

const CLI_PROVIDERS = new Set(['github', 'gitlab', 'bitbucket', 'gitea', 'azure'])

describe('gitkeys explain', () => {
  it('prints exactly {category, candidates, title, fixes, evidence}, best first, three or more when plausible', async () => {
    const r = await cli(['explain', '--json'], {
      stdin: "fatal: could not read Username for 'https://github.com': terminal prompts disabled\n",
    })
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout) as ExplainJson
    expect(Object.keys(j)).toEqual(['category', 'candidates', 'title', 'fixes', 'evidence'])
    expect(j.candidates.length).toBeGreaterThanOrEqual(3)
    for (const c of j.candidates) expect(Object.keys(c)).toEqual(['category', 'score'])
    const scores = j.candidates.map((c) => c.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(j.category).toBe(j.candidates[0]?.category)
    expect(j.fixes.length).toBeGreaterThan(0)
    expect(j.evidence).toContain('terminal prompts disabled')
  })

  it('--provider changes the fixes to that provider’s words', async () => {
    const text =
      'remote: HTTP Basic: Access denied\nfatal: Authentication failed for https://example.test/x.git/'
    const gitlab = JSON.parse(
      (await cli(['explain', '--provider', 'gitlab', '--json'], { stdin: text })).stdout,
    ) as ExplainJson
    expect(gitlab.category).toBe(explain(text, { provider: 'gitlab' }).category)
    expect(JSON.stringify(gitlab.fixes)).toMatch(/GitLab/i)
  })

  it('redacts a token that sits in the pasted text', async () => {
    const token = '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'
    const r = await cli(['explain'], {
      stdin: `fatal: unable to access 'https://x:${token}@github.com/a/b.git/': The requested URL returned error: 403\n`,
    })
    expect(r.stdout).not.toContain(token)
    const j = await cli(['explain', '--json'], { stdin: `remote: Invalid username or token ${token}\n` })
    expect(j.stdout).not.toContain(token)
  })

  it('human output names the cause, the evidence and numbered fixes', async () => {
    const r = await cli(['explain'], { stdin: "fatal: Couldn't find remote ref refs/heads/release\n" })
    expect(r.stdout).toMatch(/\(branch_not_found\)/)
    expect(r.stdout).toMatch(/Evidence:\n {2}fatal: Couldn't find remote ref/)
    expect(r.stdout).toMatch(/Fixes:\n {2}1\. /)
  })

  it('agrees with the explainer on a sample of the real-message corpus, and ranks the labelled cause in its top three', async () => {
    const sample = loadCorpus().filter((_e, i) => i % 4 === 0)
    expect(sample.length).toBeGreaterThanOrEqual(20)
    let top3 = 0
    for (const e of sample) {
      const provider = explainProviderOf(e)
      const flag = provider && CLI_PROVIDERS.has(provider) ? ['--provider', provider] : []
      const r = await cli(['explain', '--json', ...flag], { stdin: `${e.text}\n` })
      expect(r.code, e.id).toBe(0)
      const j = JSON.parse(r.stdout) as ExplainJson
      const direct = explain(e.text, flag.length > 0 && provider ? { provider } : {})
      expect(j.category, e.id).toBe(direct.category)
      if (j.candidates.slice(0, 3).some((c) => c.category === e.category)) top3++
    }
    expect(top3 / sample.length).toBeGreaterThanOrEqual(0.8)
  })

  it.each([
    ['empty stdin', ['explain'], ''],
    ['a bad provider', ['explain', '--provider', 'svn'], 'x'],
    ['a positional argument', ['explain', 'fatal: x'], ''],
    ['--json with a value', ['explain', '--json=yes'], 'x'],
  ])('%s is a one-line usage error', async (_n, argv, stdin) => {
    expect(isOneLineUsageError(await cli(argv, { stdin }))).toBe(true)
  })
})
