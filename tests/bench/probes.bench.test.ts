import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli/cli'
import { commands } from '../../electron/cli/commands'
import type { CliIo } from '../../electron/cli/io'
import { createGitSandbox, type GitSandbox } from '../integration/support/git-harness'
import { isolatedGitEnv } from '../support/git-env'
import { startGitServer, type GitServer } from '../support/git-server'
import { median, recordFigure } from './harness'

const STORAGES = 20
const RUNS = 5
const TOKEN = `ghp_${'P'.repeat(36)}`
const BUDGET_RATIO = 0.5

/**
 * Runs the contenders in alternation (after one warm-up each) and compares each with the last one
 * (the raw sequential loop) round by round: the machine is shared, so load from other processes
 * hits every contender of a round alike. Returns each contender's median and median per-round ratio.
 */
async function alternate(
  contenders: ReadonlyArray<() => Promise<unknown>>,
): Promise<Array<{ readonly ms: number; readonly ratio: number }>> {
  for (const c of contenders) await c()
  const times = contenders.map(() => [] as number[])
  for (let i = 0; i < RUNS; i++)
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

describe('bench: the doctor’s online probe of 20 storages', () => {
  let server: GitServer
  let sandbox: GitSandbox
  let scratch = ''
  let config = ''
  let localRepo = ''
  beforeAll(async () => {
    server = await startGitServer({
      flavor: 'github',
      credentials: [{ token: TOKEN, kind: 'classic_pat', username: 'octo' }],
      repos: Array.from({ length: STORAGES }, (_, i) => ({ name: `acme/s${i}`, commits: 1 })),
    })
    sandbox = await createGitSandbox()
    scratch = mkdtempSync(join(tmpdir(), 'gitkeys-bench-probes-'))
    config = join(scratch, 'flipt.yml')
    const ids = Array.from({ length: STORAGES }, (_, i) => `s${i}`)
    writeFileSync(
      config,
      [
        'version: "2.0"',
        'credentials:',
        '  gh:',
        '    type: access_token',
        '    access_token: ${env:BENCH_TOKEN}',
        'storage:',
        ...ids.flatMap((id) => [
          `  ${id}:`,
          `    remote: ${server.url(`acme/${id}`)}`,
          '    credentials: gh',
        ]),
        'environments:',
        ...ids.flatMap((id, i) => [
          `  ${id}:`,
          `    storage: ${id}`,
          ...(i === 0 ? ['    default: true'] : []),
        ]),
        '',
      ].join('\n'),
    )
    // The raw loop pushes (dry run) from one ready-made local commit; GitKeys makes its own per probe.
    localRepo = join(sandbox.dir, 'local')
    expect((await sandbox.git(['init', '-q', localRepo])).code).toBe(0)
    expect(
      (
        await sandbox.git(
          ['-c', 'user.name=B', '-c', 'user.email=b@b', 'commit', '-q', '--allow-empty', '-m', 'x'],
          { cwd: localRepo },
        )
      ).code,
    ).toBe(0)
  })
  afterAll(async () => {
    await server.close()
    await sandbox.dispose()
    rmSync(scratch, { recursive: true, force: true })
  })

  it(`gitkeys doctor (test + write probe, parallel) takes at most ${BUDGET_RATIO}× raw ls-remote + push --dry-run in a loop`, async () => {
    const env = { ...isolatedGitEnv(), BENCH_TOKEN: TOKEN }
    const doctor = async (): Promise<void> => {
      let out = ''
      const io: CliIo = {
        readStdin: () => Promise.resolve(''),
        stdout: (t) => void (out += t),
        stderr: () => undefined,
        env,
        cwd: scratch,
      }
      await runCli(['doctor', '--config', config, '--json'], io, commands, 'bench')
      const probes = (JSON.parse(out) as { probes: Array<{ ok: boolean }> }).probes
      expect(probes).toHaveLength(STORAGES)
      expect(probes.every((p) => p.ok)).toBe(true)
    }
    const auth = { user: 'x-token-auth', pass: TOKEN }
    const probe = async (i: number): Promise<void> => {
      const url = server.url(`acme/s${i}`)
      expect((await sandbox.git(['ls-remote', '--heads', url], { auth })).code).toBe(0)
      const push = await sandbox.git(
        ['push', '--dry-run', '--porcelain', url, `HEAD:refs/heads/probe-${i}`],
        {
          auth,
          cwd: localRepo,
        },
      )
      expect(push.code).toBe(0)
    }
    const indexes = Array.from({ length: STORAGES }, (_, i) => i)
    const [gk, rawParallel, raw] = await alternate([
      doctor,
      // The machine's ceiling: the same raw git calls, every storage at once.
      async () => void (await Promise.all(indexes.map(probe))),
      async () => {
        for (const i of indexes) await probe(i)
      },
    ])
    const ratio = gk?.ratio ?? Number.POSITIVE_INFINITY
    const ok = recordFigure({
      id: 'probes.doctor_20_storages',
      label: `gitkeys doctor online probe of ${STORAGES} storages (ls-remote + push --dry-run, parallel) vs raw sequential git`,
      value: ratio,
      unit: '× raw loop',
      comparedWith: `doctor ${gk?.ms} ms, raw loop ${raw?.ms} ms; raw git all at once ${rawParallel?.ms} ms (${rawParallel?.ratio}×, this machine's ceiling); medians of ${RUNS} alternating rounds, ratios per round; ${availableParallelism()} cores`,
      budget: { max: BUDGET_RATIO },
    })
    expect(
      ok,
      `ratio ${ratio} (doctor ${gk?.ms} ms vs raw ${raw?.ms} ms; raw all at once ${rawParallel?.ratio}×)`,
    ).toBe(true)
  })
})
