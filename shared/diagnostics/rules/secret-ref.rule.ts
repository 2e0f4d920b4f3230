import type { Rule, RuleInput } from './rule.types'
import { defineRule, eachRule, quote, setField } from './rule-kit.logic'

/**
 * Secret-reference family: how Flipt resolves `${env:NAME}` and `${secret:…}` (flipt-v2.md §4):
 * whole-value references only (Flipt's regex), an unset variable becomes "" and then trips the
 * non-empty checks, v1's `${NAME}` is not read, `${secret:file:…}` needs the file provider with a
 * base_path; plus inline secrets in a config file and token credentials with no secret at all.
 */

const SOURCE = 'flipt-v2.md §4 (stringToReferenceHookFunc; secrets providers)'

/** What Flipt says when the secret field of a credential ends up empty. */
function emptyEffect(field: string, credentialId: string): string {
  switch (field) {
    case 'access_token':
      return `Flipt refuses to start: credentials: ${credentialId} credentials: access token non-empty value is required.`
    case 'basic.password':
      return `Flipt refuses to start: credentials: ${credentialId} credentials: basic credentials: both username and password for basic auth non-empty value is required.`
    case 'ssh.password':
      return `Flipt refuses to start: credentials: ${credentialId} credentials: ssh credentials: ssh authentication credentials: password non-empty value is required.`
    default:
      return 'Flipt reads an empty value.'
  }
}

type EnvHit = { readonly subject: string; readonly name: string; readonly effect: string }

/** Every `${env:NAME}` in the given state: from credential secrets and from any other field of the file. */
function envHits(input: RuleInput, state: 'unset' | 'empty'): EnvHit[] {
  const out = new Map<string, EnvHit>()
  for (const s of input.ctx.secrets) {
    if (s.source !== 'env' || s.envState !== state || s.envName === null) continue
    const subject = `credentials.${s.credentialId}.${s.field}`
    out.set(subject, { subject, name: s.envName, effect: emptyEffect(s.field, s.credentialId) })
  }
  for (const r of input.flipt?.envRefs ?? []) {
    if (r.state !== state || out.has(r.subject)) continue
    const m = /^credentials\.([^.]+)\.(.+)$/.exec(r.subject)
    out.set(r.subject, {
      subject: r.subject,
      name: r.name,
      effect: m ? emptyEffect(m[2] ?? '', m[1] ?? '') : 'Flipt uses "" for this field.',
    })
  }
  return [...out.values()]
}

const refUnset = eachRule(
  {
    id: 'env.ref_unset',
    family: 'secret_ref',
    severity: 'error',
    checks: '${env:NAME} references name variables that are set where Flipt runs',
    source: SOURCE,
  },
  (input) => envHits(input, 'unset'),
  (h) => ({
    subject: h.subject,
    title: `\${env:${h.name}} is not set`,
    detail: `Flipt replaces an unset variable with "" (there is no default syntax). ${h.effect}`,
    fixes: [
      {
        label: `Set ${h.name} in Flipt's environment`,
        detail: 'systemd Environment=, docker -e, or a Kubernetes secret.',
      },
    ],
  }),
)

const refEmpty = eachRule(
  {
    id: 'env.ref_empty',
    family: 'secret_ref',
    severity: 'error',
    checks: '${env:NAME} variables are not set to an empty value',
    source: SOURCE,
  },
  (input) => envHits(input, 'empty'),
  (h) => ({
    subject: h.subject,
    title: `\${env:${h.name}} is empty`,
    detail: `The variable is set, but to "". ${h.effect}`,
    fixes: [{ label: `Put the value into ${h.name}` }],
  }),
)

const refNotWhole = eachRule(
  {
    id: 'env.ref_not_whole',
    family: 'secret_ref',
    severity: 'error',
    checks: '${env:…} is the whole value (Flipt does not interpolate inside text)',
    source: SOURCE,
  },
  (input) => input.flipt?.partialEnvRefs ?? [],
  (p) => ({
    subject: p.subject,
    title: `\${env:${p.name}} is inside a longer value`,
    detail: `Flipt only replaces a value that is exactly \${env:NAME}; here the text "\${env:${p.name}}" is used literally. Put the whole value into the variable.`,
    fixes: [
      setField(
        `Use \${env:${p.name}} alone`,
        p.subject,
        `\${env:${p.name}}`,
        `and set ${p.name} to the full value`,
      ),
    ],
  }),
)

const v1Syntax = eachRule(
  {
    id: 'env.v1_syntax',
    family: 'secret_ref',
    severity: 'error',
    checks: 'no v1-style ${NAME} references (v2 needs ${env:NAME})',
    source: 'flipt-v2.md §4 (docs/v2/configuration/overview.mdx)',
  },
  (input) => input.flipt?.v1EnvRefs ?? [],
  (v) => ({
    subject: v.subject,
    title: `\${${v.name}} is Flipt v1 syntax`,
    detail: `Flipt v2 does not expand \${${v.name}}; it uses the text as it is. Write \${env:${v.name}}.`,
    fixes: [setField(`Use \${env:${v.name}}`, v.subject, `\${env:${v.name}}`)],
  }),
)

const secretMalformed = eachRule(
  {
    id: 'secret.ref_malformed',
    family: 'secret_ref',
    severity: 'error',
    checks: '${secret:…} references have the provider:key form Flipt resolves',
    source: SOURCE,
  },
  (input) => input.flipt?.malformedSecretRefs ?? [],
  (m) => ({
    subject: m.subject,
    title: 'The secret reference cannot be resolved',
    detail: `${m.why}. Write \${secret:<provider>:<key>}, e.g. \${secret:file:github-token}; dots are not allowed.`,
  }),
)

const fileProviderDisabled = defineRule(
  {
    id: 'secret.file_provider_disabled',
    family: 'secret_ref',
    severity: 'error',
    checks: '${secret:file:…} references have secrets.providers.file enabled with a base_path',
    source: 'flipt-v2.md §1.5 and §4 (base_path default is not applied)',
  },
  (input, emit) => {
    const f = input.flipt
    if (
      !f ||
      f.fileSecretRefs.length === 0 ||
      (f.secretsFileProvider.enabled && f.secretsFileProvider.basePath)
    )
      return
    const why = f.secretsFileProvider.enabled
      ? 'secrets.providers.file has no base_path, and Flipt does not apply its documented default: it fails with "secrets.providers.file: base_path non-empty value is required"'
      : 'secrets.providers.file is not enabled, so these references are never resolved'
    emit({
      subject: 'secrets.providers.file',
      title: '${secret:file:…} references need the file secrets provider',
      detail: `${f.fileSecretRefs.map((r) => r.subject).join(', ')} use the file provider, but ${why}.`,
      fixes: [setField('Set base_path', 'secrets.providers.file.base_path', '/etc/flipt/secrets')],
    })
  },
)

const inline = eachRule(
  {
    id: 'secret.inline',
    family: 'secret_ref',
    severity: 'warning',
    checks: 'no secret is written inline in the config file',
    source: 'flipt-v2.md §6.4 (use ${env:VAR} or ${secret:file:name})',
  },
  (input) => input.ctx.secrets,
  (s) => {
    if (s.source !== 'pending') return null
    const subject = `credentials.${s.credentialId}.${s.field}`
    return {
      subject,
      title: 'A secret is written in the config file',
      detail: `${s.analysis?.hint ?? 'The value'} sits in plain text in the file, in every copy and backup of it. Reference it instead.`,
      fixes: [
        setField(
          'Use an environment variable',
          subject,
          `\${env:FLIPT_${s.credentialId.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_TOKEN}`,
        ),
      ],
    }
  },
)

const missing = eachRule(
  {
    id: 'secret.missing',
    family: 'secret_ref',
    severity: 'error',
    checks: 'token credentials carry a secret (or a reference to one)',
    source: 'flipt-v2.md §1.2',
  },
  (input) => input.ctx.credentials,
  (c) => {
    const needs = c.type === 'access_token' || (c.type === 'basic' && (c.username ?? '') !== '')
    if (!needs || c.secret !== null || c.accountId !== null) return null
    const field = c.type === 'access_token' ? 'access_token' : 'basic.password'
    return {
      subject: `credentials.${c.id}.${field}`,
      title: 'The credential has no secret',
      detail: `${quote(c.id)} is of type ${c.type} but ${field} is empty. ${emptyEffect(field, c.id)}`,
      fixes: [{ label: 'Bind an account, or reference the token with ${env:NAME}' }],
    }
  },
)

/** The secret-reference family's rules. */
export const secretRefRules: readonly Rule[] = [
  refUnset,
  refEmpty,
  refNotWhole,
  v1Syntax,
  secretMalformed,
  fileProviderDisabled,
  inline,
  missing,
]
