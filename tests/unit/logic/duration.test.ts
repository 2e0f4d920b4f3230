import { describe, expect, it } from 'vitest'
import { checkPollInterval, formatDuration, parseDuration, SECOND_NS } from '@shared/logic/duration'

const ns = (text: string): bigint | string => {
  const r = parseDuration(text)
  return r.ok ? r.value : r.error
}

describe('parseDuration (Flipt schema pattern, Go units)', () => {
  it.each([
    ['30s', 30_000_000_000n],
    ['1m', 60_000_000_000n],
    ['1h30m', 5_400_000_000_000n],
    ['500ms', 500_000_000n],
    ['10us', 10_000n],
    ['10µs', 10_000n],
    ['7ns', 7n],
    ['1h1m1s1ms1us1ns', 3_661_001_001_001n],
    ['0s', 0n],
    ['90s', 90_000_000_000n],
    ['2562047h47m16s854ms775us807ns', 9_223_372_036_854_775_807n],
  ])('%s', (text, want) => {
    expect(ns(text)).toBe(want)
  })
  it.each([
    '',
    '30',
    '0',
    '1.5s',
    '-1s',
    '+1s',
    '1d',
    ' 1s',
    '1s ',
    '1S',
    '1 s',
    '${env:POLL}',
    '10μs',
    'ms',
    '2562047h47m16s854ms775us808ns',
  ])('%j is refused', (text) => {
    expect(parseDuration(text).ok).toBe(false)
  })
})

describe('formatDuration (Go Duration.String)', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1_500n, '1.5µs'],
    [500_000_000n, '500ms'],
    [1_500_000_000n, '1.5s'],
    [30n * SECOND_NS, '30s'],
    [60n * SECOND_NS, '1m0s'],
    [90n * SECOND_NS, '1m30s'],
    [5_400n * SECOND_NS, '1h30m0s'],
    [-2n * SECOND_NS, '-2s'],
    [3_661_001_000_000n, '1h1m1.001s'],
  ])('%s ns → %s', (value, text) => {
    expect(formatDuration(value)).toBe(text)
  })
  it('round-trips whole seconds through parse', () => {
    for (const s of [1n, 59n, 60n, 61n, 3599n, 3600n, 86_400n]) {
      const r = parseDuration(formatDuration(s * SECOND_NS))
      expect(r.ok && r.value).toBe(s * SECOND_NS)
    }
  })
})

describe('checkPollInterval (Flipt: at least 1s)', () => {
  it('accepts 1s and more, refuses less and non-durations', () => {
    expect(checkPollInterval('1s').ok).toBe(true)
    expect(checkPollInterval('1000ms').ok).toBe(true)
    expect(checkPollInterval('30s').ok).toBe(true)
    const low = checkPollInterval('999ms')
    expect(low.ok ? '' : low.error).toContain('at least 1 second')
    expect(checkPollInterval('30').ok).toBe(false)
  })
})
