import { useEffect, type ReactElement } from 'react'
import { ProviderIdSchema } from '@shared/domain/provider'
import { useHashPath } from '../../app/use-hash-path'
import { Banner } from '../../components/status'
import { useAccounts } from '../../stores/accounts.store'
import { AccountsScreen } from './accounts.screen'
import { ConnectionScreen } from './connection.screen'
import { ProviderChooser } from './provider-chooser'

/** The Accounts area: the list, the provider chooser, and connection screens for new and existing accounts. */
export function AccountsArea(): ReactElement {
  const [, action, arg] = useHashPath()
  const { accounts, status, load } = useAccounts()
  useEffect(() => {
    if (status === 'idle') void load()
  }, [status, load])
  if (action === 'new' && !arg) return <ProviderChooser />
  if (action === 'new' && arg) {
    const p = ProviderIdSchema.safeParse(arg)
    return p.success ? (
      <ConnectionScreen key={`new-${p.data}`} provider={p.data} account={null} />
    ) : (
      <ProviderChooser />
    )
  }
  if (action === 'edit' && arg) {
    const account = accounts.find((a) => a.id === arg)
    if (account)
      return <ConnectionScreen key={`edit-${account.id}`} provider={account.provider} account={account} />
    if (status === 'ready')
      return (
        <div className="screen">
          <Banner tone="warning" title="That account no longer exists" />
        </div>
      )
  }
  return <AccountsScreen />
}
