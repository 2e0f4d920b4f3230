import { useEffect, useMemo, useState, type ReactElement } from 'react'
import type { Fix } from '@shared/domain/finding'
import { newRepository, type Repository } from '@shared/domain/repository'
import { repositoryMatches } from '@shared/logic/repository-filter'
import { parseRemoteFor } from '@shared/providers/remote-parse'
import { navigate, useHashPath } from '../../app/use-hash-path'
import { EmptyState } from '../../components/empty-state'
import { Icon } from '../../components/icon'
import { ProviderMark } from '../../components/provider-mark'
import { Badge } from '../../components/status'
import { useAccounts } from '../../stores/accounts.store'
import { useGitOps } from '../../stores/git-ops.store'
import { useWorkspace } from '../../stores/workspace.store'
import { SearchField } from '../../components/search-field'
import { VirtualList } from '../../components/virtual-list'
import { LoadState, Screen } from '../../components/screen'
import { OperationPanel } from './operation-panel'
import { RepositoryEditor } from './repository-editor'

const ROW = 104

function RepositoryRow({
  repo,
  onSelect,
}: {
  repo: Repository
  onSelect: (id: string) => void
}): ReactElement {
  const { accounts } = useAccounts()
  const { removeRepository } = useWorkspace()
  const ops = useGitOps()
  const state = ops.byRepo[repo.id]
  const account = accounts.find((a) => a.id === repo.accountId)
  const parsed = parseRemoteFor(repo.remote, account)
  const busy = state?.running ?? false
  const act = (run: () => Promise<void>): void => {
    onSelect(repo.id)
    void run()
  }
  const remove = async (): Promise<void> => {
    const r = await removeRepository(repo.id, false)
    if (!r.ok && r.error.code === 'conflict' && window.confirm(`${r.error.message} Remove them too?`))
      await removeRepository(repo.id, true)
  }
  return (
    <div className="repo-row" data-testid={`repo-${repo.id}`} style={{ height: ROW }}>
      <div className="list-row" style={{ borderTop: 0 }}>
        {parsed ? <ProviderMark provider={parsed.provider} size={30} /> : <Icon name="repo" />}
        <div className="grow">
          <div className="title">{repo.id}</div>
          <div className="sub mono">{repo.remote}</div>
          {repo.localPath ? (
            <div className="sub mono" title="Local folder">
              ↳ {repo.localPath}
            </div>
          ) : null}
        </div>
        {state ? (
          <span
            className={`dot dot-${state.running ? 'none' : state.error || state.connection?.ok === false || state.outcome?.ok === false ? 'failed' : 'ok'}`}
            title={state.running ? 'running' : 'last result'}
            aria-hidden="true"
          />
        ) : null}
        <Badge tone="neutral">{repo.branch}</Badge>
        {account ? <Badge tone="info">{account.label}</Badge> : <Badge tone="warning">no account</Badge>}
      </div>
      <div className="repo-actions row">
        <button
          className="btn btn-sm btn-primary"
          type="button"
          disabled={busy}
          onClick={() => act(() => ops.test(repo.id))}
          data-testid="test-connection"
        >
          <Icon name="check" size={14} /> Test connection
        </button>
        <button
          className="btn btn-sm"
          type="button"
          disabled={busy}
          onClick={() => act(() => ops.probe(repo.id))}
          data-testid="probe-write"
        >
          Write probe
        </button>
        {repo.localPath ? (
          <>
            <button
              className="btn btn-sm"
              type="button"
              disabled={busy}
              onClick={() => act(() => ops.run(repo.id, 'clone'))}
              data-testid="clone"
            >
              <Icon name="download" size={14} /> Clone
            </button>
            <button
              className="btn btn-sm"
              type="button"
              disabled={busy}
              onClick={() => act(() => ops.run(repo.id, 'pull'))}
              data-testid="pull"
            >
              Pull
            </button>
            <button
              className="btn btn-sm"
              type="button"
              disabled={busy}
              onClick={() => act(() => ops.run(repo.id, 'push'))}
              data-testid="push"
            >
              <Icon name="upload" size={14} /> Push
            </button>
          </>
        ) : (
          <span className="muted small">Choose a local folder (Edit) to clone.</span>
        )}
        <span style={{ marginLeft: 'auto' }} />
        <button
          className="btn btn-sm"
          type="button"
          onClick={() => navigate(`repositories/edit/${repo.id}`)}
          aria-label={`Edit ${repo.id}`}
        >
          <Icon name="edit" size={14} /> Edit
        </button>
        <button
          className="btn btn-sm btn-danger"
          type="button"
          onClick={() => void remove()}
          aria-label={`Remove ${repo.id}`}
        >
          <Icon name="trash" size={14} />
        </button>
      </div>
    </div>
  )
}

/** Repositories: list, add/edit, test connection, write probe, clone/pull/push with progress and cancel. */
export function RepositoriesArea(): ReactElement {
  const [, action, arg] = useHashPath()
  const ws = useWorkspace()
  const acc = useAccounts()
  const ops = useGitOps()
  const [selected, setSelected] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const shown = useMemo(() => {
    const labels = new Map(acc.accounts.map((a) => [a.id, a.label]))
    return ws.repositories.filter((r) => repositoryMatches(r, labels.get(r.accountId ?? '') ?? null, query))
  }, [ws.repositories, acc.accounts, query])
  const state = selected ? ops.byRepo[selected] : undefined
  const selectedRepo = ws.repositories.find((r) => r.id === selected)
  const applyFix = async (fix: Fix): Promise<void> => {
    const a = fix.action
    if (!a || !selectedRepo) return
    if (a.kind === 'set_field' && a.subject === 'branch') {
      await ws.saveRepository({ ...selectedRepo, branch: a.value })
      await ops.test(selectedRepo.id)
    } else if (a.kind === 'rotate_token') navigate('accounts')
    else if (a.kind === 'open_screen') navigate(a.screen)
  }
  useEffect(() => {
    if (ws.status === 'idle') void ws.load()
    if (acc.status === 'idle') void acc.load()
  }, [ws, acc])
  if (action === 'new') return <RepositoryEditor initial={newRepository()} />
  if (action === 'edit' && arg) {
    const repo = ws.repositories.find((r) => r.id === arg)
    if (repo) return <RepositoryEditor key={repo.id} initial={repo} />
  }
  return (
    <Screen
      id="repos"
      testId="repositories-screen"
      title="Repositories"
      lead="Each repository is a Flipt storage. Test it end to end, prove push rights without writing, or clone it."
      actions={
        <button
          className="btn btn-primary"
          type="button"
          onClick={() => navigate('repositories/new')}
          data-testid="add-repository"
        >
          <Icon name="plus" /> Add repository
        </button>
      }
    >
      <LoadState status={ws.status} error={ws.error} what="repositories" />
      {ws.status === 'ready' && ws.repositories.length === 0 ? (
        <EmptyState
          icon="repo"
          title="No repositories yet"
          testId="repositories-empty"
          action={
            <div className="row">
              <button className="btn btn-primary" type="button" onClick={() => navigate('repositories/new')}>
                <Icon name="plus" /> Add a repository
              </button>
              <button className="btn" type="button" onClick={() => navigate('import')}>
                Import a Flipt config
              </button>
            </div>
          }
        >
          Add the Git repository where your feature flags live, bind the account that reaches it, and test the
          connection in one click.
        </EmptyState>
      ) : null}
      <div className="stack">
        {state && selectedRepo ? (
          <div className="card" data-testid="op-panel">
            <div className="card-head">
              <h2>{selectedRepo.id}</h2>
              <span className="muted small mono">{selectedRepo.remote}</span>
            </div>
            <div className="card-body">
              <OperationPanel
                state={state}
                onCancel={() => void ops.cancel(selectedRepo.id)}
                onApplyFix={(f) => void applyFix(f)}
              />
            </div>
          </div>
        ) : null}
        {ws.repositories.length > 0 ? (
          <SearchField
            id="repository-search"
            label="Search repositories"
            placeholder="Search by name, remote, branch, folder or account"
            query={query}
            onQuery={setQuery}
            shown={shown.length}
            total={ws.repositories.length}
            noun={['repository', 'repositories']}
          />
        ) : null}
        {ws.repositories.length > 0 && shown.length === 0 ? (
          <p className="muted">No repository matches “{query}”.</p>
        ) : null}
        {shown.length > 0 ? (
          <div className="card">
            <VirtualList
              key={query}
              items={shown}
              rowHeight={ROW}
              height={ROW * 6}
              label="Repositories"
              testId="repositories-list"
              render={(r) => <RepositoryRow repo={r} onSelect={setSelected} />}
            />
          </div>
        ) : null}
      </div>
    </Screen>
  )
}
