import { z } from 'zod'
import { AppInfoSchema } from '../domain/app-info'

/** A request that carries nothing: still one (empty, strict) object payload. */
export const Empty = z.strictObject({})

/** How one invoke channel is declared: a strict request schema and the response schema. */
export type ChannelSpec = { readonly request: z.ZodType; readonly response: z.ZodType }

/**
 * THE contract (ARCHITECTURE.md §3): every renderer → main channel, named `domain:verb`, with one
 * object payload. Request schemas are strict; response schemas are the allow-list of what may leave
 * main (unknown keys are stripped, so a secret added to a service result by mistake never crosses).
 */
export const channels = {
  'app:info': { request: Empty, response: AppInfoSchema },
} as const satisfies Record<string, ChannelSpec>

/** Every main → renderer event and its payload schema. */
export const events = {} as const satisfies Record<string, z.ZodType>

/** A channel name. */
export type Channel = keyof typeof channels
/** An event name. */
export type EventName = keyof typeof events
/** The parsed request type of a channel. */
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>
/** The payload type of an event. */
export type EventPayloadOf<E extends EventName> = z.infer<(typeof events)[E]>

/** All channel names, in declaration order. */
export const channelNames = Object.keys(channels) as Channel[]
/** All event names, in declaration order. */
export const eventNames = Object.keys(events) as EventName[]

/** Narrows an untrusted string to a channel name. */
export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name)
/** Narrows an untrusted string to an event name. */
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
