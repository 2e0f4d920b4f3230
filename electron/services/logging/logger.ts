import { redact } from '@shared/logic/redact'

/** A structured log line. `fields` hold only non-secret values; everything is redacted anyway. */
export type LogRecord = {
  readonly time: string
  readonly level: 'info' | 'warn' | 'error'
  readonly scope: string
  readonly message: string
  readonly fields?: Readonly<Record<string, string | number | boolean | null>>
}

/** Where log records go: a bounded file in the app, memory in tests, stderr in the CLI. */
export interface LogSink {
  write(record: LogRecord): void
}

/** The logging port every service takes. */
export interface Logger {
  info(message: string, fields?: LogRecord['fields']): void
  warn(message: string, fields?: LogRecord['fields']): void
  error(message: string, fields?: LogRecord['fields']): void
  child(scope: string): Logger
}

/** Source of secrets the logger must never print verbatim (the vault's live tokens). */
export type KnownSecrets = () => readonly string[]

/** Creates a logger that redacts every message and field before it reaches the sink. */
export function createLogger(sink: LogSink, scope = 'app', known: KnownSecrets = () => []): Logger {
  const write = (level: LogRecord['level'], message: string, fields?: LogRecord['fields']): void => {
    const secrets = known()
    const clean = fields
      ? Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? redact(v, secrets) : v]),
        )
      : undefined
    sink.write({
      time: new Date().toISOString(),
      level,
      scope,
      message: redact(message, secrets),
      ...(clean ? { fields: clean } : {}),
    })
  }
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (s) => createLogger(sink, `${scope}.${s}`, known),
  }
}

/** Writes every record to several sinks (the log file and the in-memory tail of the support report). */
export function teeSink(...sinks: readonly LogSink[]): LogSink {
  return { write: (r) => sinks.forEach((s) => s.write(r)) }
}

/** A sink that keeps records in memory (tests, and the support report's recent tail). */
export function memorySink(limit = 1000): LogSink & { readonly records: LogRecord[] } {
  const records: LogRecord[] = []
  return {
    records,
    write(record) {
      records.push(record)
      if (records.length > limit) records.splice(0, records.length - limit)
    },
  }
}
