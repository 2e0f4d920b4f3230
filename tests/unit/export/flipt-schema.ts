import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2019 from 'ajv/dist/2019'
import { parse } from 'yaml'

/**
 * Flipt's own v2 JSON schema (../shared/flipt/flipt.schema.json, draft 2019-09), compiled once.
 * Two quirks of the file are handled (../shared/fixtures/README.md): its `$schema` names the
 * meta-schema by the old `http://…#` URI, which ajv does not know, and its root uses the draft-04
 * keyword `id`, which ajv's strict mode refuses; it becomes `$id`.
 */
const SCHEMA_PATH = join(process.cwd(), '../shared/flipt/flipt.schema.json')

function loadSchema(): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>
  const { $schema: _meta, id, ...rest } = raw
  return { ...rest, $id: typeof id === 'string' ? id : 'flipt.schema.json' }
}

const ajv = new Ajv2019({ allErrors: true, strict: false })
const validate = ajv.compile(loadSchema())

/** The schema errors of a YAML config text, as `path: message` lines (empty when valid). */
export function fliptSchemaErrors(yamlText: string): string[] {
  const ok = validate(parse(yamlText))
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''}`)
}
