import type { ReactElement } from 'react'
import type { ImportPreview } from '@shared/domain/export'
import { Icon } from '../../components/icon'
import { Badge } from '../../components/status'

type Diff = ImportPreview['diff']
type Changes = Diff['repositories']
type FieldChange = Diff['flipt'][number]

const KINDS: ReadonlyArray<{
  key: 'repositories' | 'environments' | 'credentials' | 'accounts'
  label: string
}> = [
  { key: 'repositories', label: 'Repositories' },
  { key: 'environments', label: 'Environments' },
  { key: 'credentials', label: 'Flipt credentials' },
  { key: 'accounts', label: 'Accounts' },
]

const LONG = 72

const isUnset = (v: unknown): v is null | undefined => v === undefined || v === null

/** Drops "not set → not set" rows: absent and null mean the same to a person. */
const visible = (fields: readonly FieldChange[]): FieldChange[] =>
  fields.filter((f) => !(isUnset(f.before) && isUnset(f.after)))

const WORDS: Readonly<Record<string, string>> = {
  scm: 'SCM',
  dflow: 'dFlow',
  apiUrl: 'API URL',
  accountId: 'account',
  credentialId: 'credential',
  repositoryId: 'repository',
  caCertPem: 'CA certificate (PEM)',
  caCertPath: 'CA certificate file',
  insecureSkipTls: 'skip TLS verification',
  localPath: 'local clone',
  author: 'commit author',
  extra: 'other keys (kept as written)',
  githubApp: 'GitHub App',
  ssh: 'SSH',
}

/** A GitKeys field path in words: `scm.apiUrl` → `SCM › API URL`, `pollInterval` → `poll interval`. */
const fieldLabel = (field: string): string =>
  field
    .split('.')
    .map((part) => WORDS[part] ?? part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' › ')

/** Flipt-level settings under their Flipt names rather than GitKeys' field names. */
const fliptFieldName = (field: string): string =>
  field === 'extra'
    ? 'sections kept as written'
    : field === 'secretsFileBasePath'
      ? 'secrets.providers.file.base_path'
      : field.replace(/^extra\./, '')

/** A before/after value as a person reads it: "not set" for absent, JSON for structures, long ones folded. */
export function DiffValue({ value, side }: { value: unknown; side: 'before' | 'after' }): ReactElement {
  if (isUnset(value)) return <span className="diff-unset">not set</span>
  const text =
    typeof value === 'string'
      ? value === ''
        ? '""'
        : value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : Array.isArray(value)
          ? `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`
          : typeof value === 'object'
            ? `{ ${Object.keys(value).join(', ')} }`
            : JSON.stringify(value)
  if (text.length <= LONG && typeof value !== 'object')
    return <code className={`diff-val diff-val-${side}`}>{text}</code>
  const full = typeof value === 'object' ? JSON.stringify(value, null, 2) : text
  return (
    <details className={`diff-long diff-val-${side}`}>
      <summary>
        <code>{text.length <= LONG ? text : `${text.slice(0, LONG - 20)}…`}</code>{' '}
        <span className="muted small">show all</span>
      </summary>
      <pre className="pre mono">{full}</pre>
    </details>
  )
}

function FieldTable({
  fields,
  caption,
  name = fieldLabel,
}: {
  fields: readonly FieldChange[]
  caption: string
  name?: (field: string) => string
}): ReactElement {
  return (
    <table className="diff-fields">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="c-field" />
        <col />
        <col className="c-arrow" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Now</th>
          <th scope="col" aria-hidden="true" />
          <th scope="col">After the import</th>
        </tr>
      </thead>
      <tbody>
        {visible(fields).map((f) => (
          <tr key={f.field}>
            <th scope="row" title={f.field}>
              {name(f.field)}
            </th>
            <td>
              <DiffValue value={f.before} side="before" />
            </td>
            <td className="diff-arrow" aria-hidden="true">
              →
            </td>
            <td>
              <DiffValue value={f.after} side="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Tally({ c }: { c: Changes }): ReactElement {
  if (c.added.length + c.removed.length + c.changed.length === 0)
    return <span className="muted small">no changes</span>
  return (
    <span className="row" style={{ gap: 6 }}>
      {c.added.length ? <Badge tone="ok">+{c.added.length} added</Badge> : null}
      {c.removed.length ? <Badge tone="error">−{c.removed.length} removed</Badge> : null}
      {c.changed.length ? <Badge tone="info">{c.changed.length} changed</Badge> : null}
    </span>
  )
}

function KindSection({ label, id, c }: { label: string; id: string; c: Changes }): ReactElement {
  const quiet = c.added.length + c.removed.length + c.changed.length === 0
  return (
    <section
      className={`diff-kind${quiet ? ' diff-quiet' : ''}`}
      aria-label={label}
      data-testid={`diff-${id}`}
    >
      <header className="diff-kind-head">
        <h3>{label}</h3>
        <Tally c={c} />
      </header>
      {quiet ? null : (
        <ul className="diff-list">
          {c.added.map((x) => (
            <li key={`a-${x}`} className="diff-row diff-added" data-change="added">
              <span className="diff-sign" aria-hidden="true">
                +
              </span>
              <code>{x}</code>
              <Badge tone="ok">added</Badge>
            </li>
          ))}
          {c.removed.map((x) => (
            <li key={`r-${x}`} className="diff-row diff-removed" data-change="removed">
              <span className="diff-sign" aria-hidden="true">
                −
              </span>
              <del>
                <code>{x}</code>
              </del>
              <Badge tone="error">
                <Icon name="trash" size={11} /> removed
              </Badge>
            </li>
          ))}
          {c.changed.map((x) => {
            const n = visible(x.fields).length
            return (
              <li key={`c-${x.id}`} className="diff-row diff-changed" data-change="changed">
                <div className="row">
                  <span className="diff-sign" aria-hidden="true">
                    ~
                  </span>
                  <code>{x.id}</code>
                  <Badge tone="info">
                    {n} {n === 1 ? 'field' : 'fields'} changed
                  </Badge>
                </div>
                <FieldTable fields={x.fields} caption={`Changes to ${x.id}`} />
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** The differences an import makes, per kind, with field-level before → after; removals stand out. */
export function ImportDiff({ diff }: { diff: Diff }): ReactElement {
  return (
    <section className="card" aria-labelledby="import-diff-title" data-testid="import-diff">
      <div className="card-head">
        <Icon name="layers" />
        <div>
          <h2 id="import-diff-title">What changes in your workspace</h2>
          <div className="muted small">
            Repositories, environments and Flipt credentials are replaced by the file’s. Accounts and their
            tokens are kept.
          </div>
        </div>
      </div>
      <div className="card-body stack">
        {diff.empty ? (
          <p className="diff-empty" data-testid="diff-empty">
            <Icon name="check" size={16} /> Nothing changes: your workspace already matches this file.
          </p>
        ) : null}
        {KINDS.map((k) => (
          <KindSection key={k.key} id={k.key} label={k.label} c={diff[k.key]} />
        ))}
        {visible(diff.flipt).length > 0 ? (
          <section className="diff-kind" aria-label="Flipt settings" data-testid="diff-flipt">
            <header className="diff-kind-head">
              <h3>Flipt settings</h3>
              <Badge tone="info">{visible(diff.flipt).length} changed</Badge>
            </header>
            <FieldTable fields={diff.flipt} caption="Changes to Flipt settings" name={fliptFieldName} />
          </section>
        ) : null}
      </div>
    </section>
  )
}
