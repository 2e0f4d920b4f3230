import type { AppError } from '@shared/errors'
import { appError } from '@shared/errors'
import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import { channels, isChannel } from '@shared/ipc/contract'
import { payloadProblem } from '@shared/logic/payload-guard'
import { toFieldIssues } from '@shared/logic/zod-issues'
import type { DeepReadonly, Result } from '@shared/result'
import { err, ok } from '@shared/result'
import type { Logger } from './logging/logger'

/** What a handler knows about the call besides its parsed request. */
export type CallContext = { readonly channel: Channel }

/** One handler per channel: a missing or extra handler does not compile. */
export type Handlers = {
  readonly [C in Channel]: (
    request: RequestOf<C>,
    ctx: CallContext,
  ) => Promise<Result<DeepReadonly<ResponseOf<C>>>>
}

/** The transport-agnostic entry point every adapter (Electron IPC, test bridge) calls. */
export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>>
}

/**
 * Parses every request as `unknown` with its channel's schema before any handler runs, returns a
 * `Result`, turns exceptions into `internal` (logged with the channel name only, never the payload),
 * and passes responses through the response schema so nothing outside the contract leaves main.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatcher {
  const log = logger.child('dispatcher')
  return {
    async dispatch(channel, payload) {
      if (!isChannel(channel)) {
        return err(appError('unknown_channel', 'That request is not part of GitKeys.'))
      }
      const tooBig = payloadProblem(payload)
      if (tooBig) {
        return err(appError('invalid_input', `The request was rejected: it is ${tooBig}.`))
      }
      const spec = channels[channel]
      const parsed = spec.request.safeParse(payload)
      if (!parsed.success) {
        return err(
          appError('invalid_input', 'The request was not understood.', {
            issues: toFieldIssues(parsed.error),
          }),
        )
      }
      try {
        const handler = handlers[channel] as (r: unknown, c: CallContext) => Promise<Result<unknown>>
        const result = await handler(parsed.data, { channel })
        if (!result.ok) return result
        const out = spec.response.safeParse(result.value)
        if (!out.success) {
          log.error('response failed its schema', { channel })
          return err(internalError())
        }
        return ok(out.data)
      } catch (e: unknown) {
        log.error('handler threw', { channel, error: e instanceof Error ? e.name : typeof e })
        return err(internalError())
      }
    },
  }
}

function internalError(): AppError {
  return appError('internal', 'Something went wrong inside GitKeys.', {
    hint: 'Try again; if it keeps happening, attach the support report to a bug.',
  })
}
