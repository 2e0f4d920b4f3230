import { ok } from '@shared/result'
import { createAppInfoService, type HostFacts } from './app/app-info.service'
import type { Handlers } from './dispatcher'
import type { Logger } from './logging/logger'

/** Every port a composition root must supply. Electron, the test bridge and the CLI each wire their own. */
export type Ports = {
  readonly host: HostFacts
  readonly logger: Logger
}

/** Builds every service over the given ports and returns the handler table for the dispatcher. */
export function createServices(ports: Ports): { readonly handlers: Handlers } {
  const appInfo = createAppInfoService(ports.host)
  const handlers: Handlers = {
    'app:info': async () => ok(await appInfo.info()),
  }
  return { handlers }
}
