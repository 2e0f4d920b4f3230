import { useMemo, useState, type ReactElement } from 'react'
import type { Repository } from '@shared/domain/repository'
import { PROVIDER_NAMES } from '@shared/logic/account-groups'
import { checkRepository, type FieldCheck } from '@shared/logic/workspace-rules'
import { parseRemoteFor } from '@shared/providers/remote-parse'
import { navigate } from '../../app/use-hash-path'
import { SelectField, TextField } from '../../components/field'
import { Icon } from '../../components/icon'
import { Banner } from '../../components/status'
import { call } from '../../ipc/client'
import { useAccounts } from '../../stores/accounts.store'
import { useWorkspace } from '../../stores/workspace.store'

const first = (checks: readonly FieldCheck[], field: string): string | null =>
  checks.find((c) => c.field === field && c.severity === 'error')?.message ?? null

/** Add or edit a repository (a Flipt storage) with live validation against its bound account. */
export function RepositoryEditor({ initial }: { initial: Repository }): ReactElement {
  const { accounts } = useAccounts()
  const { repositories, saveRepository } = useWorkspace()
  const [draft, setDraft] = useState<Repository>(initial)
  const [serverError, setServerError] = useState<string | null>(null)
  const [advanced, setAdvanced] = useState(
    initial.backend.type === 'local' || initial.caCertPath !== null || initial.insecureSkipTls,
  )
  const set = (patch: Partial<Repository>): void => {
    setDraft((d) => ({ ...d, ...patch }))
    setServerError(null)
  }
  const account = accounts.find((a) => a.id === draft.accountId) ?? null
  const checks = useMemo(
    () =>
      draft.remote === ''
        ? []
        : checkRepository(draft, {
            account,
            others: repositories.filter((r) => r.id !== draft.id && draft.id !== ''),
          }),
    [draft, account, repositories],
  )
  const parsed = useMemo(
    () => (draft.remote ? parseRemoteFor(draft.remote, account) : null),
    [draft.remote, account],
  )
  const errors = checks.filter((c) => c.severity === 'error')
  const advice = checks.filter((c) => c.severity !== 'error')

  const browse = async (): Promise<void> => {
    const r = await call('dialog:choose-folder', { title: 'Choose where to clone this repository' })
    if (!r.ok || !r.value.path) return
    const sep = r.value.path.includes('\\') ? '\\' : '/'
    set({ localPath: `${r.value.path.replace(/[\\/]+$/, '')}${sep}${parsed?.repo ?? 'repository'}` })
  }
  const save = async (): Promise<void> => {
    const r = await saveRepository(draft)
    if (r.ok) navigate(`repositories?saved=${encodeURIComponent(r.value.id)}`)
    else setServerError(`${r.error.message}${r.error.hint ? ` ${r.error.hint}` : ''}`)
  }

  return (
    <section className="screen" aria-labelledby="repo-edit-title" data-testid="repository-editor">
      <header className="screen-head">
        <div>
          <h1 id="repo-edit-title">{initial.id ? `Edit ${initial.id}` : 'Add a repository'}</h1>
          <p className="lead">
            A repository is a Flipt storage: where flags live, which branch, and which account reaches it.
          </p>
        </div>
      </header>
      <div className="card">
        <div className="card-body stack" style={{ gap: 18 }}>
          <TextField
            label="Clone URL (HTTPS)"
            value={draft.remote}
            onChange={(remote) => set({ remote })}
            placeholder="https://github.com/acme/feature-flags.git"
            error={first(checks, 'remote')}
            hint={
              parsed
                ? `${PROVIDER_NAMES[parsed.provider]} · ${parsed.owner}/${parsed.repo}`
                : 'Paste the HTTPS clone URL; GitKeys fixes web-page URLs for you.'
            }
            testId="remote-input"
          />
          {checks
            .filter((c) => c.field === 'remote' && c.suggestion)
            .slice(0, 1)
            .map((c) => (
              <div className="row" key={c.message}>
                <span className="small">
                  Use <code>{c.suggestion}</code>?
                </span>
                <button
                  className="btn btn-sm"
                  type="button"
                  onClick={() => set({ remote: c.suggestion ?? draft.remote })}
                  data-testid="use-suggestion"
                >
                  Use this URL
                </button>
              </div>
            ))}
          {checks.some((c) => /token|secret|password/i.test(c.message) && c.field === 'remote') ? (
            <Banner tone="warning" title="This URL contains a token">
              A token in the URL ends up in .git/config and in logs.{' '}
              <button
                className="btn btn-sm"
                type="button"
                onClick={() => set({ remote: draft.remote.replace(/\/\/[^/@]*@/, '//') })}
                data-testid="strip-userinfo"
              >
                Remove it from the URL
              </button>{' '}
              then add it as an account under Accounts, where it is stored encrypted.
            </Banner>
          ) : null}
          <div className="grid grid-2">
            <SelectField
              label="Account"
              value={draft.accountId ?? ''}
              onChange={(v) => set({ accountId: v || null })}
              options={[
                { value: '', label: 'No account (public repository)' },
                ...accounts.map((a) => ({
                  value: a.id,
                  label: `${a.label} · ${a.host}${parsed && a.host !== parsed.host ? ' (other host)' : ''}`,
                })),
              ]}
              testId="account-select"
            />
            <TextField
              label="Branch"
              value={draft.branch}
              onChange={(branch) => set({ branch })}
              error={first(checks, 'branch')}
              testId="branch-input"
            />
          </div>
          <div className="field">
            <span className="label">Local folder for clone, pull and push</span>
            <div className="row">
              <code className="grow" data-testid="local-path">
                {draft.localPath ?? 'not chosen'}
              </code>
              <button
                className="btn btn-sm"
                type="button"
                onClick={() => void browse()}
                data-testid="browse-folder"
              >
                <Icon name="folder" size={14} /> Browse…
              </button>
            </div>
            <span className="hint">GitKeys clones only into folders you pick here.</span>
          </div>
          <button
            className="btn btn-ghost btn-sm"
            type="button"
            aria-expanded={advanced}
            onClick={() => setAdvanced(!advanced)}
            style={{ alignSelf: 'flex-start' }}
          >
            {advanced ? '▾' : '▸'} Flipt storage options
          </button>
          {advanced ? (
            <div className="stack" style={{ gap: 14 }} data-testid="advanced">
              <div className="grid grid-3">
                <SelectField
                  label="Backend"
                  value={draft.backend.type}
                  options={[
                    { value: 'memory', label: 'memory (default)' },
                    { value: 'local', label: 'local directory' },
                  ]}
                  onChange={(t) =>
                    set({
                      backend:
                        t === 'local'
                          ? {
                              type: 'local',
                              path: draft.backend.type === 'local' ? draft.backend.path : '/var/lib/flipt',
                            }
                          : { type: 'memory' },
                    })
                  }
                />
                <TextField
                  label="Poll interval"
                  value={draft.pollInterval}
                  onChange={(pollInterval) => set({ pollInterval })}
                  error={first(checks, 'pollInterval')}
                  hint="With a unit: 30s, 1m"
                />
                <SelectField
                  label="Fetch policy"
                  value={draft.fetchPolicy}
                  options={[
                    { value: 'strict', label: 'strict (default)' },
                    { value: 'lenient', label: 'lenient' },
                  ]}
                  onChange={(fetchPolicy) => set({ fetchPolicy })}
                />
              </div>
              {draft.backend.type === 'local' ? (
                <TextField
                  label="Backend path (on the Flipt server)"
                  value={draft.backend.path}
                  onChange={(path) => set({ backend: { type: 'local', path } })}
                  error={first(checks, 'backend.path')}
                />
              ) : null}
              <TextField
                label="CA certificate path (optional)"
                value={draft.caCertPath ?? ''}
                onChange={(v) => set({ caCertPath: v || null })}
                placeholder="/etc/ssl/acme-root-ca.pem"
              />
              <label className="row">
                <input
                  type="checkbox"
                  checked={draft.insecureSkipTls}
                  onChange={(e) => set({ insecureSkipTls: e.target.checked })}
                />
                Skip TLS verification (insecure_skip_tls)
              </label>
              <div className="grid grid-2">
                <TextField
                  label="Commit author name"
                  value={draft.author?.name ?? ''}
                  onChange={(name) =>
                    set({
                      author: name || draft.author?.email ? { name, email: draft.author?.email ?? '' } : null,
                    })
                  }
                />
                <TextField
                  label="Commit author email"
                  value={draft.author?.email ?? ''}
                  onChange={(email) =>
                    set({
                      author: email || draft.author?.name ? { name: draft.author?.name ?? '', email } : null,
                    })
                  }
                  error={first(checks, 'author.email')}
                />
              </div>
            </div>
          ) : null}
          {advice.length > 0 ? (
            <div className="stack" style={{ gap: 6 }} data-testid="repo-advice">
              {advice.map((c) => (
                <Banner
                  key={c.field + c.message}
                  tone={c.severity === 'warning' ? 'warning' : 'info'}
                  title={c.message}
                />
              ))}
            </div>
          ) : null}
          {serverError ? (
            <Banner tone="error" title="Not saved">
              {serverError}
            </Banner>
          ) : null}
        </div>
        <div className="dialog-foot">
          <button className="btn" type="button" onClick={() => navigate('repositories')}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            type="button"
            disabled={errors.length > 0 || draft.remote === ''}
            onClick={() => void save()}
            data-testid="save-repository"
          >
            Save repository
          </button>
        </div>
      </div>
    </section>
  )
}
