import { describe, expect, it } from 'vitest'
import {
  chooseProxy,
  displayProxy,
  noProxyMatches,
  parseProxyUrl,
} from '../../../electron/services/net/proxy-config'

describe('NO_PROXY matching', () => {
  it.each([
    ['*', 'anything.example', 443, true],
    ['example.com', 'example.com', 443, true],
    ['example.com', 'git.example.com', 443, true],
    ['example.com', 'badexample.com', 443, false],
    ['.example.com', 'example.com', 443, true],
    ['.example.com', 'a.b.example.com', 443, true],
    ['*.example.com', 'a.example.com', 443, true],
    ['example.com:8443', 'example.com', 8443, true],
    ['example.com:8443', 'example.com', 443, false],
    ['EXAMPLE.com', 'Example.COM', 443, true],
    ['10.0.0.0/8', '10.2.3.4', 443, true],
    ['10.0.0.0/8', '11.2.3.4', 443, false],
    ['192.168.1.7', '192.168.1.7', 443, true],
    ['192.168.1.7', '192.168.1.70', 443, false],
    ['[::1]:8080', '[::1]', 8080, true],
    ['a.test,  b.test  c.test', 'c.test', 443, true],
    ['', 'example.com', 443, false],
  ])('%j for %s:%d → %s', (list, host, port, expected) => {
    expect(noProxyMatches(list, host, port)).toBe(expected)
  })
})

describe('proxy choice', () => {
  const url = new URL('https://gitlab.corp.example/api/v4/user')

  it('a configured proxy wins over the environment; http_proxy is not used for https', () => {
    expect(chooseProxy(url, { proxy: 'http://p:3128', env: { https_proxy: 'http://q:1' } })).toMatchObject({
      kind: 'proxy',
      proxy: { host: 'p', port: 3128 },
    })
    expect(chooseProxy(url, { env: { http_proxy: 'http://q:1' } })).toEqual({
      kind: 'direct',
      reason: 'none',
    })
    expect(chooseProxy(url, { env: { ALL_PROXY: 'q:8080' } })).toMatchObject({
      kind: 'proxy',
      proxy: { host: 'q', port: 8080 },
    })
  })

  it('a configured NO_PROXY wins over the environment one', () => {
    const env = { https_proxy: 'http://p:1', no_proxy: 'other.example' }
    expect(chooseProxy(url, { env, noProxy: '.corp.example' })).toEqual({
      kind: 'direct',
      reason: 'no_proxy',
    })
    expect(chooseProxy(url, { env }).kind).toBe('proxy')
  })

  it('parses credentials, decodes them, and hides the password when displayed', () => {
    const p = parseProxyUrl('http://dom%5Cuser:p%40ss@proxy.corp:8080')
    expect(p).toMatchObject({ host: 'proxy.corp', port: 8080, auth: 'dom\\user:p@ss' })
    expect('display' in p && p.display).toBe('http://dom%5Cuser:***@proxy.corp:8080')
    expect(displayProxy('proxy:8080')).toBe('proxy:8080')
    expect(parseProxyUrl('https://proxy:443')).toHaveProperty('error')
  })
})
