import { useMemo, useState, type ReactElement } from 'react'
import type { Environment, ScmType } from '@shared/domain/environment'
import { checkEnvironment, type FieldCheck } from '@shared/logic/workspace-rules'
import { fliptApiUrlFor } from '@shared/providers/api-base'
import { parseRemoteFor } from '@shared/providers/remote-parse'
import { navigate } from '../../app/use-hash-path'
import { SelectField, TextField } from '../../components/field'
import { Banner } from '../../components/status'
import { useAccounts } from '../../stores/accounts.store'
import { useWorkspace } from '../../stores/workspace.store'

const SCM_TYPES: readonly ScmType[] = ['github', 'gitlab', 'bitbucket', 'azure', 'gitea']

/** A new environment's defaults. */
export const newEnvironment = (repositoryId: string, isFirst: boolean): Environment => ({
  id: '',
  name: isFirst ? 'production' : '',
  default: isFirst,
  repositoryId,
  directory: '',
  scm: null,
  dflow: null,
})

const first = (checks: readonly FieldCheck[], field: string): string | null =>
  checks.find((c) => c.field === field && c.severity === 'error')?.message ?? null

/** Add or edit a Flipt environment: its storage, directory, SCM for merge proposals and dFlow labels. */
export function EnvironmentEditor({ initial }: { initial: Environment }): ReactElement {
  const { repositories, environments, saveEnvironment } = useWorkspace()
  const { accounts } = useAccounts()
  const [draft, setDraft] = useState<Environment>(initial)
  const [error, setError] = useState<string | null>(null)
  const set = (patch: Partial<Environment>): void => {
    setDraft((d) => ({ ...d, ...patch }))
    setError(null)
  }
  const checks = useMemo(
    () =>
      checkEnvironment(draft, {
        repositories,
        others: environments.filter((e) => e.id !== draft.id || draft.id === ''),
      }),
    [draft, repositories, environments],
  )
  const repo = repositories.find((r) => r.id === draft.repositoryId)
  const parsed = repo
    ? parseRemoteFor(
        repo.remote,
        accounts.find((a) => a.id === repo.accountId),
      )
    : null
  const suggestedApi = parsed
    ? fliptApiUrlFor({
        provider: parsed.provider,
        deployment: parsed.deployment,
        host: parsed.host,
        pathPrefix: parsed.pathPrefix,
      })
    : null
  const enableScm = (on: boolean): void =>
    set({
      scm: on
        ? {
            type: parsed?.provider ?? 'github',
            apiUrl: suggestedApi && 'url' in suggestedApi ? (suggestedApi.url ?? null) : null,
            accountId: repo?.accountId ?? null,
            credentialId: null,
          }
        : null,
    })
  const save = async (): Promise<void> => {
    const r = await saveEnvironment(draft)
    if (r.ok) navigate('environments')
    else setError(`${r.error.message}${r.error.hint ? ` ${r.error.hint}` : ''}`)
  }
  const errors = checks.filter((c) => c.severity === 'error')
  return (
    <section className="screen" aria-labelledby="env-edit-title" data-testid="environment-editor">
      <header className="screen-head">
        <div>
          <h1 id="env-edit-title">{initial.id ? `Edit ${initial.name}` : 'Add an environment'}</h1>
          <p className="lead">
            A Flipt environment: its flags live in a repository (and optionally a directory of it); exactly
            one environment is the default.
          </p>
        </div>
      </header>
      <div className="card">
        <div className="card-body stack" style={{ gap: 18 }}>
          <div className="grid grid-2">
            <TextField
              label="Name"
              value={draft.name}
              onChange={(name) => set({ name })}
              error={first(checks, 'name')}
              placeholder="production"
              testId="env-name"
            />
            <SelectField
              label="Repository"
              value={draft.repositoryId}
              options={[
                { value: '', label: 'Choose…' },
                ...repositories.map((r) => ({ value: r.id, label: `${r.id} (${r.branch})` })),
              ]}
              onChange={(repositoryId) => set({ repositoryId })}
              testId="env-repository"
            />
          </div>
          <div className="grid grid-2">
            <TextField
              label="Directory in the repository"
              value={draft.directory}
              onChange={(directory) => set({ directory })}
              error={first(checks, 'directory')}
              hint="Environments that share a repository need different directories. Empty means the root."
              testId="env-directory"
            />
            <label className="row" style={{ alignSelf: 'end', paddingBottom: 10 }}>
              <input
                type="checkbox"
                checked={draft.default}
                onChange={(e) => set({ default: e.target.checked })}
                data-testid="env-default"
              />
              Default environment
            </label>
          </div>
          <fieldset
            className="field"
            style={{ border: '1px solid var(--border)', borderRadius: 8, padding: 14 }}
          >
            <legend className="label" style={{ padding: '0 6px' }}>
              Merge proposals (SCM)
            </legend>
            <label className="row">
              <input
                type="checkbox"
                checked={draft.scm !== null}
                onChange={(e) => enableScm(e.target.checked)}
                data-testid="env-scm"
              />
              Open pull/merge requests from Flipt (a Flipt paid-licence feature)
            </label>
            {draft.scm ? (
              <div className="grid grid-3" style={{ marginTop: 12 }}>
                <SelectField
                  label="SCM type"
                  value={draft.scm.type}
                  options={SCM_TYPES.map((t) => ({ value: t, label: t }))}
                  onChange={(type) => draft.scm && set({ scm: { ...draft.scm, type } })}
                />
                <TextField
                  label="API URL"
                  value={draft.scm.apiUrl ?? ''}
                  onChange={(v) => draft.scm && set({ scm: { ...draft.scm, apiUrl: v || null } })}
                  hint={
                    suggestedApi && 'note' in suggestedApi
                      ? String(suggestedApi.note)
                      : 'Leave empty for the cloud default.'
                  }
                />
                <SelectField
                  label="Account"
                  value={draft.scm.accountId ?? ''}
                  options={[
                    { value: '', label: 'Choose…' },
                    ...accounts.map((a) => ({ value: a.id, label: `${a.label} · ${a.host}` })),
                  ]}
                  onChange={(v) => draft.scm && set({ scm: { ...draft.scm, accountId: v || null } })}
                />
              </div>
            ) : null}
            {first(checks, 'scm.accountId') ? (
              <span className="error-text">{first(checks, 'scm.accountId')}</span>
            ) : null}
          </fieldset>
          <fieldset
            className="field"
            style={{ border: '1px solid var(--border)', borderRadius: 8, padding: 14 }}
          >
            <legend className="label" style={{ padding: '0 6px' }}>
              dFlow (optional)
            </legend>
            <div className="grid grid-3">
              {(['application', 'environment', 'service'] as const).map((k) => (
                <TextField
                  key={k}
                  label={k[0]?.toUpperCase() + k.slice(1)}
                  value={draft.dflow?.[k] ?? ''}
                  onChange={(v) => {
                    const next = { application: '', environment: '', service: '', ...draft.dflow, [k]: v }
                    set({ dflow: next.application || next.environment || next.service ? next : null })
                  }}
                />
              ))}
            </div>
          </fieldset>
          {error ? (
            <Banner tone="error" title="Not saved">
              {error}
            </Banner>
          ) : null}
        </div>
        <div className="dialog-foot">
          <button className="btn" type="button" onClick={() => navigate('environments')}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            type="button"
            disabled={errors.length > 0}
            onClick={() => void save()}
            data-testid="save-environment"
          >
            Save environment
          </button>
        </div>
      </div>
    </section>
  )
}
