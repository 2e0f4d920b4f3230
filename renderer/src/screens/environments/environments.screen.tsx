import { useEffect, type ReactElement } from 'react'
import { navigate, useHashPath } from '../../app/use-hash-path'
import { EmptyState } from '../../components/empty-state'
import { Icon } from '../../components/icon'
import { Badge } from '../../components/status'
import { LoadState, Screen } from '../../components/screen'
import { useAccounts } from '../../stores/accounts.store'
import { useWorkspace } from '../../stores/workspace.store'
import { EnvironmentEditor, newEnvironment } from './environment-editor'

/** Environments: Flipt environments over repositories, with SCM and dFlow settings. */
export function EnvironmentsArea(): ReactElement {
  const [, action, arg] = useHashPath()
  const ws = useWorkspace()
  const acc = useAccounts()
  useEffect(() => {
    if (ws.status === 'idle') void ws.load()
    if (acc.status === 'idle') void acc.load()
  }, [ws, acc])
  if (action === 'new')
    return (
      <EnvironmentEditor
        initial={newEnvironment(ws.repositories[0]?.id ?? '', ws.environments.length === 0)}
      />
    )
  if (action === 'edit' && arg) {
    const env = ws.environments.find((e) => e.id === arg)
    if (env) return <EnvironmentEditor key={env.id} initial={env} />
  }
  const noRepos = ws.status === 'ready' && ws.repositories.length === 0
  return (
    <Screen
      id="envs"
      testId="environments-screen"
      title="Environments"
      lead="Flipt serves one environment per name; each lives in a repository and directory. Exactly one is the default."
      actions={
        <button
          className="btn btn-primary"
          type="button"
          disabled={noRepos}
          onClick={() => navigate('environments/new')}
          data-testid="add-environment"
        >
          <Icon name="plus" /> Add environment
        </button>
      }
    >
      <LoadState status={ws.status} error={ws.error} what="environments" />
      {noRepos ? (
        <EmptyState
          icon="layers"
          title="Add a repository first"
          testId="environments-need-repo"
          action={
            <button className="btn btn-primary" type="button" onClick={() => navigate('repositories/new')}>
              Add a repository
            </button>
          }
        >
          Environments store their flags in a repository. Add the repository, then come back to name its
          environments.
        </EmptyState>
      ) : null}
      {ws.status === 'ready' && !noRepos && ws.environments.length === 0 ? (
        <EmptyState
          icon="layers"
          title="No environments yet"
          testId="environments-empty"
          action={
            <button className="btn btn-primary" type="button" onClick={() => navigate('environments/new')}>
              <Icon name="plus" /> Add an environment
            </button>
          }
        >
          Name the environments Flipt serves (production, staging…) and choose where each one’s flags live.
        </EmptyState>
      ) : null}
      {ws.environments.length > 0 ? (
        <div className="card list">
          {ws.environments.map((e) => (
            <div className="list-row" key={e.id} data-testid={`env-${e.id}`}>
              <Icon name="layers" />
              <div className="grow">
                <div className="title">
                  {e.name} {e.default ? <Badge tone="ok">default</Badge> : null}
                </div>
                <div className="sub">
                  {e.repositoryId}
                  {e.directory ? ` / ${e.directory}` : ''}
                  {e.scm ? ` · merge proposals via ${e.scm.type}` : ''}
                  {e.dflow ? ` · dFlow ${e.dflow.application}/${e.dflow.environment}/${e.dflow.service}` : ''}
                </div>
              </div>
              <button
                className="btn btn-sm"
                type="button"
                onClick={() => navigate(`environments/edit/${e.id}`)}
                aria-label={`Edit ${e.name}`}
              >
                <Icon name="edit" size={14} /> Edit
              </button>
              <button
                className="btn btn-sm btn-danger"
                type="button"
                onClick={() => void ws.removeEnvironment(e.id)}
                aria-label={`Remove ${e.name}`}
              >
                <Icon name="trash" size={14} />
              </button>
            </div>
          ))}
        </div>
      ) : null}
    </Screen>
  )
}
