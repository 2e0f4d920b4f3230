import { connect } from 'node:net'
import type { Duplex } from 'node:stream'

/** How the relay reaches the broker: a Unix socket path or a Windows named pipe. */
export type Connect = (path: string) => Duplex

/**
 * A portable stand-in for `git credential-cache --socket PATH ACTION`, for platforms where git's
 * own cache client has no Unix sockets (Windows). It relays git's request verbatim to the
 * broker, in the credential-cache wire format (`action=…`, `timeout=…`, then git's lines), and
 * copies the answer to stdout. It holds no secret of its own and never writes one anywhere else.
 */
export async function relay(
  argv: readonly string[],
  stdin: string,
  write: (text: string) => void,
  open: Connect = (p) => connect(p),
): Promise<number> {
  const i = argv.indexOf('--socket')
  const socket = i >= 0 ? argv[i + 1] : undefined
  const action = argv[argv.length - 1]
  if (!socket || !action || !['get', 'store', 'erase'].includes(action)) return 0
  // Only a `get` is forwarded: git's store/erase carry the secret back and the broker ignores them.
  if (action !== 'get') return 0
  return new Promise((resolve) => {
    const s = open(socket)
    let answer = ''
    s.on('data', (d: Buffer) => (answer += d.toString('utf8')))
    s.on('error', () => resolve(0))
    s.on('end', () => {
      write(answer)
      resolve(0)
    })
    s.end(`action=get\ntimeout=900\n${stdin}`)
  })
}
