import { useEffect, type ReactElement } from 'react'
import { Logo } from '../../components/logo'
import { Badge, Banner, Loading } from '../../components/status'
import { useAppInfo } from '../../stores/app-info.store'

const SHELL_LABEL = { electron: 'Desktop app', bridge: 'Test bridge (browser)', cli: 'Command line' } as const

/** About: the versions GitKeys really runs with, and whether git is good enough. */
export function AboutScreen(): ReactElement {
  const { status, info, error, load } = useAppInfo()
  useEffect(() => {
    if (status === 'idle') void load()
  }, [status, load])

  return (
    <section className="screen" aria-labelledby="about-title" data-testid="about-screen">
      <header className="screen-head">
        <Logo size={44} />
        <div>
          <h1 id="about-title">About GitKeys</h1>
          <p className="lead">
            Keeps your Git host accounts in the OS keychain, runs git with them without leaking a token, and
            explains why a sync or clone fails, even offline.
          </p>
        </div>
        <div className="actions">
          <button className="btn" type="button" onClick={() => void load()} disabled={status === 'loading'}>
            Check again
          </button>
        </div>
      </header>

      {status === 'loading' || status === 'idle' ? <Loading label="Reading versions…" /> : null}
      {error ? (
        <Banner tone="error" title="Could not read the app's versions">
          {error.message} {error.hint}
        </Banner>
      ) : null}

      {info ? (
        <div className="grid grid-2">
          <div className="card">
            <div className="card-head">
              <h2>Application</h2>
            </div>
            <div className="card-body">
              <dl className="facts">
                <dt>Version</dt>
                <dd data-testid="app-version">
                  {info.appName} {info.appVersion}
                </dd>
                <dt>Running as</dt>
                <dd>{SHELL_LABEL[info.shell]}</dd>
                <dt>Platform</dt>
                <dd data-testid="platform">
                  {info.platform.os} {info.platform.arch} ({info.platform.release})
                </dd>
              </dl>
            </div>
          </div>
          <div className="card">
            <div className="card-head">
              <h2>Runtimes</h2>
            </div>
            <div className="card-body">
              <dl className="facts" data-testid="runtimes">
                {info.runtimes.electron ? (
                  <>
                    <dt>Electron</dt>
                    <dd>{info.runtimes.electron}</dd>
                  </>
                ) : null}
                {info.runtimes.chrome ? (
                  <>
                    <dt>Chromium</dt>
                    <dd>{info.runtimes.chrome}</dd>
                  </>
                ) : null}
                <dt>Node.js</dt>
                <dd>{info.runtimes.node}</dd>
              </dl>
            </div>
          </div>
          <div className="card" style={{ gridColumn: '1 / -1' }}>
            <div className="card-head">
              <h2>Git</h2>
              <span className="spacer" />
              {info.git.found ? (
                info.git.meetsMinimum ? (
                  <Badge tone="ok">Supported</Badge>
                ) : (
                  <Badge tone="warning">Older than {info.git.minimum}</Badge>
                )
              ) : (
                <Badge tone="error">Not found</Badge>
              )}
            </div>
            <div className="card-body">
              {info.git.found ? (
                <dl className="facts">
                  <dt>Version</dt>
                  <dd data-testid="git-version">{info.git.version}</dd>
                  <dt>Minimum</dt>
                  <dd>{info.git.minimum}</dd>
                </dl>
              ) : (
                <Banner tone="error" title="GitKeys needs git">
                  {info.git.reason} Install git from your package manager or git-scm.com, then press “Check
                  again”.
                </Banner>
              )}
              {info.git.found && !info.git.meetsMinimum ? (
                <div style={{ marginTop: 12 }}>
                  <Banner tone="warning" title="Update git">
                    Git {info.git.version} misses fixes for credential-leak bugs (CVE-2024-52006,
                    CVE-2025-48384). Update to {info.git.minimum} or newer.
                  </Banner>
                </div>
              ) : null}
            </div>
          </div>
        </div>
      ) : null}
    </section>
  )
}
