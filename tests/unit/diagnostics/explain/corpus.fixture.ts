import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { ErrorCategorySchema } from '@shared/domain/provider'
import type { ExplainProvider } from '@shared/diagnostics/explain/explain'

/** One corpus line: a real error text as posted, the cause its thread established, and where. */
export const CorpusEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  provider: z.enum([
    'github',
    'gitlab',
    'bitbucket_cloud',
    'bitbucket_server',
    'azure_devops_services',
    'azure_devops_server',
    'gitea',
    'generic',
    'flipt',
  ]),
  text: z.string().min(1),
  category: ErrorCategorySchema,
  cause: z.string().min(10),
  source: z.string().regex(/^https?:\/\//),
  confidence: z.enum(['high', 'medium']),
})
/** See {@link CorpusEntrySchema}. */
export type CorpusEntry = z.infer<typeof CorpusEntrySchema>

/** Lines added after the rules were written and scored before any tuning (ids start with `h-`). */
export const isHeldOut = (e: CorpusEntry): boolean => e.id.startsWith('h-')

/** The explainer's provider id for a corpus provider (Flipt and generic lines name no account provider). */
export function explainProviderOf(e: CorpusEntry): ExplainProvider | undefined {
  switch (e.provider) {
    case 'github':
      return 'github'
    case 'gitlab':
      return 'gitlab'
    case 'bitbucket_cloud':
      return 'bitbucket'
    case 'bitbucket_server':
      return 'bitbucket_server'
    case 'azure_devops_services':
      return 'azure'
    case 'azure_devops_server':
      return 'azure_devops_server'
    case 'gitea':
      return 'gitea'
    case 'generic':
    case 'flipt':
      return undefined
  }
}

/** Reads and validates tests/fixtures/explainer-corpus.jsonl. */
export function loadCorpus(): readonly CorpusEntry[] {
  const file = join(process.cwd(), 'tests', 'fixtures', 'explainer-corpus.jsonl')
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = CorpusEntrySchema.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`corpus line ${i + 1}: ${parsed.error.message}`)
      return parsed.data
    })
}
