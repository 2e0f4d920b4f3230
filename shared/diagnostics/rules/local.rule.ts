import type { ProviderId } from '../../domain/provider'
import type { CredentialHelper, LocalGitEnv } from '../diagnose.types'
import { ENV_TOKEN_VARIABLES } from './local-env-tokens.table'
import type { Rule, RuleInput } from './rule.types'
import { article, defineRule, quote } from './rule-kit.logic'

/**
 * Local family: the git environment on this machine that can shadow or leak an account outside
 * GitKeys (users-and-anchors.md §4 idea 5): credential helpers in the user's git config, token
 * variables that CLIs read, ~/.netrc entries, and credentials embedded in existing clones' remote
 * URLs, for the hosts GitKeys uses. One rule says, per host, which credential a plain `git clone`
 * would really use. GitKeys resets credential.helper for its own git runs (GIT_CONFIG_COUNT), but
 * libcurl still reads ~/.netrc.
 */

const SOURCE = 'users-and-anchors.md §4 idea 5; gitcredentials(7); git http.c (CURLOPT_NETRC optional)'

type HostUse = { readonly host: string; readonly provider: ProviderId | null }

/** Hosts (without port) that repositories and accounts use over https. */
function hostsInUse(input: RuleInput): HostUse[] {
  const out = new Map<string, HostUse>()
  for (const r of input.ctx.repositories) {
    const v = input.remoteOf(r.id)
    if (v.transport === 'https' && v.host) out.set(v.host, { host: v.host, provider: v.provider })
  }
  for (const a of input.ctx.accounts) {
    const host = a.host.replace(/:\d+$/, '')
    if (!out.has(host)) out.set(host, { host, provider: a.provider })
  }
  return [...out.values()]
}

/** True when a `credential.<url>.helper` pattern applies to https://host (git matches scheme and host; `*.` wildcards). */
function patternMatches(pattern: string, host: string): boolean {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(?:[^@/]*@)?([^/:]+)/i.exec(pattern.trim())
  if (!m) return false
  if (m[1] !== undefined && m[1].toLowerCase() !== 'https') return false
  const want = (m[2] ?? '').toLowerCase()
  return want.startsWith('*.') ? host.endsWith(want.slice(1)) : want === host
}

/** The helpers git would ask for https://host, in order, after `helper =` resets (system → global; local per clone). */
export function effectiveHelpers(env: LocalGitEnv, host: string): readonly CredentialHelper[] {
  let list: CredentialHelper[] = []
  for (const h of env.helpers) {
    if (h.scope === 'local' || h.scope === 'worktree') continue
    if (h.urlPattern !== null && !patternMatches(h.urlPattern, host)) continue
    list = h.value.trim() === '' ? [] : [...list, h]
  }
  return list
}

const netrcFor = (env: LocalGitEnv, host: string) =>
  env.netrc.find((n) => n.machine.toLowerCase() === host) ?? env.netrc.find((n) => n.machine === 'default')

const helperShadows = defineRule(
  {
    id: 'local.helper_shadows',
    family: 'local',
    severity: 'warning',
    checks: "credential helpers in the user's git config that answer for the hosts GitKeys uses",
    source: SOURCE,
  },
  (input, emit) => {
    const env = input.ctx.local?.git
    if (!env) return
    const hit = hostsInUse(input).flatMap((h) => effectiveHelpers(env, h.host).map((x) => ({ h, x })))
    if (hit.length === 0) return
    const lines = [
      ...new Set(
        hit.map(
          ({ h, x }) => `${x.value} (${x.scope}${x.urlPattern ? `, ${x.urlPattern}` : ''}) for ${h.host}`,
        ),
      ),
    ]
    emit({
      subject: 'local.git.credential_helper',
      title: 'Your git config has credential helpers for these hosts',
      detail: `Outside GitKeys, plain git asks: ${lines.join('; ')}. Whatever they have stored (maybe another account's token) is used before any prompt. GitKeys resets credential.helper for its own git runs, so they do not affect it.`,
      fixes: [
        {
          label: 'Scope the helper per repository path',
          detail: 'git config --global credential.https://<host>.useHttpPath true',
        },
        {
          label: 'Or remove a stale entry',
          detail: 'git credential reject, then type protocol=https and host=<host>',
        },
      ],
    })
  },
)

const helperPlaintext = defineRule(
  {
    id: 'local.helper_plaintext',
    family: 'local',
    severity: 'warning',
    checks: 'no "store" credential helper (it keeps tokens in plain text in ~/.git-credentials)',
    source: 'git-credential-store(1)',
  },
  (input, emit) => {
    const store = (input.ctx.local?.git?.helpers ?? []).filter((h) => /^store(\s|$)/.test(h.value.trim()))
    if (store.length === 0) return
    emit({
      subject: 'local.git.credential_helper.store',
      title: 'The "store" helper keeps tokens in plain text',
      detail: `credential.helper=store is configured in ${store.map((h) => `${h.origin} (${h.scope})`).join(', ')}; it writes every token git receives to ~/.git-credentials unencrypted.`,
      fixes: [
        {
          label: 'Use the OS keychain helper (manager, osxkeychain, libsecret) and delete ~/.git-credentials',
        },
      ],
    })
  },
)

const envToken = defineRule(
  {
    id: 'local.env_token',
    family: 'local',
    severity: 'info',
    checks: 'token variables (GH_TOKEN, GITLAB_TOKEN …) that tools read for the providers in use',
    source: SOURCE,
  },
  (input, emit) => {
    const env = input.ctx.local?.git
    if (!env) return
    const hosts = hostsInUse(input)
    // A variable the configuration itself reads (`${env:GITHUB_TOKEN}`) is set on purpose.
    const referenced = new Set([
      ...(input.flipt?.envRefs.map((r) => r.name) ?? []),
      ...input.ctx.credentials.flatMap((c) => (c.secret?.kind === 'env' ? [c.secret.name] : [])),
    ])
    for (const t of env.envTokens) {
      const spec = ENV_TOKEN_VARIABLES.find((v) => v.name === t.name)
      if (!spec || t.empty || referenced.has(t.name)) continue
      const host = hosts.find((h) => h.provider === spec.provider)
      if (!host) continue
      const helper = spec.helper
        ? effectiveHelpers(env, host.host).find((x) => spec.helper?.test(x.value))
        : undefined
      const hints = input.ctx.accounts.filter((a) => a.provider === spec.provider).map((a) => a.secret.hint)
      const other = t.analysis !== null && hints.length > 0 && !hints.includes(t.analysis.hint)
      const foreign = t.analysis?.provider && t.analysis.provider !== spec.provider
      emit({
        subject: `local.env.${t.name}`,
        severity: helper || other ? 'warning' : 'info',
        title: `${t.name} is set${t.analysis ? ` (${t.analysis.hint})` : ''}`,
        detail: `${spec.readBy} read${spec.readBy.includes(',') || spec.readBy.includes(' and ') ? '' : 's'} it${
          helper
            ? `, and your credential helper "${helper.value}" hands it to plain git for ${host.host}`
            : '; git itself does not'
        }.${other ? ' It is not the token of any GitKeys account for this provider, so those tools act as someone else.' : ''}${
          foreign ? ` It looks like ${article(t.analysis?.kindLabel ?? 'token')} of another provider.` : ''
        }`,
        fixes: [
          { label: `Unset ${t.name} in your shell profile if you do not need it`, detail: `unset ${t.name}` },
        ],
      })
    }
  },
)

const netrcEntry = defineRule(
  {
    id: 'local.netrc_entry',
    family: 'local',
    severity: 'warning',
    checks: '~/.netrc has no entry for the hosts GitKeys uses (libcurl sends it before any helper)',
    source: SOURCE,
  },
  (input, emit) => {
    const env = input.ctx.local?.git
    if (!env) return
    for (const h of hostsInUse(input)) {
      const n = netrcFor(env, h.host)
      if (!n) continue
      emit({
        subject: `local.netrc.${n.machine}`,
        severity: n.hasPassword ? 'warning' : 'info',
        title: `${n.file} has ${n.machine === 'default' ? 'a default entry' : `an entry for ${n.machine}`}`,
        detail: `git's HTTP layer (libcurl) sends ${n.login ? `login ${quote(n.login, 60)}` : 'this entry'} to ${h.host} before asking any credential helper, including GitKeys' own; a stale or other account's password there means 401s or acting as that account.`,
        fixes: [{ label: `Remove the ${n.machine} entry from ${n.file}` }],
      })
    }
  },
)

const urlCredentials = defineRule(
  {
    id: 'local.url_credentials',
    family: 'local',
    severity: 'error',
    checks: "existing clones' remote URLs carry no credentials for the hosts GitKeys uses",
    source: 'providers.md §6 item 3',
  },
  (input, emit) => {
    const hosts = new Set(hostsInUse(input).map((h) => h.host))
    for (const c of input.ctx.local?.git?.clones ?? []) {
      if (!hosts.has(c.host.replace(/:\d+$/, ''))) continue
      const clean = c.url.replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1')
      emit({
        subject: `local.clone.${c.path}`,
        severity: c.hasPassword ? 'error' : 'warning',
        title: c.hasPassword
          ? 'A clone keeps a password or token in its remote URL'
          : 'A clone has a username in its remote URL',
        detail: `${quote(c.path, 200)} remote "${c.remote}" is ${c.url}. ${
          c.hasPassword
            ? 'The secret sits in plain text in .git/config and is sent before any credential helper.'
            : 'Git sends that username instead of the one the account needs.'
        }`,
        fixes: [
          {
            label: 'Remove it from the URL',
            detail: `git -C "${c.path}" remote set-url ${c.remote} ${clean}`,
          },
          ...(c.hasPassword ? [{ label: 'Revoke that token: it has been stored in plain text' }] : []),
        ],
      })
    }
  },
)

const effective = defineRule(
  {
    id: 'local.effective_credential',
    family: 'local',
    severity: 'info',
    checks: 'which credential a plain `git clone` of each host would really use',
    source: SOURCE,
  },
  (input, emit) => {
    const env = input.ctx.local?.git
    if (!env) return
    for (const h of hostsInUse(input)) {
      const steps: string[] = []
      let winner: string | null = null
      const clones = env.clones.filter((c) => c.host.replace(/:\d+$/, '') === h.host)
      if (clones.length > 0)
        steps.push(
          `credentials in the URL of ${clones.length} existing clone${clones.length === 1 ? '' : 's'} (for those clones only)`,
        )
      const n = netrcFor(env, h.host)
      if (n) {
        steps.push(
          `${n.file} ${n.machine === 'default' ? 'default entry' : `machine ${n.machine}`}${n.login ? ` (login ${n.login})` : ''}`,
        )
        if (n.hasPassword) winner = `the ${n.file} entry`
      }
      effectiveHelpers(env, h.host).forEach((x, i) => {
        const reads = ENV_TOKEN_VARIABLES.filter(
          (v) => v.helper?.test(x.value) && env.envTokens.some((t) => t.name === v.name && !t.empty),
        )
        steps.push(
          `helper ${i + 1}: ${x.value} (${x.scope})${reads.length > 0 ? `, which reads ${reads.map((v) => v.name).join('/')}` : ''}`,
        )
        winner ??=
          reads.length > 0
            ? `${reads[0]?.name ?? ''} through "${x.value}"`
            : `whatever "${x.value}" has stored for ${h.host}`
      })
      steps.push('a prompt (terminal or GIT_ASKPASS)')
      winner ??= 'nothing: git prompts, or fails where prompts are off'
      emit({
        subject: `local.git.effective.${h.host}`,
        title: `Plain git on ${h.host} would use ${winner}`,
        detail: `For \`git clone https://${h.host}/…\` outside GitKeys, git tries in order: ${steps.map((s, i) => `${i + 1}. ${s}`).join('; ')}. GitKeys' own git runs reset every credential.helper and use its broker for the bound account${n ? ', but the .netrc entry still comes first' : ''}.`,
      })
    }
  },
)

/** The local family's rules. */
export const localRules: readonly Rule[] = [
  helperShadows,
  helperPlaintext,
  envToken,
  netrcEntry,
  urlCredentials,
  effective,
]
