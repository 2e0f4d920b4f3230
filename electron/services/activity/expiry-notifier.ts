import { expiryLabel, expiryState } from '@shared/logic/expiry'
import type { AccountsService } from '../accounts/accounts.service'
import type { MetadataStore } from '../workspace/metadata-store'

/** Native notifications (Electron's Notification in the app; recorded in tests). */
export interface Notifier {
  notify(title: string, body: string): void
}

/**
 * Sends one native notification per account and day when its token expires within the configured
 * number of days (or has expired), unless notifications are turned off. Runs at start and then
 * periodically; the in-app banner shows the same facts on the Home screen.
 */
export function createExpiryNotifier(deps: {
  readonly accounts: AccountsService
  readonly metadata: MetadataStore
  readonly notifier: Notifier
  readonly now?: () => Date
}) {
  const now = deps.now ?? (() => new Date())
  return {
    /** Checks every account; returns the ids it notified about. */
    async check(): Promise<string[]> {
      const { settings } = deps.metadata.get()
      if (!settings.notifications) return []
      const today = now().toISOString().slice(0, 10)
      const due = deps.accounts
        .list()
        .map((a) => ({ a, e: expiryState(a.expiresAt, now(), settings.expiryWarningDays) }))
        .filter(
          ({ a, e }) => (e.state === 'soon' || e.state === 'expired') && settings.notified[a.id] !== today,
        )
      for (const { a, e } of due)
        deps.notifier.notify(
          e.state === 'expired' ? `Token expired: ${a.label}` : `Token expires soon: ${a.label}`,
          `${a.host}: ${expiryLabel(e)}. Rotate it in GitKeys; everything bound to the account follows.`,
        )
      if (due.length > 0)
        await deps.metadata.update((d) => ({
          ...d,
          settings: {
            ...d.settings,
            notified: { ...d.settings.notified, ...Object.fromEntries(due.map(({ a }) => [a.id, today])) },
          },
        }))
      return due.map(({ a }) => a.id)
    },
  }
}
