import type { ErrorCategory } from '../../domain/provider'
import type { Rule } from './rule.types'
import { defineRule, quote, rotateToken } from './rule-kit.logic'

/**
 * Probe family: optional online results (services/probes) turned into findings. Probes only add
 * facts; every offline rule stands without them. Their expiry and scopes also feed the expiry and
 * scopes families.
 */

const CATEGORY_TITLE: Readonly<Record<ErrorCategory, string>> = {
  bad_credentials: 'The host refused the credentials',
  expired_token: 'The host says the token has expired',
  insufficient_scope: 'The token lacks a permission the host asked for',
  password_auth_removed: 'The host no longer accepts passwords',
  wrong_username: 'The host refused the username',
  repo_not_found_or_no_access: 'The repository was not found, or the token cannot see it',
  sso_required: 'The organisation requires SSO authorisation of the token',
  two_factor_required: 'The host requires two-factor authentication',
  tls_certificate: 'The TLS certificate was not trusted',
  network_dns: 'The host could not be reached',
  proxy: 'The proxy refused the connection',
  branch_not_found: 'The branch does not exist on the remote',
  credentials_missing: 'The host asked for credentials and none were sent',
  ssh_instead_of_https: 'The remote is SSH; the token was not used',
  rate_limited: 'The host rate-limited the request',
  ip_or_policy_blocked: 'A network or IP policy blocked the request',
  other: 'The online check failed',
}

const failed = defineRule(
  {
    id: 'probe.failed',
    family: 'probe',
    severity: 'error',
    checks: 'the latest online check of the subject succeeded',
    source: 'ARCHITECTURE.md §6 (services/probes); fixtures/README.md categories',
  },
  (input, emit) => {
    for (const p of input.ctx.probes) {
      if (p.ok) continue
      const account = /^accounts\.(.+)$/.exec(p.subject)?.[1]
      const transient =
        p.category === 'network_dns' || p.category === 'proxy' || p.category === 'rate_limited'
      emit({
        subject: p.subject,
        severity: transient ? 'warning' : 'error',
        title: CATEGORY_TITLE[p.category ?? 'other'],
        detail: `The provider answered an online check (${Math.round(p.ms)} ms)${p.message ? `: ${quote(p.message, 300)}` : ''}.`,
        fixes:
          account &&
          (p.category === 'bad_credentials' ||
            p.category === 'expired_token' ||
            p.category === 'insufficient_scope')
            ? [rotateToken(account)]
            : [],
      })
    }
  },
)

const loginMismatch = defineRule(
  {
    id: 'probe.login_mismatch',
    family: 'probe',
    severity: 'warning',
    checks: 'the token belongs to the login the account names',
    source: 'providers.md §5 (GET /user login)',
  },
  (input, emit) => {
    for (const p of input.ctx.probes) {
      const id = /^accounts\.(.+)$/.exec(p.subject)?.[1]
      const a = id === undefined ? undefined : input.accountById.get(id)
      if (!a || !p.ok || p.login === null || a.username.trim() === '') continue
      if (p.login.toLowerCase() === a.username.trim().toLowerCase() || a.username.includes('@')) continue
      emit({
        subject: `accounts.${a.id}.username`,
        title: `The token belongs to "${p.login}", not "${a.username}"`,
        detail: `The host reports the token's owner as ${quote(p.login, 60)}. Commits and proposals will be made as that user; if the kind needs the username for git, use ${quote(p.login, 60)}.`,
        fixes: [
          {
            label: `Set the username to ${p.login}`,
            action: { kind: 'set_field', subject: `accounts.${a.id}.username`, value: p.login },
          },
        ],
      })
    }
  },
)

/** The probe family's rules. */
export const probeRules: readonly Rule[] = [failed, loginMismatch]
