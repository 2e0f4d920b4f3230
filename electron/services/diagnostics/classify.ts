import type { Account } from '@shared/domain/account'
import { explain, type ExplainProvider } from '@shared/diagnostics/explain/explain'
import { gitUsernameFor } from '@shared/providers/git-username'
import type { Classify } from '../git/git-operations'

/** The explainer's provider id for an account: Bitbucket and Azure self-hosted speak differently. */
export function explainProviderOf(a: Pick<Account, 'provider' | 'deployment'>): ExplainProvider {
  if (a.provider === 'bitbucket' && a.deployment === 'self_hosted') return 'bitbucket_server'
  if (a.provider === 'azure' && a.deployment === 'self_hosted') return 'azure_devops_server'
  return a.provider
}

/**
 * What the explainer may know of an account: never the token, only facts about it. The username is
 * the one GitKeys actually sends (provider rules), not what the account form holds.
 */
export function accountFacts(
  a: Pick<Account, 'provider' | 'tokenKind' | 'expiresAt' | 'scopes' | 'username' | 'host'> & {
    readonly secret: Pick<Account['secret'], 'checksum'>
  },
) {
  return {
    tokenKind: a.tokenKind,
    expiresAt: a.expiresAt,
    scopes: a.scopes,
    username:
      gitUsernameFor({ provider: a.provider, tokenKind: a.tokenKind, username: a.username }).username ??
      a.username,
    host: a.host,
    checksum: a.secret.checksum,
  }
}

/** Classifies git's stderr with the offline explainer, re-ranked by the bound account's facts. */
export function createClassifier(now: () => Date = () => new Date()): Classify {
  return (stderr, { provider, account }) => {
    const x = explain(stderr, {
      ...(account
        ? { provider: explainProviderOf(account), facts: accountFacts(account) }
        : provider
          ? { provider }
          : {}),
      now: now(),
    })
    return { category: x.category, title: x.title, detail: x.detail, fixes: [...x.fixes] }
  }
}
