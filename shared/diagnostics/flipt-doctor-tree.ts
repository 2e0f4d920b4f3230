import { LineCounter, parseDocument } from 'yaml'
import type { FliptFacts } from './diagnose.types'
import {
  ENV_REF_ANYWHERE,
  ENV_REF_RE,
  SECRET_REF_RE,
  V1_ENV_REF,
  asRecord,
  weakString,
} from '../export/flipt-values'

/**
 * Reads a Flipt v2 config file as Flipt's loader does before validating it (flipt-v2.md §1.1, §4):
 * YAML parse (errors with line and column), Viper's lowercased keys, `${env:NAME}` replaced only for
 * whole-value scalars with Flipt's regex (unset → ""), and Flipt's `setDefaults` applied on the raw
 * values, as Viper does, before the references are resolved. Also keeps a "model" tree in which the
 * secret fields still hold their references, for the importer.
 */

/** A YAML problem with its position. */
export type YamlProblem = {
  readonly path: string
  readonly message: string
  readonly line: number
  readonly col: number
}

/** The credential fields that may hold secrets (below `credentials.<id>`). */
export const SECRET_PATHS: readonly (readonly string[])[] = [
  ['access_token'],
  ['basic', 'password'],
  ['ssh', 'password'],
  ['ssh', 'private_key_bytes'],
  ['github_app', 'private_key_bytes'],
]

const isSecretPath = (path: readonly string[]): boolean =>
  path.length >= 3 &&
  path[0] === 'credentials' &&
  SECRET_PATHS.some((p) => p.length === path.length - 2 && p.every((k, i) => path[i + 2] === k))

/** The reference facts found while resolving (a subset of FliptFacts). */
export type RefFacts = Pick<
  FliptFacts,
  'envRefs' | 'partialEnvRefs' | 'v1EnvRefs' | 'malformedSecretRefs' | 'fileSecretRefs'
>

/** The file read three ways. */
export type ReadConfig =
  | { readonly ok: false; readonly problems: readonly YamlProblem[] }
  | {
      readonly ok: true
      /** As written (keys as written, references unresolved). */
      readonly raw: Readonly<Record<string, unknown>>
      /** Flipt's view: keys lowercased, defaults applied, `${env:…}` resolved. */
      readonly resolved: Readonly<Record<string, unknown>>
      /** For the importer: `${env:…}` resolved except in secret fields; null when that changes nothing (use the text). */
      readonly model: Readonly<Record<string, unknown>> | null
      readonly refs: RefFacts
    }

type Env = Readonly<Record<string, string | undefined>>

/** Parses YAML as Viper's decoder would accept it; duplicate keys and syntax errors are problems. */
function parse(text: string): { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    uniqueKeys: true,
    merge: true,
    prettyErrors: false,
  })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0])
        return { path: '(yaml)', message: e.message.split('\n')[0] ?? e.code, line: pos.line, col: pos.col }
      }),
    }
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) ?? {} }
  } catch (e: unknown) {
    return {
      ok: false,
      problems: [
        { path: '(yaml)', message: e instanceof Error ? e.message : 'unreadable YAML', line: 1, col: 1 },
      ],
    }
  }
}

/** Lowercases every mapping key (Viper is case-insensitive); for equal keys the later one wins. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys)
  const r = asRecord(value)
  if (!r) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(r)) if (k !== '__proto__') out[k.toLowerCase()] = lowerKeys(v)
  return out
}

/** A mapping this module owns and may change (applyDefaults works on the fresh tree toJS made), or null. */
const ownRecord = (value: unknown): Record<string, unknown> | null => asRecord(value)

/** Flipt's setDefaults on raw values (flipt-v2.md §1.3, §1.4): what Viper's SetDefault adds when a key is unset. */
function applyDefaults(root: Record<string, unknown>): void {
  const str = (v: unknown): string => weakString(v) ?? ''
  let storage = ownRecord(root.storage)
  if (!storage || Object.keys(storage).length === 0) {
    storage = { default: { backend: { type: 'memory' }, branch: 'main', poll_interval: '30s' } }
    root.storage = storage
  }
  for (const s of Object.values(storage)) {
    const st = ownRecord(s)
    if (!st) continue
    st.branch ??= 'main'
    st.poll_interval ??= '30s'
    const backend = ownRecord(st.backend) ?? {}
    backend.type ??= 'memory'
    if (backend.type === 'local') backend.path ??= '.'
    st.backend = backend
  }
  let envs = ownRecord(root.environments)
  if (!envs || Object.keys(envs).length === 0) {
    envs = { default: { name: 'default', storage: 'default', default: true } }
    root.environments = envs
  }
  const ids = Object.keys(envs)
  for (const id of ids) {
    const e = ownRecord(envs[id]) ?? {}
    e.name ??= id
    if (str(e.storage) === '') e.storage = 'default'
    if (ids.length === 1) e.default ??= true
    envs[id] = e
  }
}

/** Walks every string scalar, replacing whole-value `${env:…}` (everywhere, or outside secret fields) and noting references. */
function resolveTree(
  value: unknown,
  path: string[],
  env: Env,
  keepSecrets: boolean,
  refs: RefFacts | null,
): unknown {
  if (Array.isArray(value))
    return value.map((v, i) => resolveTree(v, [...path, String(i)], env, keepSecrets, refs))
  const r = asRecord(value)
  if (r) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(r))
      if (k !== '__proto__') out[k] = resolveTree(v, [...path, k], env, keepSecrets, refs)
    return out
  }
  if (typeof value !== 'string') return value
  const subject = path.map((p, i) => (i === 1 ? p.toLowerCase() : p)).join('.')
  const whole = ENV_REF_RE.exec(value)
  if (whole?.[1] !== undefined) {
    const name = whole[1]
    const got = env[name]
    refs?.envRefs.push({ subject, name, state: got === undefined ? 'unset' : got === '' ? 'empty' : 'set' })
    return keepSecrets && isSecretPath(path) ? value : (got ?? '')
  }
  if (refs) {
    for (const m of value.matchAll(ENV_REF_ANYWHERE)) refs.partialEnvRefs.push({ subject, name: m[1] ?? '' })
    for (const m of value.matchAll(V1_ENV_REF)) refs.v1EnvRefs.push({ subject, name: m[1] ?? '' })
    const secret = SECRET_REF_RE.exec(value)
    if (secret?.[1] !== undefined) {
      const parts = secret[1].split(':')
      if (parts.length === 2 && parts[0] && parts[1]) {
        if (parts[0] === 'file') refs.fileSecretRefs.push({ subject, key: parts[1] })
      } else
        refs.malformedSecretRefs.push({
          subject,
          why:
            parts.length === 1
              ? 'invalid secret reference: provider is required'
              : `invalid secret reference format "${value.slice(0, 80)}", expected 'key' or 'provider:key'`,
        })
    } else if (value.startsWith('${secret:'))
      refs.malformedSecretRefs.push({
        subject,
        why: 'not a valid ${secret:…} reference (letters, digits, _ : / - only), so Flipt uses the text literally',
      })
  }
  return value
}

/** Reads a config file; `env` resolves `${env:NAME}` exactly as Flipt would where it runs. */
export function readConfig(yamlText: string, env: Env): ReadConfig {
  const parsed = parse(yamlText)
  if (!parsed.ok) return parsed
  const raw = asRecord(parsed.value)
  if (!raw)
    return {
      ok: false,
      problems: [
        { path: '(file)', message: 'a Flipt config must be a mapping at the top level', line: 1, col: 1 },
      ],
    }
  const refs: RefFacts = {
    envRefs: [],
    partialEnvRefs: [],
    v1EnvRefs: [],
    malformedSecretRefs: [],
    fileSecretRefs: [],
  }
  const lowered = lowerKeys(raw) as Record<string, unknown>
  applyDefaults(lowered)
  const resolved = resolveTree(lowered, [], env, false, refs) as Record<string, unknown>
  const outsideSecrets = refs.envRefs.some((r) => !isSecretPath(r.subject.split('.')))
  const model = outsideSecrets ? (resolveTree(raw, [], env, true, null) as Record<string, unknown>) : null
  return { ok: true, raw, resolved, model, refs }
}
