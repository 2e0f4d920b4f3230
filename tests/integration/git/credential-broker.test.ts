import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createCredentialBroker,
  type CredentialGrant,
} from '../../../electron/services/git/credential-broker'
import { withConfig } from '../../../electron/services/git/git-env'
import { createLogger, memorySink } from '../../../electron/services/logging/logger'
import { git, isolatedGitEnv } from '../../support/git-env'

const CANARY = 'ghp_CANARY0000000000000000000000000000'
const grant: CredentialGrant = { protocol: 'https', host: 'github.com', username: 'octo', secret: CANARY }
const broker = createCredentialBroker({ logger: createLogger(memorySink()) })

const socketOf = (config: ReadonlyArray<readonly [string, string]>): string =>
  /--socket '([^']+)'/.exec(config[1]?.[1] ?? '')?.[1] ?? ''

async function fill(request: string, g = grant) {
  const session = await broker.open(g)
  const env = withConfig(isolatedGitEnv(), session.config) as NodeJS.ProcessEnv
  const r = await git(['credential', 'fill'], { env, input: request })
  await session.close()
  return { ...r, events: session.events }
}

function raw(path: string, text: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(path)
    let out = ''
    s.on('data', (d) => (out += d.toString()))
    s.on('end', () => resolve(out))
    s.on('error', () => resolve('(error)'))
    s.end(text)
  })
}

describe('credential broker with real git', () => {
  it('answers git for the exact protocol and host, through git’s own cache client', async () => {
    const r = await fill('protocol=https\nhost=github.com\npath=acme/flags.git\n\n')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('username=octo')
    expect(r.stdout).toContain(`password=${CANARY}`)
    expect(r.events).toEqual([expect.objectContaining({ outcome: 'answered', host: 'github.com' })])
  })

  it.each([
    ['another host', 'protocol=https\nhost=gitlab.com\n\n'],
    ['a look-alike host', 'protocol=https\nhost=github.com.evil.example\n\n'],
    ['a different port (vector 25)', 'protocol=https\nhost=github.com:8443\n\n'],
    ['plain http (vector 25)', 'protocol=http\nhost=github.com\n\n'],
  ])('refuses %s: git gets no password', async (_n, req) => {
    const r = await fill(req)
    expect(r.code).not.toBe(0)
    expect(r.stdout).not.toContain(CANARY)
    expect(r.events[0]?.outcome).toBe('refused')
  })

  it('accepts an explicit non-default port only when the account is on that port', async () => {
    const r = await fill('protocol=https\nhost=git.example.test:8443\n\n', {
      ...grant,
      host: 'git.example.test:8443',
    })
    expect(r.stdout).toContain(`password=${CANARY}`)
  })

  it('ignores store and erase: a global credential.helper=store never receives the token (vector 29)', async () => {
    const home = isolatedGitEnv().HOME ?? ''
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n', { flag: 'a' })
    const session = await broker.open(grant)
    const env = withConfig(isolatedGitEnv(home), session.config) as NodeJS.ProcessEnv
    await git(['credential', 'approve'], {
      env,
      input: `protocol=https\nhost=github.com\nusername=octo\npassword=${CANARY}\n\n`,
    })
    await git(['credential', 'reject'], { env, input: 'protocol=https\nhost=github.com\n\n' })
    // The helper passes only `get` to the cache client: store and erase never reach the socket…
    const onTheWire = await Promise.all([
      raw(socketOf(session.config), `action=store\nprotocol=https\nhost=github.com\npassword=${CANARY}\n`),
      raw(socketOf(session.config), 'action=erase\nprotocol=https\nhost=github.com\n'),
    ])
    await session.close()
    // …and sent there directly, the broker answers nothing and ignores them.
    expect(onTheWire).toEqual(['', ''])
    expect(session.events.map((e) => [e.action, e.outcome])).toEqual([
      ['store', 'ignored'],
      ['erase', 'ignored'],
    ])
    const stored = join(home, '.git-credentials')
    expect(existsSync(stored) ? readFileSync(stored, 'utf8') : '').not.toContain('CANARY')
  })

  it.each([
    ['empty host', 'action=get\nprotocol=https\nhost=\n'],
    ['a CR-smuggled host (vector 37)', 'action=get\nprotocol=https\nhost=github.com\rhost=evil.example\n'],
    ['CR-separated keys (vector 37)', 'action=get\nusername=\rprotocol=https\rhost=github.com\r\n'],
    ['a trailing CR in the host (vector 36)', 'action=get\nprotocol=https\nhost=github.com\r\r\n'],
    ['a repeated host key', 'action=get\nprotocol=https\nhost=evil.example\nhost=github.com\n'],
    ['a host with a slash', 'action=get\nprotocol=https\nhost=github.com/@evil.example\n'],
    ['a U+2028 in a value', 'action=get\nprotocol=https\nhost=github.com\npath=a\u2028host=evil\n'],
  ])('refuses %s on the wire', async (_n, text) => {
    const session = await broker.open(grant)
    const answer = await raw(socketOf(session.config), text)
    await session.close()
    expect(answer).toBe('')
    expect(session.events[0]?.outcome).toBe('refused')
  })

  it('accepts CRLF line endings but nothing else CR-related', async () => {
    const session = await broker.open(grant)
    const answer = await raw(socketOf(session.config), 'action=get\r\nprotocol=https\r\nhost=github.com\r\n')
    await session.close()
    expect(answer).toContain(CANARY)
  })

  it('answers nothing once the operation has ended: the socket and its directory are gone (stale nonce)', async () => {
    const session = await broker.open(grant)
    const path = socketOf(session.config)
    await session.close()
    expect(existsSync(path)).toBe(false)
    expect(await raw(path, 'action=get\nprotocol=https\nhost=github.com\n')).toBe('(error)')
  })

  it('sessions open together share one private 0700 folder, each with its own socket; the last one removes it', async () => {
    const [a, b] = await Promise.all([broker.open(grant), broker.open(grant)])
    const [sa, sb] = [socketOf(a.config), socketOf(b.config)]
    expect(sa).not.toBe(sb)
    expect(dirname(sa)).toBe(dirname(sb))
    expect(statSync(dirname(sa)).mode & 0o777).toBe(0o700)
    await a.close()
    await a.close()
    expect(existsSync(sa)).toBe(false)
    expect(await raw(sb, 'action=get\nprotocol=https\nhost=github.com\n')).toContain(CANARY)
    await b.close()
    expect(existsSync(dirname(sb))).toBe(false)
  })

  it('puts no secret in the git config entries it hands out', async () => {
    const session = await broker.open(grant)
    expect(JSON.stringify(session.config)).not.toContain('CANARY')
    await session.close()
  })
})
