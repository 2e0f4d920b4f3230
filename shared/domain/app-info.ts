import { z } from 'zod'

/** What the About screen shows: versions that really exist on this machine. */
export const AppInfoSchema = z.object({
  appName: z.string(),
  appVersion: z.string(),
  runtimes: z.object({
    electron: z.string().optional(),
    chrome: z.string().optional(),
    node: z.string(),
  }),
  git: z.discriminatedUnion('found', [
    z.object({ found: z.literal(true), version: z.string(), meetsMinimum: z.boolean(), minimum: z.string() }),
    z.object({ found: z.literal(false), reason: z.string() }),
  ]),
  platform: z.object({ os: z.string(), arch: z.string(), release: z.string() }),
  shell: z.enum(['electron', 'bridge', 'cli']),
})
/** See {@link AppInfoSchema}. */
export type AppInfo = z.infer<typeof AppInfoSchema>
