import type { ReactElement } from 'react'
import type { Fix } from '@shared/domain/finding'
import { gitStageLabel } from '@shared/domain/git-operation'
import { ConnectionPath } from '../../components/connection-path'
import { Banner, Loading } from '../../components/status'
import type { OpState } from '../../stores/git-ops.store'

/** A fix as text plus, when the app can apply it, a button. */
export function FixList({
  fixes,
  onApply,
}: {
  fixes: readonly Fix[]
  onApply?: (fix: Fix) => void
}): ReactElement | null {
  if (fixes.length === 0) return null
  return (
    <ul className="fix-list">
      {fixes.map((f) => (
        <li key={f.label}>
          <strong>{f.label}</strong>
          {f.detail ? <span className="muted"> {f.detail}</span> : null}
          {f.action && onApply ? (
            <button className="btn btn-sm" type="button" onClick={() => onApply(f)} style={{ marginLeft: 8 }}>
              {f.action.kind === 'open_url' ? 'Open' : 'Apply'}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

const OP_LABEL = {
  test: 'Testing connection',
  probe: 'Probing write access',
  clone: 'Cloning',
  fetch: 'Fetching',
  pull: 'Pulling',
  push: 'Pushing',
} as const

/** The state of the last operation on a repository: progress with cancel, or the step-by-step result. */
export function OperationPanel({
  state,
  onCancel,
  onApplyFix,
}: {
  state: OpState
  onCancel: () => void
  onApplyFix: (fix: Fix) => void
}): ReactElement {
  if (state.running) {
    const determinate = ['clone', 'fetch', 'pull', 'push'].includes(state.op)
    return (
      <div className="stack" data-testid="op-running" style={{ gap: 8 }}>
        <div className="row">
          <Loading
            label={`${OP_LABEL[state.op]}… ${determinate && state.percent > 0 ? `${gitStageLabel(state.stage)} ${state.percent}%` : ''}`}
          />
          <button
            className="btn btn-sm"
            type="button"
            onClick={onCancel}
            data-testid="op-cancel"
            style={{ marginLeft: 'auto' }}
          >
            Cancel
          </button>
        </div>
        {determinate ? (
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.percent}
            aria-label={OP_LABEL[state.op]}
          >
            <span style={{ width: `${state.percent}%` }} />
          </div>
        ) : null}
      </div>
    )
  }
  if (state.error)
    return (
      <Banner tone="error" title={state.error.message} testId="op-error">
        {state.error.hint}
      </Banner>
    )
  if (state.connection) {
    const c = state.connection
    return (
      <div className="stack" data-testid="op-connection" data-ok={c.ok}>
        <ConnectionPath hops={c.hops} testId="connection-path" />
        {c.ok ? (
          <Banner
            tone="ok"
            title={
              state.op === 'probe'
                ? 'Push is allowed (dry run: nothing was written)'
                : `Connected in ${Math.round(c.ms)} ms`
            }
          >
            {c.branches.length
              ? `Branches: ${c.branches.slice(0, 8).join(', ')}${c.branches.length > 8 ? '…' : ''}`
              : null}
          </Banner>
        ) : c.failure ? (
          <Banner tone="error" title={c.failure.title} testId="op-failure">
            <p>{c.failure.detail}</p>
            <FixList fixes={c.failure.fixes} onApply={onApplyFix} />
            {c.failure.stderr ? (
              <details>
                <summary className="small">What git said</summary>
                <pre className="mono small pre">{c.failure.stderr}</pre>
              </details>
            ) : null}
          </Banner>
        ) : null}
      </div>
    )
  }
  if (state.outcome) {
    const o = state.outcome
    return o.ok ? (
      <Banner tone="ok" title={o.summary} testId="op-done" />
    ) : (
      <Banner
        tone={o.ended === 'cancelled' ? 'info' : 'error'}
        title={o.failure?.title ?? o.summary}
        testId="op-failed"
      >
        {o.failure ? (
          <>
            <p>{o.failure.detail}</p>
            <FixList fixes={o.failure.fixes} onApply={onApplyFix} />
          </>
        ) : (
          o.summary
        )}
      </Banner>
    )
  }
  return <></>
}
