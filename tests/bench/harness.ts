import { appendFileSync, mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

/** One benchmark figure: what was measured, what it is compared with, and the budget it must meet. */
export type Figure = {
  readonly id: string
  readonly label: string
  readonly value: number
  readonly unit: string
  /** What the figure is compared with, in words and numbers ("raw git loop 812 ms, ratio 0.41"). */
  readonly comparedWith: string
  /** The budget: the run fails loudly past it. */
  readonly budget: { readonly max?: number; readonly min?: number }
}

const OUT = join(process.cwd(), '.test-artifacts', 'bench.jsonl')

/** Records a figure for `npm run bench` to print, and says whether it is within budget. */
export function recordFigure(f: Figure): boolean {
  mkdirSync(join(process.cwd(), '.test-artifacts'), { recursive: true })
  appendFileSync(OUT, `${JSON.stringify(f)}\n`)
  const within =
    (f.budget.max === undefined || f.value <= f.budget.max) &&
    (f.budget.min === undefined || f.value >= f.budget.min)
  console.log(
    `${within ? 'ok  ' : 'FAIL'} ${f.label}: ${f.value} ${f.unit} (budget ${f.budget.max !== undefined ? `≤ ${f.budget.max}` : `≥ ${f.budget.min ?? '-'}`}; ${f.comparedWith})`,
  )
  return within
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

/** Times `fn` over `runs` runs after one warm-up; returns the median in milliseconds. */
export async function timeMedian(fn: () => unknown, runs = 5): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return Math.round(median(times) * 100) / 100
}

/** One contender of an alternating comparison: its median time and its median per-round ratio to the baseline. */
export type Alternated = { readonly ms: number; readonly ratio: number }

/**
 * Runs the contenders in alternation (after one warm-up each, unless `warmUp` is false) and compares
 * each with the last one (the baseline) round by round: the machine is shared, so load from other
 * processes hits every contender of a round alike. Returns each contender's median time and median
 * per-round ratio.
 */
export async function alternate(
  contenders: ReadonlyArray<() => Promise<unknown>>,
  opts: { readonly runs: number; readonly warmUp: boolean },
): Promise<Alternated[]> {
  if (opts.warmUp) for (const c of contenders) await c()
  const times = contenders.map(() => [] as number[])
  for (let i = 0; i < opts.runs; i++)
    for (const [k, c] of contenders.entries()) {
      const t = performance.now()
      await c()
      times[k]?.push(performance.now() - t)
    }
  const base = times[times.length - 1] ?? []
  return times.map((ts) => ({
    ms: Math.round(median(ts)),
    ratio: Math.round(median(ts.map((t, i) => t / (base[i] ?? 1))) * 100) / 100,
  }))
}

/**
 * Where a GitKeys-vs-raw-git figure is measured: the local git server (tests/support/git-server) with
 * no added delay, or answering each HTTP request `latencyMs` late like a Git host on the network.
 */
export type NetworkScenario = {
  /** Suffix of the figure id. */
  readonly id: 'loopback' | 'rtt_40ms'
  readonly latencyMs: number
  /** How the label names the situation. */
  readonly title: string
  /** Why the figure exists, for "compared with". */
  readonly why: string
  readonly runs: number
  readonly warmUp: boolean
}

/**
 * The machine's honest worst case: with a 0 ms round trip every git call is pure CPU (git, the
 * server's `git http-backend`, and GitKeys share the same cores), so running 20 at once can win only
 * what the cores allow. Its budget guards against regressions.
 */
export const LOOPBACK: NetworkScenario = {
  id: 'loopback',
  latencyMs: 0,
  title: 'loopback, 0 ms round trip (worst case)',
  why: 'server on 127.0.0.1, no delay: server and git share the cores, so this guards against regressions',
  runs: 5,
  warmUp: true,
}

/**
 * What the goal is about: a Git host is never 0 ms away. 40 ms per request is a nearby host; the TCP
 * and TLS set-up a real host adds per git process is not simulated, which favours the raw loop.
 * Measured after {@link LOOPBACK} on the same server, so no second warm-up.
 */
export const RTT_40MS: NetworkScenario = {
  id: 'rtt_40ms',
  latencyMs: 40,
  title: 'simulated 40 ms round trip per request (the goal)',
  why: 'the local server answers each HTTP request 40 ms late, like a nearby Git host (no TCP/TLS set-up simulated)',
  runs: 3,
  warmUp: false,
}

/** The three contenders of a GitKeys-vs-raw-git figure. */
export type VersusRawGit = {
  /** GitKeys doing the job its way: every repository at once, through the credential broker. */
  readonly gitkeys: () => Promise<unknown>
  /** The same raw git calls, all at once: what this machine allows at best. */
  readonly rawAllAtOnce: () => Promise<unknown>
  /** The goal's baseline: raw git, one repository after another. */
  readonly rawLoop: () => Promise<unknown>
}

/**
 * Measures GitKeys against raw git in one network scenario (setting the server's latency) and
 * records the figure `${id}.${scenario.id}` as a ratio of the raw loop's time, with raw git all at
 * once beside it. Returns whether it is within `budget`, and a message for the assertion.
 */
export async function recordVersusRawGit(f: {
  readonly id: string
  readonly what: string
  readonly server: { setLatency(ms: number): void }
  readonly scenario: NetworkScenario
  readonly contenders: VersusRawGit
  readonly budget: number
}): Promise<{ readonly ok: boolean; readonly message: string }> {
  const s = f.scenario
  f.server.setLatency(s.latencyMs)
  const c = f.contenders
  const [gk, all, loop] = await alternate([c.gitkeys, c.rawAllAtOnce, c.rawLoop], s)
  const ratio = gk?.ratio ?? Number.POSITIVE_INFINITY
  const ok = recordFigure({
    id: `${f.id}.${s.id}`,
    label: `${f.what} vs raw git in a sequential loop, ${s.title}`,
    value: ratio,
    unit: '× raw loop',
    comparedWith: `GitKeys ${gk?.ms} ms, raw loop ${loop?.ms} ms; raw git all at once ${all?.ms} ms (${all?.ratio}×, this machine's ceiling); ${s.why}; medians of ${s.runs} alternating rounds, ratios per round; ${availableParallelism()} cores`,
    budget: { max: f.budget },
  })
  return {
    ok,
    message: `${s.id}: ratio ${ratio} > ${f.budget} (GitKeys ${gk?.ms} ms vs raw loop ${loop?.ms} ms; raw all at once ${all?.ratio}×)`,
  }
}
