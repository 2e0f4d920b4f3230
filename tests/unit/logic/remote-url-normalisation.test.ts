import { describe, expect, it } from 'vitest'
import { validateRemoteUrl } from '@shared/logic/remote-url'

// Found by tests/unit/property/remote-url.property.test.ts (idempotence): the scp-like form with a
// non-ASCII host was accepted and its host normalised by IDNA into ASCII, after which the returned URL
// read as something else — a `transport::address` remote helper, or an https URL to another host.
describe('validateRemoteUrl: normalising the host never changes what the URL is', () => {
  it.each([
    ['\uff45\uff58\uff54::sh -c "touch /tmp/pwn"', 'ext::'],
    ['\uff46\uff44::17', 'fd::'],
    ['g\u0456thub.com::a', '::'],
    ['\uff48\uff54\uff54\uff50\uff53://evil.example/o/r.git', 'evil.example'],
  ])('%j is refused instead of becoming %j', (raw) => {
    for (const allowHttpLoopback of [true, false]) {
      const r = validateRemoteUrl(raw, { allowHttpLoopback })
      expect(r.ok ? r.url : r.problems.map((p) => p.id)).toEqual(['url.bad_host'])
    }
  })
  it('an internationalised or upper-case host in plain scp form is still accepted, normalised', () => {
    const upper = validateRemoteUrl('\uff27\uff29\uff34\uff28\uff35\uff22.com:acme/r.git', {
      allowHttpLoopback: false,
    })
    expect(upper.ok && upper.url).toBe('github.com:acme/r.git')
    const idn = validateRemoteUrl('https://b\u00fccher.example/o/r.git', { allowHttpLoopback: false })
    expect(idn.ok && idn.url).toBe('https://xn--bcher-kva.example/o/r.git')
  })
})
