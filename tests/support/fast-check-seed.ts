import fc from 'fast-check'

/**
 * One fixed seed for every property test, so `npm test` and CI are reproducible: a property that
 * fails, fails the same way on every machine. To explore new inputs run with `FC_SEED=random` (a
 * fresh seed each time) or replay one with `FC_SEED=<number>`; fast-check prints the seed and the
 * shrunk counterexample with every failure. Counterexamples found that way are kept as examples in
 * the test that found them.
 */
const DEFAULT_SEED = 20261123
const raw = process.env.FC_SEED
const seed = raw === 'random' ? undefined : raw !== undefined && raw !== '' ? Number(raw) : DEFAULT_SEED
if (seed !== undefined && !Number.isSafeInteger(seed))
  throw new Error(`FC_SEED must be an integer or "random", not ${raw ?? ''}`)
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed })
