import { Notification } from 'electron'
import type { Notifier } from '../../services/activity/expiry-notifier'

/** Native notifications (the only user of Electron's Notification); silently skipped where unsupported. */
export const nativeNotifier: Notifier = {
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body }).show()
  },
}
