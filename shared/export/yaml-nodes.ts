import { isMap, isScalar, Pair, Scalar, visit, YAMLMap, type Document, type Node } from 'yaml'

/**
 * Node builders for the YAML writers. Values always go through the yaml library's Document API; on
 * top of its YAML 1.2 quoting, strings that a YAML 1.1 reader would take as something else (`yes`,
 * `on`, `0x10`, `1:20`, `~`, dates) are double-quoted too, so any consumer reads the same string
 * (security.md vector 47).
 */

const YAML11_AMBIGUOUS = new RegExp(
  [
    '^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|=|<<)$',
    '^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*|(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\\.(?:inf|Inf|INF))$',
    '^\\.(?:nan|NaN|NAN)$',
    // the yaml library's own 1.1 float also takes `e0`, `1e3` (digits before the exponent optional)
    '^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$',
    '^\\d{4}-\\d\\d?-\\d\\d?',
  ].join('|'),
)

/**
 * A multi-line string the library would write as a block scalar but that a block scalar cannot hold
 * exactly: a line of only spaces or tabs, or one that starts with them, loses or gains indentation
 * when read back (" \n" came back as "\n"). Such strings are double-quoted; a PEM stays a block.
 */
const blockUnsafe = (value: string): boolean =>
  value.includes('\n') && value.split('\n').some((line) => /^[ \t]/.test(line))

/** True when a string must be double-quoted for every reader to get it back exactly. */
const mustQuote = (value: string): boolean => YAML11_AMBIGUOUS.test(value) || blockUnsafe(value)

/** A value a writer may put in a map: a node, a plain JS value, or nothing (the key is skipped). */
export type Entry = Node | string | number | boolean | null | undefined

/** A string scalar, double-quoted when a YAML 1.1 reader could mistake it or a block would change it. */
export function str(value: string): Scalar<string> {
  const s = new Scalar(value)
  if (mustQuote(value)) s.type = Scalar.QUOTE_DOUBLE
  return s
}

/** A string scalar that is always double-quoted (durations, the version). */
export function quoted(value: string): Scalar<string> {
  const s = new Scalar(value)
  s.type = Scalar.QUOTE_DOUBLE
  return s
}

/** A scalar with a trailing `# comment`. */
export function withComment<N extends Node>(node: N, comment: string | null): N {
  if (comment) node.comment = ` ${comment}`
  return node
}

function toNode(value: Exclude<Entry, null | undefined>): Node {
  if (typeof value === 'string') return str(value)
  if (typeof value === 'number' || typeof value === 'boolean') return new Scalar(value)
  return value
}

/** A block map from `[key, value]` entries; null/undefined values are left out. */
export function map(entries: ReadonlyArray<readonly [string, Entry]>): YAMLMap<Scalar<string>, Node> {
  const m = new YAMLMap<Scalar<string>, Node>()
  for (const [k, v] of entries) {
    if (v !== null && v !== undefined) m.items.push(new Pair(str(k), toNode(v)))
  }
  return m
}

/** Adds `key: value` to a map (when value is not null/undefined). */
export function put(m: YAMLMap<Scalar<string>, Node>, key: string, value: Entry): void {
  if (value !== null && value !== undefined) m.items.push(new Pair(str(key), toNode(value)))
}

/** A node for a plain JS value carried in `extra`, with the same YAML 1.1-safe quoting. */
export function extraNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value)
  visit(node, {
    Scalar(_key, s) {
      if (typeof s.value === 'string' && mustQuote(s.value)) s.type = Scalar.QUOTE_DOUBLE
    },
  })
  return node
}

const keyOf = (p: Pair<unknown, unknown>): unknown => (isScalar(p.key) ? p.key.value : p.key)

/**
 * Emits the keys GitKeys did not model back into the mapping they came from. A map value merges
 * into the written map key by key; any other value replaces the written one, because `extra` only
 * holds what the importer could not represent faithfully (an unknown `fetch_policy`, a broken
 * reference), and the exporter must not alter an imported value.
 */
export function mergeExtra(
  doc: Document,
  target: YAMLMap<unknown, unknown>,
  extra: Readonly<Record<string, unknown>>,
): void {
  for (const [key, value] of Object.entries(extra)) {
    const pair = target.items.find((p) => keyOf(p) === key)
    const isPlainObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    if (pair && isMap(pair.value) && isPlainObject) {
      mergeExtra(doc, pair.value, value as Record<string, unknown>)
    } else if (pair) {
      pair.value = extraNode(doc, value)
    } else {
      target.items.push(new Pair(str(key), extraNode(doc, value)))
    }
  }
}
