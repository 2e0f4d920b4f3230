#!/usr/bin/env node
// `npm test`: every layer that runs on this machine, in order, then one closing line
// `N passed, N failed, N skipped`. Static checks count as one test each; test layers report
// their own counts through JSON reporters. A failing step does not stop the later ones.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const startedAt = Date.now()
const art = join(root, '.test-artifacts')
rmSync(art, { recursive: true, force: true })
mkdirSync(art, { recursive: true })
const bin = (name) => join(root, 'node_modules/.bin', name)

const rows = []
const total = { passed: 0, failed: 0, skipped: 0 }

function run(label, cmd, args, env = {}) {
  const started = Date.now()
  console.log(`\n▶ ${label}: ${[cmd, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return { ok: r.status === 0, seconds: (Date.now() - started) / 1000 }
}

function record(label, counts, seconds) {
  rows.push({ label, ...counts, seconds })
  total.passed += counts.passed
  total.failed += counts.failed
  total.skipped += counts.skipped
}

function check(label, cmd, args) {
  const r = run(label, cmd, args)
  record(label, { passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, skipped: 0 }, r.seconds)
  return r.ok
}

function vitest(project) {
  const out = join(art, `vitest-${project}.json`)
  const r = run(`${project} tests`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  let counts = { passed: 0, failed: r.ok ? 0 : 1, skipped: 0 }
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'))
    counts = {
      passed: j.numPassedTests,
      failed: j.numFailedTests + (j.numFailedTestSuites ?? 0),
      skipped: j.numPendingTests + j.numTodoTests,
    }
    if (!r.ok && counts.failed === 0) counts.failed = 1
  }
  record(`${project} tests`, counts, r.seconds)
}

function playwright(label, args) {
  const out = join(art, `${label.replace(/\W+/g, '-')}.json`)
  const r = run(label, bin('playwright'), ['test', ...args], { GITKEYS_PW_JSON: out })
  let counts = { passed: 0, failed: r.ok ? 0 : 1, skipped: 0 }
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {}
    counts = {
      passed: (s.expected ?? 0) + (s.flaky ?? 0),
      failed: s.unexpected ?? 0,
      skipped: s.skipped ?? 0,
    }
    if (!r.ok && counts.failed === 0) counts.failed = 1
  }
  record(label, counts, r.seconds)
}

// Issue 8.5: after everything ran, no file the suite wrote may hold the canary token or a fragment of
// it: the temp dirs this run left (`gitkeys-*`: worlds, stores, logs, exports, reports), the
// artifacts and Playwright's results. docs/screenshots holds PNGs only and is not read.
function canarySweep() {
  const started = Date.now()
  console.log('\n▶ canary sweep: .test-artifacts, test-results, the gitkeys-* and gk-* temp dirs of this run')
  // The literal lives in tests/support/canary.ts (TypeScript, so it is read, not imported).
  const canary = /export const CANARY = '([^']+)'/.exec(
    readFileSync(join(root, 'tests/support/canary.ts'), 'utf8'),
  )?.[1]
  if (!canary) {
    console.log('canary sweep: CANARY not found in tests/support/canary.ts')
    record('canary sweep', { passed: 0, failed: 1, skipped: 0 }, 0)
    return
  }
  // As canaryFragments() does: the token, and every 12-character window of its body that says CANARY.
  const body = canary.slice(4)
  const needles = [canary]
  for (let i = 0; i + 12 <= body.length; i += 4)
    if (body.slice(i, i + 12).includes('CANARY')) needles.push(body.slice(i, i + 12))
  const places = [art, join(root, 'test-results')]
  for (const name of readdirSync(tmpdir())) {
    const p = join(tmpdir(), name)
    const st = lstatSync(p, { throwIfNoEntry: false })
    if (/^(?:gitkeys|gk)-/.test(name) && st?.isDirectory() && Math.max(st.ctimeMs, st.mtimeMs) >= startedAt)
      places.push(p)
  }
  const hits = []
  let files = 0
  const walk = (p) => {
    const st = lstatSync(p, { throwIfNoEntry: false })
    if (!st || st.isSymbolicLink()) return
    if (st.isDirectory()) {
      let names
      try {
        names = readdirSync(p)
      } catch {
        return
      }
      for (const n of names) walk(join(p, n))
    } else if (st.isFile() && st.size < 50_000_000) {
      files++
      let bytes
      try {
        bytes = readFileSync(p)
      } catch {
        return
      }
      // A JSON report names the tests; a title may quote the canary on purpose (vector 20), so only
      // what the tests produced (failure messages, output) is searched, not what they are called.
      if (p.startsWith(art) && p.endsWith('.json')) {
        try {
          const titles = new Set(['title', 'fullName', 'ancestorTitles'])
          bytes = Buffer.from(
            JSON.stringify(JSON.parse(bytes.toString('utf8')), (k, v) => (titles.has(k) ? undefined : v)),
          )
        } catch {
          // Not JSON after all: search the bytes as they are.
        }
      }
      const found = needles.find((n) => bytes.includes(n))
      if (found) hits.push(`${p}  (${found === canary ? 'the canary' : `fragment ${found}`})`)
    }
  }
  for (const p of places) walk(p)
  console.log(`canary sweep: ${files} files in ${places.length} places, ${hits.length} holding the canary`)
  for (const h of hits) console.log(`  ✖ ${h}`)
  record(
    'canary sweep',
    { passed: hits.length ? 0 : 1, failed: hits.length ? 1 : 0, skipped: 0 },
    (Date.now() - started) / 1000,
  )
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck'])
check('lint', bin('eslint'), ['.'])
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn'])
vitest('unit')
const built = check('build', 'npm', ['run', '--silent', 'build'])
vitest('integration')
if (built) playwright('e2e (Chromium over the bridge)', [])
else record('e2e (Chromium over the bridge)', { passed: 0, failed: 1, skipped: 0 }, 0)
playwright('electron (_electron)', ['--config', 'tests/electron/playwright.electron.config.ts'])
canarySweep()

console.log('\n┌────────────────────────────────────┬────────┬────────┬─────────┬─────────┐')
console.log('│ layer                              │ passed │ failed │ skipped │ seconds │')
console.log('├────────────────────────────────────┼────────┼────────┼─────────┼─────────┤')
for (const r of rows) {
  console.log(
    `│ ${r.label.padEnd(34)} │ ${String(r.passed).padStart(6)} │ ${String(r.failed).padStart(6)} │ ${String(r.skipped).padStart(7)} │ ${r.seconds.toFixed(1).padStart(7)} │`,
  )
}
console.log('└────────────────────────────────────┴────────┴────────┴─────────┴─────────┘')
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exitCode = total.failed > 0 ? 1 : 0
