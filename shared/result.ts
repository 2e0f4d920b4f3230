import type { AppError } from './errors'

/** A value or an error, never an exception: what crosses every boundary (STYLE.md §3). */
export type Result<T, E = AppError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

/** Wraps a success value. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })

/** Wraps an error value. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}

/** A read-only view of a data type, all the way down: what services return. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DeepReadonly<U>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T
