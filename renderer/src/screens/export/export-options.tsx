import type { ReactElement } from 'react'
import type { Environment } from '@shared/domain/environment'
import type { ExportFormat } from '@shared/domain/export'
import { Badge } from '../../components/status'
import type { SecretMode } from '../../stores/export.store'

/** The formats, in the order the segmented control shows them. */
export const FORMATS: ReadonlyArray<{ id: ExportFormat; label: string; about: string }> = [
  {
    id: 'flipt',
    label: 'Flipt v2',
    about: 'A flipt.config.yml with credentials, storage and environments for Flipt’s Git sync.',
  },
  {
    id: 'dflow',
    label: 'dFlow',
    about: 'A sheet with the Repository URL, Branch and Username to enter in each dFlow App Service.',
  },
  {
    id: 'git',
    label: 'git',
    about:
      'credential.<url>.username settings for your accounts; git asks your credential helper for tokens.',
  },
]

/** Picks the export format. Toggle buttons in a labelled group: Tab reaches each, Space or Enter picks it. */
export function FormatPicker({
  value,
  onChange,
}: {
  value: ExportFormat
  onChange: (f: ExportFormat) => void
}): ReactElement {
  const about = FORMATS.find((f) => f.id === value)?.about
  return (
    <div className="field">
      <span className="label" id="export-format-label">
        Format
      </span>
      <div className="segmented export-formats" role="group" aria-labelledby="export-format-label">
        {FORMATS.map((f) => (
          <button
            key={f.id}
            type="button"
            aria-pressed={f.id === value}
            onClick={() => onChange(f.id)}
            data-testid={`format-${f.id}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      <div className="hint">{about}</div>
    </div>
  )
}

/** Chooses the environments to export: "all" (including ones added later) or a subset. */
export function EnvironmentPicker({
  environments,
  selected,
  onChange,
}: {
  environments: readonly Environment[]
  selected: readonly string[] | null
  onChange: (ids: readonly string[] | null) => void
}): ReactElement {
  const all = selected === null
  const isOn = (id: string): boolean => all || selected.includes(id)
  const toggle = (id: string, on: boolean): void => {
    const current = environments.map((e) => e.id).filter(isOn)
    const next = on ? [...current, id] : current.filter((x) => x !== id)
    onChange(next.length === environments.length ? null : next)
  }
  return (
    <fieldset className="export-fieldset" data-testid="environment-picker">
      <legend>Environments</legend>
      <label className="check-row check-row-all">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => onChange(e.target.checked ? null : [])}
          data-testid="env-all"
        />
        <span>All environments</span>
        <span className="muted small">({environments.length})</span>
      </label>
      {environments.map((e) => (
        <label className="check-row" key={e.id}>
          <input
            type="checkbox"
            checked={isOn(e.id)}
            onChange={(ev) => toggle(e.id, ev.target.checked)}
            data-testid={`env-pick-${e.id}`}
          />
          <span className="check-row-text">
            <span className="check-row-name">
              {e.name} {e.default ? <Badge tone="ok">default</Badge> : null}
            </span>
            <span className="muted small mono">
              {e.repositoryId}
              {e.directory ? `/${e.directory}` : ''}
            </span>
          </span>
        </label>
      ))}
      {selected !== null && selected.length === 0 ? (
        <div className="error-text small" role="alert">
          Choose at least one environment.
        </div>
      ) : null}
    </fieldset>
  )
}

const MODES: ReadonlyArray<{ id: SecretMode; title: string; tag: ReactElement; about: ReactElement }> = [
  {
    id: 'env',
    title: 'Environment variables',
    tag: <Badge tone="ok">Recommended</Badge>,
    about: (
      <>
        Tokens become <code>{'${env:NAME}'}</code> references. Set the variables where Flipt runs; GitKeys
        lists them for you, without values.
      </>
    ),
  },
  {
    id: 'file',
    title: 'Secret files',
    tag: <Badge tone="info">No tokens in the config</Badge>,
    about: (
      <>
        Tokens become <code>{'${secret:file:NAME}'}</code> references. Flipt reads each from a file named NAME
        in its secrets <code>base_path</code>.
      </>
    ),
  },
  {
    id: 'inline',
    title: 'Inline tokens',
    tag: <Badge tone="error">Dangerous</Badge>,
    about: (
      <>
        The tokens themselves are written into the file. Anyone who can read it — other users of the machine,
        backups, a repository it is committed to — can push with them.
      </>
    ),
  },
]

/** Chooses how tokens appear in a Flipt export. Native radios: arrow keys move between modes. */
export function SecretModePicker({
  value,
  onChange,
}: {
  value: SecretMode
  onChange: (m: SecretMode) => void
}): ReactElement {
  return (
    <fieldset className="export-fieldset" data-testid="secret-mode">
      <legend>Tokens</legend>
      {MODES.map((m) => (
        <label key={m.id} className={`mode-card mode-${m.id}`} data-checked={m.id === value || undefined}>
          <input
            type="radio"
            name="export-secret-mode"
            value={m.id}
            checked={m.id === value}
            onChange={() => onChange(m.id)}
            data-testid={`mode-${m.id}`}
          />
          <span className="mode-text">
            <span className="mode-title">
              {m.title} {m.tag}
            </span>
            <span className="mode-about">{m.about}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
