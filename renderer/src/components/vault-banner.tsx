import { useEffect, type ReactElement } from 'react'
import { useVault } from '../stores/vault.store'
import { Banner } from './status'

/** Tells the user how their tokens are protected whenever it is not the normal, keychain-backed case. */
export function VaultBanner(): ReactElement | null {
  const { status, load, allowWeak } = useVault()
  useEffect(() => {
    void load()
  }, [load])
  if (!status) return null
  return (
    <div className="stack" data-testid="vault-banner">
      {status.storeProblems.map((p) => (
        <Banner key={p.file + p.reason} tone="warning" title="A GitKeys data file could not be read">
          {p.reason}.{' '}
          {p.backup ? (
            <>
              The original is kept at <code>{p.backup}</code>; nothing was deleted.
            </>
          ) : null}{' '}
          Accounts whose data was in it may need their token entered again.
        </Banner>
      ))}
      {!status.persistent ? (
        <Banner
          tone="warning"
          title={status.weak ? 'Tokens are kept for this session only' : 'OS encryption is unavailable'}
          action={
            status.weak && !status.weakOptIn ? (
              <button
                className="btn btn-sm"
                type="button"
                onClick={() => void allowWeak()}
                data-testid="allow-weak"
              >
                Use weaker storage
              </button>
            ) : undefined
          }
        >
          {status.reason}{' '}
          {status.sessionOnly > 0
            ? `${status.sessionOnly} token(s) will be forgotten when GitKeys quits.`
            : ''}
          {status.weak ? ' Weaker storage encrypts with a key every program on this computer can read.' : ''}
        </Banner>
      ) : null}
      {status.weakOptIn ? (
        <Banner tone="info" title="Weaker storage is on">
          You chose on {status.weakOptIn.slice(0, 10)} to store tokens with Chromium’s built-in key. Start
          gnome-keyring or KWallet for real protection.
        </Banner>
      ) : null}
      {status.locked ? (
        <Banner tone="warning" title="The OS keyring is locked">
          Unlock it; GitKeys retries automatically and has deleted nothing.
        </Banner>
      ) : null}
      {status.needsReentry > 0 ? (
        <Banner tone="error" title={`${status.needsReentry} account(s) need their token entered again`}>
          Their stored token could not be decrypted on this computer, or was bound to another host. Use
          “Rotate” on each.
        </Banner>
      ) : null}
    </div>
  )
}
