import type { Fix } from '../../domain/finding'
import type { ProviderId } from '../../domain/provider'
import { tokenKind } from '../../providers/catalog'
import { gitUsernameFor } from '../../providers/git-username'
import type { UsernameRule } from '../../providers/provider-types'
import type { Rule, RuleInput, TokenView } from './rule.types'
import { article, createTokenFix, defineRule, kindLabel, quote, setField } from './rule-kit.logic'

/**
 * Username family: the username git sends must fit the token kind (providers.md §2). For Flipt
 * credentials this includes what Flipt itself sends: `access_token` always goes over git as Basic
 * `x-token-auth:<token>` (flipt-v2.md §3.1), which fails for kinds that need the account username
 * (Bitbucket API tokens, app passwords, Data Center personal tokens, GitLab deploy tokens), for
 * fixed usernames other than x-token-auth (GitLab `oauth2`, `gitlab-ci-token`), and for Bitbucket
 * Data Center project/repository tokens, which accept only `Authorization: Bearer`.
 */

const SOURCE = 'providers.md §2; flipt-v2.md §3.1 (GitAuthentication: access_token = x-token-auth)'
const looksLikeEmail = (u: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(u)

type Judged = {
  readonly t: TokenView
  readonly provider: ProviderId
  readonly kind: string
  readonly rule: UsernameRule
}

/** Credential views (explicit Flipt credentials) whose token kind, and so its username rule, is known. */
function credentialViews(tokens: readonly TokenView[]): Judged[] {
  return tokens.flatMap((t) => {
    if (t.credential === null || t.provider === null || t.kind === null) return []
    const spec = tokenKind(t.provider, t.kind)
    return spec ? [{ t, provider: t.provider, kind: t.kind, rule: spec.username }] : []
  })
}

/** True when a repository's git transport (storage.<id>.credentials) uses the credential. */
const usedForGit = (input: RuleInput, credentialId: string): boolean =>
  input.ctx.repositories.some((r) => r.credentialId === credentialId)

/** True when git Basic with `x-token-auth` works for the rule (GitHub ignores the username altogether). */
function xTokenAuthWorks(provider: ProviderId, rule: UsernameRule): boolean {
  if (provider === 'github') return true
  return rule.kind === 'any' || (rule.kind === 'fixed' && rule.value === 'x-token-auth')
}

/** The fix that turns an access_token credential into the basic one the kind needs, when one exists. */
function basicFixes(j: Judged): Fix[] {
  const id = j.t.credential?.id ?? ''
  if (j.rule.kind === 'bearer_only')
    return createTokenFix(
      { provider: j.provider, deployment: j.t.deployment, host: j.t.host, pathPrefix: j.t.pathPrefix },
      j.t.use,
      'http_personal',
    )
  const username =
    j.rule.kind === 'fixed'
      ? j.rule.value
      : j.rule.kind === 'account_username'
        ? ((j.t.account?.username || j.rule.alternative) ?? null)
        : null
  return [
    setField('Use type: basic', `credentials.${id}.type`, 'basic', 'Move the token to basic.password.'),
    ...(username
      ? [setField(`Set basic.username to ${username}`, `credentials.${id}.basic.username`, username)]
      : []),
  ]
}

const accessTokenXTokenAuth = defineRule(
  {
    id: 'username.access_token_x_token_auth',
    family: 'username',
    severity: 'error',
    checks: 'a Flipt access_token credential holds a kind that accepts git user x-token-auth',
    source: SOURCE,
  },
  (input, emit) => {
    for (const j of credentialViews(input.tokens)) {
      const c = j.t.credential
      if (c?.type !== 'access_token' || xTokenAuthWorks(j.provider, j.rule)) continue
      const git = usedForGit(input, c.id)
      // SCM-only: the API gets Bearer, which only Bitbucket's user-bound kinds refuse.
      if (!git && !(j.provider === 'bitbucket' && j.rule.kind === 'account_username')) continue
      const needs =
        j.rule.kind === 'bearer_only'
          ? 'only an "Authorization: Bearer" header, which Flipt never sends for git'
          : j.rule.kind === 'fixed'
            ? `the username "${j.rule.value}"`
            : 'your account username'
      emit({
        subject: j.t.subject,
        title: `Flipt sends "x-token-auth" for access_token, which ${kindLabel(j.provider, j.kind)} refuses`,
        detail: `${
          git
            ? `Flipt's access_token type always sends git Basic auth as x-token-auth:<token>. ${article(kindLabel(j.provider, j.kind)).replace(/^a/, 'A')} needs ${needs}, so git sync fails with 401.`
            : `Flipt sends an access_token to the Bitbucket API as "Authorization: Bearer", which ${article(kindLabel(j.provider, j.kind))} does not accept; it needs Basic with the Atlassian email.`
        }${j.rule.kind === 'bearer_only' ? ' Use a personal HTTP access token instead.' : ' Use type: basic with the right username.'}`,
        fixes: basicFixes(j),
      })
    }
  },
)

const bearerOnly = defineRule(
  {
    id: 'username.bearer_only',
    family: 'username',
    severity: 'error',
    checks: 'Bitbucket Data Center project/repository tokens are not used with Basic auth',
    source: 'providers.md §2 (confluence.atlassian.com/bitbucketserver/http-access-tokens)',
  },
  (input, emit) => {
    for (const j of credentialViews(input.tokens)) {
      if (j.t.credential?.type !== 'basic' || j.rule.kind !== 'bearer_only') continue
      emit({
        subject: j.t.subject,
        title: `${kindLabel(j.provider, j.kind)} works only as a Bearer token`,
        detail: `${j.rule.note} go-git (Flipt) sends HTTP Basic, so every fetch and push is refused. Use a personal HTTP access token with your username.`,
        fixes: basicFixes(j),
      })
    }
  },
)

const fixedRequired = defineRule(
  {
    id: 'username.fixed_required',
    family: 'username',
    severity: 'error',
    checks:
      'a basic credential sends the literal username its kind requires (x-token-auth, oauth2, gitlab-ci-token)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const j of credentialViews(input.tokens)) {
      const c = j.t.credential
      if (c?.type !== 'basic' || j.rule.kind !== 'fixed' || j.provider === 'github') continue
      if ((c.username ?? '') === j.rule.value) continue
      const subject = `credentials.${c.id}.basic.username`
      emit({
        subject,
        title: `${kindLabel(j.provider, j.kind)} needs the username "${j.rule.value}"`,
        detail: `${j.rule.note} The credential sends ${quote(c.username ?? '')}, so the host answers 401.`,
        fixes: [setField(`Set the username to ${j.rule.value}`, subject, j.rule.value)],
      })
    }
  },
)

const emailRejected = defineRule(
  {
    id: 'username.email_rejected',
    family: 'username',
    severity: 'error',
    checks:
      'no email address where the kind needs the Bitbucket username (app passwords, API tokens over git)',
    source: 'providers.md §2 (Atlassian KB "Getting 401 … Basic authentication")',
  },
  (input, emit) => {
    for (const t of input.tokens) {
      if (t.provider === null || t.kind === null) continue
      const rule = tokenKind(t.provider, t.kind)?.username
      if (rule?.kind !== 'account_username' || !rule.rejectEmail) continue
      const c = t.credential
      // The SCM API of Bitbucket API tokens takes the email, and GitKeys substitutes the static username for accounts.
      if (c ? !usedForGit(input, c.id) : rule.alternative !== null) continue
      const sent = c ? (c.type === 'basic' ? (c.username ?? '') : null) : (t.account?.username ?? '')
      if (sent === null || !looksLikeEmail(sent.trim())) continue
      const subject = c ? `credentials.${c.id}.basic.username` : `${t.subject}.username`
      emit({
        subject,
        title: 'An email address is used as the git username',
        detail: `${rule.note} ${quote(sent)} is an email address, which git over HTTPS does not accept here.`,
        fixes: rule.alternative
          ? [setField(`Use ${rule.alternative}`, subject, rule.alternative, 'or your Bitbucket username')]
          : [
              {
                label: 'Use your Bitbucket username',
                detail: 'Bitbucket › Personal settings › Account settings.',
              },
            ],
      })
    }
  },
)

const missing = defineRule(
  {
    id: 'username.missing',
    family: 'username',
    severity: 'error',
    checks:
      'kinds that need the account username have one (app passwords, DC personal tokens, GitLab deploy tokens)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const t of input.tokens) {
      if (t.provider === null || t.kind === null) continue
      const c = t.credential
      if (c !== null && c.type !== 'basic') continue
      const username = c ? (c.username ?? '') : (t.account?.username ?? '')
      const verdict = gitUsernameFor({ provider: t.provider, tokenKind: t.kind, username })
      if (verdict.usable || username.trim() !== '') continue
      const subject = c ? `credentials.${c.id}.basic.username` : `${t.subject}.username`
      emit({
        subject,
        title: `${kindLabel(t.provider, t.kind)} needs a username`,
        detail: `${verdict.explanation} None is set, so the host cannot match the token to its owner.`,
        fixes: [{ label: 'Enter the username of the account that owns the token' }],
      })
    }
  },
)

/** The username family's rules. */
export const usernameRules: readonly Rule[] = [
  accessTokenXTokenAuth,
  bearerOnly,
  fixedRequired,
  emailRejected,
  missing,
]
