import { clipboard } from 'electron'

/** Writes the clipboard; when asked, clears it after a delay if it still holds what we wrote (the only clipboard user). */
export async function copyToClipboard(text: string, clearAfterMs?: number): Promise<void> {
  await clipboard.writeText(text)
  if (clearAfterMs)
    setTimeout(() => {
      void Promise.resolve(clipboard.readText()).then((now) => {
        if (now === text) void clipboard.clear()
      })
    }, clearAfterMs).unref()
}
