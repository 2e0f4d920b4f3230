import { Component, useEffect, useState, type ErrorInfo, type ReactElement, type ReactNode } from 'react'
import { Icon } from '../components/icon'
import { Logo } from '../components/logo'
import { Banner } from '../components/status'
import { hasBridge } from '../ipc/client'
import { routeFor, routes, type Route } from './routes'

const GROUPS: ReadonlyArray<Route['group']> = ['Workspace', 'Troubleshoot', 'Share', 'App']

function useHashRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return routeFor(hash)
}

class ScreenBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }
  override componentDidUpdate(prev: { resetKey: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false })
  }
  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The screen shows what happened; nothing secret is in renderer state to log.
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div className="screen">
        <Banner tone="error" title="This screen stopped working">
          Switch to another screen and back. If it keeps happening, copy the support report from About.
        </Banner>
      </div>
    )
  }
}

/** The app frame: navigation on the left, the current screen on the right. */
export function App(): ReactElement {
  const route = useHashRoute()
  useEffect(() => {
    document.title = `${route.label} · GitKeys`
    document.documentElement.dataset.appState = 'ready'
  }, [route])

  if (!hasBridge()) {
    return (
      <main className="screen">
        <Banner tone="error" title="GitKeys is not connected">
          This page only works inside the GitKeys app.
        </Banner>
      </main>
    )
  }

  return (
    <div className="frame">
      <a className="sr-only" href="#main-content">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <Logo />
          <div>
            <div className="brand-name">GitKeys</div>
            <div className="brand-sub">Git host credentials</div>
          </div>
        </div>
        <nav className="nav" aria-label="Main">
          {GROUPS.map((group) => {
            const items = routes.filter((r) => r.group === group)
            if (items.length === 0) return null
            return (
              <div key={group} className="nav" role="group" aria-label={group}>
                <div className="nav-group" aria-hidden="true">
                  {group}
                </div>
                {items.map((r) => (
                  <a
                    key={r.id}
                    href={`#/${r.id}`}
                    aria-current={r.id === route.id ? 'page' : undefined}
                    data-testid={`nav-${r.id}`}
                  >
                    <Icon name={r.icon} />
                    {r.label}
                  </a>
                ))}
              </div>
            )
          })}
        </nav>
      </aside>
      <main className="main" id="main-content" tabIndex={-1}>
        <ScreenBoundary resetKey={route.id}>{route.render()}</ScreenBoundary>
      </main>
    </div>
  )
}
