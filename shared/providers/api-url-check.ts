import { isLoopbackHost } from '../logic/host'
import { findUnsafeCharsDecoded } from '../logic/text-safety'

/**
 * An account's own API URL (self-hosted servers whose REST API is not where GitKeys derives it).
 * The token is sent there by the online checks, so it must be https (http only to this computer)
 * and on the account's host or a sibling of it (ghe.corp.example → api.corp.example), never on an
 * unrelated host a pasted or imported value could name.
 */
export function apiUrlProblem(accountHost: string, apiUrl: string | null): string | null {
  const text = apiUrl?.trim() ?? ''
  if (text === '') return null
  if (findUnsafeCharsDecoded(text).chars.length > 0) return 'It holds control or invisible characters.'
  if (!URL.canParse(text)) return 'Write a full URL, like https://git.example.com/api/v4.'
  const url = new URL(text)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host)))
    return 'Use https (plain http only to this computer): the token travels to this address.'
  if (url.username || url.password)
    return 'Leave the user and password out of the URL; the token is sent for you.'
  if (url.search || url.hash) return 'Leave out the query and fragment (everything after ? or #).'
  const account = accountHost.replace(/:\d+$/, '').toLowerCase()
  const api = url.hostname.toLowerCase()
  const labels = account.split('.')
  const parent = labels.length > 2 ? labels.slice(1).join('.') : null
  const related =
    api === account ||
    api.endsWith(`.${account}`) ||
    (parent !== null && (api === parent || api.endsWith(`.${parent}`)))
  return related
    ? null
    : `The token would go to ${api}, which is not ${account} or a host beside it. Use the API address of ${account}'s own server.`
}
