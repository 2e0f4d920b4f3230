import { useEffect, useState, type ReactElement } from 'react'
import type { Finding, Fix } from '@shared/domain/finding'
import { applyFieldFix } from '@shared/logic/apply-fix'
import { navigate } from '../../app/use-hash-path'
import { ConnectionPath } from '../../components/connection-path'
import { SelectField } from '../../components/field'
import { Icon } from '../../components/icon'
import { Badge, Banner, Loading } from '../../components/status'
import { Screen } from '../../components/screen'
import { call } from '../../ipc/client'
import { useAccounts } from '../../stores/accounts.store'
import { useDoctor, type DoctorScope } from '../../stores/doctor.store'
import { useWorkspace } from '../../stores/workspace.store'
import { ExplainPanel } from './explain-panel'
import { FindingList } from './finding-list'

const SEVERITIES = ['error', 'warning', 'info', 'ok'] as const

const scopeValue = (s: DoctorScope): string => (s.kind === 'all' ? 'all' : `${s.kind}:${s.id}`)
const scopeOf = (v: string): DoctorScope => {
  const [kind, id] = v.split(':')
  return (kind === 'account' || kind === 'repository' || kind === 'environment') && id
    ? { kind, id }
    : { kind: 'all' }
}

/** Doctor: check an account, a repository, an environment or everything, offline first; or explain a pasted error. */
export function DoctorScreen(): ReactElement {
  const d = useDoctor()
  const acc = useAccounts()
  const ws = useWorkspace()
  const [tab, setTab] = useState<'check' | 'explain'>('check')
  const [fixNote, setFixNote] = useState<string | null>(null)
  useEffect(() => {
    if (acc.status === 'idle') void acc.load()
    if (ws.status === 'idle') void ws.load()
  }, [acc, ws])

  const applyFix = async (f: Finding | null, fix: Fix): Promise<void> => {
    const a = fix.action
    if (!a) return
    if (a.kind === 'open_url') {
      const r = await call('app:open-external', { url: a.url })
      setFixNote(r.ok ? `Opened ${a.url}` : r.error.message)
    } else if (a.kind === 'rotate_token') navigate('accounts')
    else if (a.kind === 'open_screen') navigate(a.id ? `${a.screen}/edit/${a.id}` : a.screen)
    else {
      if (!applyFieldFix(a.subject, a.value, ws)) {
        setFixNote(`GitKeys cannot change ${a.subject} itself: set it to “${a.value}”.`)
        return
      }
      const r = await call('doctor:apply-fix', { subject: a.subject, value: a.value })
      setFixNote(r.ok ? `Changed ${a.subject} to “${a.value}”.` : r.error.message)
      if (r.ok && f) await d.run(false)
    }
  }

  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, d.result?.findings.filter((f) => f.severity === s).length ?? 0]),
  )
  return (
    <Screen
      id="doctor"
      testId="doctor-screen"
      title="Doctor"
      lead="Why a sync or a clone fails, and how to fix it: every check runs offline; online probes are optional."
      actions={
        <>
          <button className="btn" type="button" onClick={() => void d.copyReport()} data-testid="copy-report">
            <Icon name="copy" /> Copy report
          </button>
          <button className="btn" type="button" onClick={() => void d.saveReport()}>
            Save report…
          </button>
        </>
      }
    >
      <div className="stack">
        <div className="segmented" role="group" aria-label="Doctor mode" style={{ alignSelf: 'flex-start' }}>
          <button
            type="button"
            aria-pressed={tab === 'check'}
            onClick={() => setTab('check')}
            data-testid="tab-check"
          >
            Check configuration
          </button>
          <button
            type="button"
            aria-pressed={tab === 'explain'}
            onClick={() => setTab('explain')}
            data-testid="tab-explain"
          >
            Explain an error
          </button>
        </div>
        {d.notice ? <Banner tone="ok" title={d.notice} /> : null}
        {fixNote ? <Banner tone="info" title={fixNote} /> : null}
        {d.error ? (
          <Banner tone="error" title={d.error.message}>
            {d.error.hint}
          </Banner>
        ) : null}
        {tab === 'explain' ? (
          <ExplainPanel onFix={(fix) => void applyFix(null, fix)} />
        ) : (
          <>
            <div className="card">
              <div className="card-body row" style={{ alignItems: 'flex-end', gap: 12 }}>
                <div style={{ minWidth: 320 }}>
                  <SelectField
                    label="What to check"
                    value={scopeValue(d.scope)}
                    onChange={(v) => d.setScope(scopeOf(v))}
                    testId="doctor-scope"
                    options={[
                      { value: 'all', label: 'Everything' },
                      ...acc.accounts.map((a) => ({
                        value: `account:${a.id}`,
                        label: `Account: ${a.label}`,
                      })),
                      ...ws.repositories.map((r) => ({
                        value: `repository:${r.id}`,
                        label: `Repository: ${r.id}`,
                      })),
                      ...ws.environments.map((e) => ({
                        value: `environment:${e.id}`,
                        label: `Environment: ${e.name}`,
                      })),
                    ]}
                  />
                </div>
                <button
                  className="btn btn-primary"
                  type="button"
                  disabled={d.running !== null}
                  onClick={() => void d.run(false)}
                  data-testid="run-offline"
                >
                  <Icon name="stethoscope" /> Check offline
                </button>
                <button
                  className="btn"
                  type="button"
                  disabled={d.running !== null}
                  onClick={() => void d.run(true)}
                  data-testid="run-online"
                  title="Contacts your Git hosts' APIs and runs ls-remote and a dry-run push"
                >
                  Check online (contacts your hosts)
                </button>
                {d.running ? (
                  <Loading
                    label={
                      d.running === 'offline'
                        ? 'Checking…'
                        : d.progress && d.progress.total > 0
                          ? `Probing hosts… ${d.progress.done} of ${d.progress.total}`
                          : 'Probing hosts…'
                    }
                  />
                ) : null}
                {d.running === 'online' && d.progress && d.progress.total > 0 ? (
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label="Online checks"
                    aria-valuemin={0}
                    aria-valuemax={d.progress.total}
                    aria-valuenow={d.progress.done}
                    aria-valuetext={`${d.progress.done} of ${d.progress.total} checks finished`}
                    data-testid="doctor-progress"
                    style={{ flexBasis: '100%' }}
                  >
                    <span style={{ width: `${Math.round((d.progress.done / d.progress.total) * 100)}%` }} />
                  </div>
                ) : null}
              </div>
            </div>
            {d.result ? (
              <>
                <div className="row" data-testid="doctor-summary">
                  <Badge tone="error">
                    {counts.error} error{counts.error === 1 ? '' : 's'}
                  </Badge>
                  <Badge tone="warning">
                    {counts.warning} warning{counts.warning === 1 ? '' : 's'}
                  </Badge>
                  <Badge tone="info">
                    {counts.info} note{counts.info === 1 ? '' : 's'}
                  </Badge>
                  <Badge tone="ok">{counts.ok} passed</Badge>
                  <span className="muted small">
                    {d.result.online ? 'Offline rules and online probes' : 'Offline rules only'} ·{' '}
                    {new Date(d.result.ranAt).toLocaleTimeString()}
                  </span>
                </div>
                {d.result.paths.map((p) => (
                  <div className="card" key={p.repositoryId} data-testid={`doctor-path-${p.repositoryId}`}>
                    <div className="card-head">
                      <h2>{p.repositoryId}</h2>
                      <span className="spacer" />
                      <Badge tone={p.online ? 'info' : 'neutral'}>
                        {p.online ? 'probed online' : 'from offline checks'}
                      </Badge>
                    </div>
                    <div className="card-body">
                      <ConnectionPath hops={p.hops} />
                    </div>
                  </div>
                ))}
                <div className="card">
                  {d.result.findings.length === 0 ? (
                    <div className="card-body muted">
                      Nothing to check yet: add an account or a repository.
                    </div>
                  ) : (
                    <FindingList findings={d.result.findings} onFix={(f, fix) => void applyFix(f, fix)} />
                  )}
                </div>
              </>
            ) : d.running === null ? (
              <p className="muted">
                Choose what to check and press “Check offline”. GitKeys reads your accounts, repositories,
                environments and this computer’s git setup.
              </p>
            ) : null}
          </>
        )}
      </div>
    </Screen>
  )
}
