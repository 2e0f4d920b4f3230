import type { ReactElement } from 'react'
import type { Hop, HopId } from '@shared/domain/git-operation'
import { Icon, type IconName } from './icon'

const HOPS: ReadonlyArray<{ id: HopId; label: string; icon: IconName }> = [
  { id: 'proxy', label: 'Proxy', icon: 'shield' },
  { id: 'tls', label: 'TLS', icon: 'shield' },
  { id: 'host', label: 'Host', icon: 'git' },
  { id: 'auth', label: 'Sign-in', icon: 'key' },
  { id: 'repository', label: 'Repository', icon: 'repo' },
  { id: 'branch', label: 'Branch', icon: 'git' },
  { id: 'write', label: 'Write', icon: 'upload' },
]

const STATUS_TEXT = { ok: 'passed', failed: 'failed', warning: 'warning', skipped: 'not checked' } as const

/**
 * The connection path as a picture: workstation → proxy/TLS → host → sign-in → repository → branch
 * → write, each hop coloured by its outcome and the failing one marked (colour is never the only cue).
 */
export function ConnectionPath({ hops, testId }: { hops: readonly Hop[]; testId?: string }): ReactElement {
  const byId = new Map(hops.map((h) => [h.id, h]))
  const failed = hops.find((h) => h.status === 'failed')
  return (
    <figure
      className="conn-path"
      data-testid={testId}
      aria-label={`Connection path${failed ? `: fails at ${failed.id}` : ''}`}
    >
      <ol>
        <li className="conn-hop conn-origin">
          <span className="conn-dot">
            <Icon name="home" size={16} />
          </span>
          <span className="conn-label">This computer</span>
        </li>
        {HOPS.map((h) => {
          const hop = byId.get(h.id)
          const status = hop?.status ?? 'skipped'
          return (
            <li
              key={h.id}
              className={`conn-hop conn-${status}`}
              data-hop={h.id}
              data-status={status}
              title={hop?.detail}
            >
              <span className="conn-dot" aria-hidden="true">
                <Icon
                  name={
                    status === 'ok'
                      ? 'check'
                      : status === 'failed'
                        ? 'x'
                        : status === 'warning'
                          ? 'alert'
                          : h.icon
                  }
                  size={16}
                />
              </span>
              <span className="conn-label">{h.label}</span>
              <span className="sr-only">{STATUS_TEXT[status]}</span>
              {status === 'failed' ? <span className="conn-detail">{hop?.detail}</span> : null}
            </li>
          )
        })}
      </ol>
    </figure>
  )
}
