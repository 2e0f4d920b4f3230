import { describe, expect, it } from 'vitest'
import { explain } from '@shared/diagnostics/explain/explain'
import { redact } from '@shared/logic/redact'
import { recordFigure, timeMedian } from './harness'

/**
 * The cost of input built to be slow: these once took seconds (redact was quadratic on runs of token
 * characters), so their budgets guard against that coming back. The unit tests check that the answers
 * are right; the time lives here.
 */
describe('bench: adversarial input', () => {
  it('redacts about 1 MiB of token-like runs with a prefixed token at the end', async () => {
    const text = `${'z'.repeat(500_000)} ${'a-'.repeat(300_000)}mycorp-glpat-AAAAAAAAAAAAAAAAAAAA`
    let out = ''
    const ms = await timeMedian(() => {
      out = redact(text)
    }, 5)
    expect(out).not.toContain('glpat-AAAAAAAAAAAAAAAA')
    const perMb = Math.round((ms / (text.length / 1_048_576)) * 100) / 100
    const ok = recordFigure({
      id: 'redact.adversarial_1mb',
      label: `redact over ${(text.length / 1_048_576).toFixed(1)} MiB of letters and dash-separated words, a custom-prefix GitLab token at the end`,
      value: ms,
      unit: 'ms',
      comparedWith: `${perMb} ms per MiB; the quadratic version took about 2 s for 40 KB; medians of 5 runs after a warm-up`,
      budget: { max: 1000 },
    })
    expect(ok).toBe(true)
  })

  it('explains a 5 MB paste of build output and a single 5 MB line', async () => {
    const filler = 'remote: Counting objects: 100% (1/1), done. some unrelated build output line here\n'
    const paste =
      filler.repeat(Math.ceil((5 * 1024 * 1024) / filler.length)) +
      'fatal: unable to access: SSL certificate problem: self signed certificate\n'
    const oneLine = `${'x'.repeat(5 * 1024 * 1024)} Could not resolve host: gitlab.com`
    const now = new Date('2026-09-15T12:00:00Z')
    let categories: string[] = []
    const pasteMs = await timeMedian(() => {
      categories = [explain(paste, { now }).category]
    }, 3)
    const lineMs = await timeMedian(() => {
      categories = [...categories.slice(0, 1), explain(oneLine, { now }).category]
    }, 3)
    expect(categories).toEqual(['tls_certificate', 'network_dns'])
    const ok = recordFigure({
      id: 'explain.paste_5mb',
      label: 'explain a 5 MiB paste (65,000 lines of build output, the error on the last line)',
      value: pasteMs,
      unit: 'ms',
      comparedWith: `a single 5 MiB line takes ${lineMs} ms; both still find their error; medians of 3 runs after a warm-up`,
      budget: { max: 500 },
    })
    const lineOk = recordFigure({
      id: 'explain.line_5mb',
      label: 'explain a single 5 MiB line with the error at its end',
      value: lineMs,
      unit: 'ms',
      comparedWith: `the 5 MiB paste of many lines takes ${pasteMs} ms; medians of 3 runs after a warm-up`,
      budget: { max: 500 },
    })
    expect([ok, lineOk]).toEqual([true, true])
  })
})
