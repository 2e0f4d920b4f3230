#!/usr/bin/env node
// `npm test`: every layer that runs on this machine, in order, then one closing line
// `N passed, N failed, N skipped`. Static checks count as one test each; test layers report
// their own counts through JSON reporters. A failing step does not stop the later ones.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
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

check('typecheck', 'npm', ['run', '--silent', 'typecheck'])
check('lint', bin('eslint'), ['.'])
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn'])
vitest('unit')
const built = check('build', 'npm', ['run', '--silent', 'build'])
vitest('integration')
if (built) playwright('e2e (Chromium over the bridge)', [])
else record('e2e (Chromium over the bridge)', { passed: 0, failed: 1, skipped: 0 }, 0)
playwright('electron (_electron)', ['--config', 'tests/electron/playwright.electron.config.ts'])

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
