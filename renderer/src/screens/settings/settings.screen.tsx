import { useEffect, useState, type ReactElement } from 'react'
import { TextField } from '../../components/field'
import { Banner, Loading } from '../../components/status'
import { useHome } from '../../stores/home.store'
import type { AppError } from '@shared/errors'

/** The message for one field of a refused request, if it was that field. */
const issueOf = (e: AppError | null, path: string): string | null =>
  e?.issues?.find((i) => i.path === path)?.message ?? null

/** Settings: expiry reminders, and the proxy git and the provider checks go through. */
export function SettingsScreen(): ReactElement {
  const { settings, load, updateSettings } = useHome()
  const [proxy, setProxy] = useState('')
  const [noProxy, setNoProxy] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    if (!settings) void load()
  }, [settings, load])
  useEffect(() => {
    if (!settings) return
    setProxy(settings.proxy ?? '')
    setNoProxy(settings.noProxy ?? '')
  }, [settings])

  if (!settings) return <Loading label="Reading settings…" />

  const dirty = proxy.trim() !== (settings.proxy ?? '') || noProxy.trim() !== (settings.noProxy ?? '')
  const saveNetwork = async (): Promise<void> => {
    setSaved(false)
    const e = await updateSettings({ proxy: proxy.trim() || null, noProxy: noProxy.trim() || null })
    setError(e)
    setSaved(!e)
  }

  return (
    <section className="screen" aria-labelledby="settings-title" data-testid="settings-screen">
      <header className="screen-head">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="lead">
            How GitKeys reminds you about expiring tokens, and how it reaches your Git hosts.
          </p>
        </div>
      </header>
      <div className="grid grid-2">
        <div className="card">
          <div className="card-head">
            <h2>Expiry reminders</h2>
          </div>
          <div className="card-body stack" style={{ gap: 14 }}>
            <label className="row">
              Warn
              <input
                className="input"
                type="number"
                min={1}
                max={365}
                value={settings.expiryWarningDays}
                onChange={(e) =>
                  void updateSettings({
                    expiryWarningDays: Math.max(1, Math.min(365, Number(e.target.value) || 1)),
                  })
                }
                style={{ width: 80 }}
                aria-label="Days before expiry to warn"
                data-testid="settings-warn-days"
              />
              days before a token expires
            </label>
            <label className="row" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
              <input
                type="checkbox"
                checked={settings.notifications}
                onChange={(e) => void updateSettings({ notifications: e.target.checked })}
                data-testid="settings-notifications"
              />
              <span>
                Desktop notifications
                <span className="small muted" style={{ display: 'block' }}>
                  Checked when GitKeys starts and every six hours while it runs.
                </span>
              </span>
            </label>
          </div>
        </div>
        <div className="card">
          <div className="card-head">
            <h2>Network</h2>
          </div>
          <form
            className="card-body stack"
            style={{ gap: 14 }}
            onSubmit={(e) => {
              e.preventDefault()
              void saveNetwork()
            }}
          >
            <TextField
              label="Proxy"
              value={proxy}
              onChange={(v) => {
                setProxy(v)
                setSaved(false)
              }}
              placeholder="http://proxy.corp.example:3128"
              error={issueOf(error, 'proxy')}
              hint="Used by git and the online checks. Empty uses the system's HTTPS_PROXY. Never put a password here: use your proxy's own authentication."
              testId="settings-proxy"
            />
            <TextField
              label="Hosts that bypass the proxy"
              value={noProxy}
              onChange={(v) => {
                setNoProxy(v)
                setSaved(false)
              }}
              placeholder="localhost,.corp.example"
              error={issueOf(error, 'noProxy')}
              hint="Comma-separated, as in NO_PROXY. 127.0.0.1 and localhost always bypass it."
              testId="settings-no-proxy"
            />
            {error ? (
              <Banner tone="error" title="Not saved">
                {error.issues?.length
                  ? 'Correct the field above and save again.'
                  : `${error.message} ${error.hint ?? ''}`}
              </Banner>
            ) : null}
            {saved && !dirty ? (
              <p className="small muted" role="status" data-testid="settings-saved">
                Saved. New connections use it.
              </p>
            ) : null}
            <div className="row">
              <button className="btn btn-primary" type="submit" disabled={!dirty} data-testid="settings-save">
                Save network settings
              </button>
            </div>
          </form>
        </div>
      </div>
    </section>
  )
}
