import type { ProviderId } from '../domain/provider'
import { tokenKind } from './catalog'

/**
 * Which username GitKeys sends to git with a token over HTTPS, and why, from the username rule of the
 * token kind (providers.md §2). Wrong usernames fail with 401 on some kinds and are silently ignored
 * on others, so the explanation says which case applies.
 */

/** The account fields the choice depends on. */
export type UsernameSubject = {
  readonly provider: ProviderId
  readonly tokenKind: string
  readonly username: string
}

/** What to send: Basic with a username, or the token alone as a Bearer header. */
export type GitUsername = {
  readonly mode: 'basic' | 'bearer'
  /** The username for Basic; null in Bearer mode. */
  readonly username: string | null
  /** False when the account lacks what the kind needs (e.g. a username for an app password). */
  readonly usable: boolean
  readonly explanation: string
  readonly warning: string | null
}

const looksLikeEmail = (u: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(u)

/** Chooses the git username for an account's token, with a sentence a person can read. */
export function gitUsernameFor(account: UsernameSubject): GitUsername {
  const kind = tokenKind(account.provider, account.tokenKind)
  const given = account.username.trim()
  if (!kind) {
    return {
      mode: 'basic',
      username: given || 'x-access-token',
      usable: true,
      explanation: `GitKeys does not know the token kind "${account.tokenKind.slice(0, 40)}", so it sends ${given ? 'the account username' : 'a placeholder username'}.`,
      warning: 'Choose the token kind on the account so GitKeys can pick the username the provider needs.',
    }
  }
  const rule = kind.username
  switch (rule.kind) {
    case 'any': {
      const username = given || rule.fallback
      return {
        mode: 'basic',
        username,
        usable: true,
        explanation: `${rule.note} GitKeys sends "${username}".`,
        warning: null,
      }
    }
    case 'fixed': {
      const warning =
        given && given !== rule.value
          ? `The account username "${given}" is not used: this kind of token needs "${rule.value}".`
          : null
      return { mode: 'basic', username: rule.value, usable: true, explanation: rule.note, warning }
    }
    case 'account_username': {
      const email = rule.rejectEmail && looksLikeEmail(given)
      if (given && !email)
        return { mode: 'basic', username: given, usable: true, explanation: rule.note, warning: null }
      if (rule.alternative !== null) {
        const why = email
          ? `"${given}" is an email address, which git does not accept here`
          : 'the account has no username'
        return {
          mode: 'basic',
          username: rule.alternative,
          usable: true,
          explanation: `${rule.note} Because ${why}, GitKeys sends "${rule.alternative}".`,
          warning: email
            ? 'Set the account username to your Bitbucket username (Personal settings), not your email.'
            : null,
        }
      }
      return {
        mode: 'basic',
        username: given || null,
        usable: false,
        explanation: rule.note,
        warning: email
          ? `"${given}" is an email address; this token needs the account's username instead.`
          : 'This token needs the account username; set it on the account.',
      }
    }
    case 'bearer_only':
      return {
        mode: 'bearer',
        username: null,
        usable: true,
        explanation: `${rule.note} GitKeys sends it as an "Authorization: Bearer" header.`,
        warning: null,
      }
  }
}
