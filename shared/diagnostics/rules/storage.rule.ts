import { isLoopbackHost } from '../../logic/host'
import { parseDuration } from '../../logic/duration'
import { parseGoDuration } from '../../export/flipt-values'
import type { Rule, RuleInput } from './rule.types'
import {
  defineRule,
  eachRule,
  openScreen,
  quote,
  repositories,
  setField,
  undefinedCredentialHint,
} from './rule-kit.logic'

/**
 * Storage family: the transport settings of `storage.<id>` (flipt-v2.md §1.3, §2): poll interval
 * (a Go duration with a unit, at least one second), CA certificate (one of path or bytes, readable
 * PEM), `insecure_skip_tls`, and whether git has any credential at all.
 */

const SOURCE = 'flipt-v2.md §1.3 and §2'
const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/

/** Flipt's default poll interval, offered wherever the written one cannot stand. */
const use30s = (subject: string) => setField('Use "30s"', subject, '30s')

const pollNoUnit = eachRule(
  {
    id: 'storage.poll_interval_no_unit',
    family: 'storage',
    severity: 'error',
    checks: 'poll_interval is written with a unit (a bare YAML number is read as nanoseconds)',
    source: 'flipt-v2.md §1.1 (StringToTimeDurationHookFunc)',
  },
  (input) => input.flipt?.bareDurations ?? [],
  (b) => {
    const subject = `storage.${b.storageId}.poll_interval`
    return {
      subject,
      title: `poll_interval: ${b.value} has no unit`,
      detail: `Flipt reads a bare number as nanoseconds (${b.value}ns), which fails its at-least-one-second rule. Write a quoted duration with a unit.`,
      fixes: [
        setField(`Use "${b.value}s"`, subject, `${b.value}s`),
        ...(b.value === '30' ? [] : [setField('Use "30s" (Flipt\'s default)', subject, '30s')]),
      ],
    }
  },
)

const pollInvalid = eachRule(
  {
    id: 'storage.poll_interval_invalid',
    family: 'storage',
    severity: 'error',
    checks: 'poll_interval is a duration Flipt and its JSON schema accept (30s, 1m, 1h30m)',
    source: 'flipt.schema.json poll_interval pattern; Go time.ParseDuration',
  },
  repositories,
  (r, input) => {
    // A bare number is reported by storage.poll_interval_no_unit instead.
    if (input.flipt?.bareDurations.some((b) => b.storageId === r.id) || parseDuration(r.pollInterval).ok)
      return null
    const go = parseGoDuration(r.pollInterval)
    const subject = `storage.${r.id}.poll_interval`
    return {
      subject,
      severity: go.ok ? 'warning' : 'error',
      title: `${quote(r.pollInterval, 40)} is not a duration Flipt's schema accepts`,
      detail: go.ok
        ? 'Flipt itself parses it, but its JSON schema only allows whole numbers with a unit (ns, us, ms, s, m, h); editors and validators will flag it.'
        : `Flipt refuses to start: ${go.error}. Use whole numbers with a unit, e.g. 30s, 1m, 1h30m.`,
      fixes: [use30s(subject)],
    }
  },
)

const pollTooShort = eachRule(
  {
    id: 'storage.poll_interval_too_short',
    family: 'storage',
    severity: 'error',
    checks: 'poll_interval is at least one second',
    source: SOURCE,
  },
  repositories,
  (r) => {
    const ns = parseDuration(r.pollInterval)
    if (!ns.ok || ns.value >= 1_000_000_000n) return null
    const subject = `storage.${r.id}.poll_interval`
    return {
      subject,
      title: 'poll_interval is shorter than one second',
      detail: `Flipt refuses to start: storage: ${r.id} storage: poll_interval poll interval must be at least 1 second.`,
      fixes: [use30s(subject)],
    }
  },
)

const caBoth = eachRule(
  {
    id: 'storage.ca_both',
    family: 'storage',
    severity: 'error',
    checks: 'only one of ca_cert_path and ca_cert_bytes is set',
    source: SOURCE,
  },
  repositories,
  (r) =>
    r.caCertPath && r.caCertPem
      ? {
          subject: `storage.${r.id}.ca_cert_path`,
          title: 'Both ca_cert_path and ca_cert_bytes are set',
          detail: `Flipt refuses to start: storage: ${r.id} storage: ca_cert please provide only one of ca_cert_path or ca_cert_bytes.`,
          fixes: [{ label: 'Keep the file path and remove ca_cert_bytes (or the other way round)' }],
        }
      : null,
)

const caPemInvalid = eachRule(
  {
    id: 'storage.ca_pem_invalid',
    family: 'storage',
    severity: 'error',
    checks: 'ca_cert_bytes holds a PEM certificate',
    source: 'flipt-v2.md §1.3 (ca_cert_bytes: PEM text)',
  },
  repositories,
  (r) =>
    r.caCertPem && !PEM.test(r.caCertPem)
      ? {
          subject: `storage.${r.id}.ca_cert_bytes`,
          title: 'ca_cert_bytes is not a PEM certificate',
          detail:
            'It must contain -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----; TLS to the git host will fail with an unknown authority.',
        }
      : null,
)

/** The CA certificate files the local checks read. */
const caCerts = (input: RuleInput) => input.ctx.local?.caCerts ?? []

const caUnreadable = eachRule(
  {
    id: 'storage.ca_unreadable',
    family: 'storage',
    severity: 'error',
    checks: 'the ca_cert_path file exists and can be read',
    source: 'flipt-v2.md §1.3 (the file is read at startup)',
  },
  caCerts,
  (c) =>
    c.readable
      ? null
      : {
          subject: `storage.${c.repositoryId}.ca_cert_path`,
          title: 'The CA certificate file cannot be read',
          detail: `${quote(c.path, 200)} does not exist or is not readable here; Flipt reads it at startup and fails.`,
        },
)

const caNotPem = eachRule(
  {
    id: 'storage.ca_not_pem',
    family: 'storage',
    severity: 'error',
    checks: 'the ca_cert_path file is a PEM certificate (not DER, not a key)',
    source: 'flipt-v2.md §1.3',
  },
  caCerts,
  (c) =>
    !c.readable || c.isPem
      ? null
      : {
          subject: `storage.${c.repositoryId}.ca_cert_path`,
          title: 'The CA certificate file is not PEM',
          detail: `${quote(c.path, 200)} holds no -----BEGIN CERTIFICATE----- block (a DER .cer file or a key?). Convert it: openssl x509 -inform der -in cert.cer -out cert.pem.`,
        },
)

const insecureSkipTls = eachRule(
  {
    id: 'storage.insecure_skip_tls',
    family: 'storage',
    severity: 'warning',
    checks: 'TLS verification stays on (insecure_skip_tls: false)',
    source: 'flipt-v2.md §3.1; security.md',
  },
  repositories,
  (r) => {
    if (!r.insecureSkipTls) return null
    const subject = `storage.${r.id}.insecure_skip_tls`
    return {
      subject,
      title: 'TLS verification is off',
      detail:
        "Anyone on the network path can impersonate the git host and read the token. Give the server's CA with ca_cert_path instead.",
      fixes: [setField('Turn TLS verification back on', subject, 'false')],
    }
  },
)

const noCredentials = eachRule(
  {
    id: 'storage.no_credentials',
    family: 'storage',
    severity: 'warning',
    checks: 'an https storage on a Git host has credentials (Flipt pushes; anonymous access cannot)',
    source: 'flipt-v2.md §1.3 (credentials), §3.1',
  },
  repositories,
  (r, input) => {
    const view = input.remoteOf(r.id)
    if (view.transport !== 'https' || view.host === null || isLoopbackHost(view.host)) return null
    if (r.credentialId !== null || r.accountId !== null) return null
    // A reference that does not resolve is reported by storage.credential_undefined instead.
    if (input.flipt?.references.some((x) => x.subject === `storage.${r.id}.credentials`)) return null
    return {
      subject: `storage.${r.id}.credentials`,
      title: 'The storage has no credentials',
      detail: `Git will reach ${view.host} anonymously: private repositories cannot be fetched and Flipt cannot push flag changes to any.`,
      fixes: [openScreen('Bind an account', 'repository', r.id)],
    }
  },
)

const credentialUndefined = defineRule(
  {
    id: 'storage.credential_undefined',
    family: 'storage',
    severity: 'error',
    checks: 'storage.credentials names a defined credential',
    source: 'flipt-v2.md §2 "Not validated at load time" (credential "<name>" not found)',
  },
  (input, emit) => {
    const seen = new Set<string>()
    const report = (subject: string, written: string): void => {
      if (seen.has(subject)) return
      seen.add(subject)
      const hint = undefinedCredentialHint(input, written, subject)
      emit({
        subject,
        title: `credentials: "${written}" is not defined`,
        detail: `Flipt loads the config but fails at startup with credential "${written}" not found.${hint.note}`,
        fixes: hint.fixes,
      })
    }
    for (const ref of input.flipt?.references ?? [])
      if (ref.target === 'credentials' && ref.subject.startsWith('storage.') && ref.resolvedId === null)
        report(ref.subject, ref.written)
    for (const r of input.ctx.repositories)
      if (r.credentialId !== null && !input.credentialById.has(r.credentialId))
        report(`storage.${r.id}.credentials`, r.credentialId)
  },
)

/** The storage family's rules. */
export const storageRules: readonly Rule[] = [
  pollNoUnit,
  pollInvalid,
  pollTooShort,
  caBoth,
  caPemInvalid,
  caUnreadable,
  caNotPem,
  insecureSkipTls,
  noCredentials,
  credentialUndefined,
]
