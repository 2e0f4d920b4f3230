import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../electron/main/window/app-protocol'
import { isTrustedSender, type SenderEvent } from '../../../electron/main/ipc/trusted-sender'

const mainFrame = { url: 'app://gitkeys/index.html', parent: null }
const trusted = { webContentsId: 7, isAppUrl: (u: string) => isAppUrl(u) }
const ev = (frame: SenderEvent['senderFrame'], id = 7, top: unknown = frame): SenderEvent => ({
  sender: { id, mainFrame: top },
  senderFrame: frame,
})

describe('isTrustedSender (security.md vectors 1-2)', () => {
  it('accepts the main window top frame at the app origin', () => {
    expect(isTrustedSender(ev(mainFrame), trusted)).toBe(true)
  })
  it.each([
    'https://evil.example/',
    'file:///x.html',
    'about:blank',
    'data:text/html,<b>x</b>',
    'app://other/index.html',
    'app://user@gitkeys/index.html',
    'http://127.0.0.1:4173/index.html',
  ])('rejects a frame at %s', (url) => {
    expect(isTrustedSender(ev({ url, parent: null }), trusted)).toBe(false)
  })
  it('rejects a null senderFrame', () => {
    expect(isTrustedSender(ev(null), trusted)).toBe(false)
  })
  it('rejects a sub-frame of the trusted window', () => {
    const sub = { url: 'app://gitkeys/index.html', parent: mainFrame }
    expect(isTrustedSender(ev(sub, 7, mainFrame), trusted)).toBe(false)
    expect(isTrustedSender(ev({ url: 'app://gitkeys/x', parent: null }, 7, mainFrame), trusted)).toBe(false)
  })
  it('rejects another webContents, and everything before the window exists', () => {
    expect(isTrustedSender(ev(mainFrame, 8), trusted)).toBe(false)
    expect(isTrustedSender(ev(mainFrame), { ...trusted, webContentsId: null })).toBe(false)
  })
})
