/** The parts of an IpcMainInvokeEvent that say who is calling. */
export type SenderEvent = {
  readonly sender: { readonly id: number; readonly mainFrame?: unknown }
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null
}

/**
 * True only for the main window's top frame at the app's own origin (security.md §1 item 17,
 * vectors 1-2). A null frame (navigated away or destroyed) is untrusted.
 */
export function isTrustedSender(
  event: SenderEvent,
  trusted: { readonly webContentsId: number | null; readonly isAppUrl: (url: string) => boolean },
): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  if (trusted.webContentsId === null || event.sender.id !== trusted.webContentsId) return false
  if (frame.parent !== null && frame.parent !== undefined) return false
  if (event.sender.mainFrame !== undefined && event.sender.mainFrame !== frame) return false
  return trusted.isAppUrl(frame.url)
}
