import type { Repository } from '@shared/domain/repository'
import type { RuleCase } from './rule-fixtures'
import { ctx, flipt, healthy, local, repository } from './rule-fixtures'

/** Storage cases: poll interval, CA certificate, TLS, credentials. */

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ==\n-----END CERTIFICATE-----\n'
const storage = (over: Partial<Repository>) =>
  ctx({
    ...healthy(),
    repositories: [
      repository({ id: 'flags', remote: 'https://github.com/acme/flags.git', accountId: 'gh', ...over }),
    ],
  })
const ca = (readable: boolean, isPem: boolean) => ({
  ...storage({ caCertPath: '/etc/flipt/ca.pem' }),
  local: local({ caCerts: [{ repositoryId: 'flags', path: '/etc/flipt/ca.pem', readable, isPem }] }),
})

/** The storage family's cases. */
export const storageCases: readonly RuleCase[] = [
  {
    rule: 'storage.poll_interval_no_unit',
    name: 'poll_interval: 30 in the file',
    expect: 'fail',
    subject: 'storage.flags.poll_interval',
    ctx: {
      ...storage({ pollInterval: '30' }),
      flipt: flipt({ bareDurations: [{ storageId: 'flags', value: '30' }] }),
    },
  },
  {
    rule: 'storage.poll_interval_no_unit',
    name: 'poll_interval: "30s"',
    expect: 'pass',
    ctx: { ...storage({ pollInterval: '30s' }), flipt: flipt({}) },
  },
  {
    rule: 'storage.poll_interval_invalid',
    name: '"30 seconds"',
    expect: 'fail',
    subject: 'storage.flags.poll_interval',
    ctx: storage({ pollInterval: '30 seconds' }),
  },
  {
    rule: 'storage.poll_interval_invalid',
    name: '"1.5m" (Go accepts, the schema does not)',
    expect: 'fail',
    ctx: storage({ pollInterval: '1.5m' }),
  },
  {
    rule: 'storage.poll_interval_invalid',
    name: '"1h30m"',
    expect: 'pass',
    ctx: storage({ pollInterval: '1h30m' }),
  },
  {
    rule: 'storage.poll_interval_too_short',
    name: '"500ms"',
    expect: 'fail',
    subject: 'storage.flags.poll_interval',
    ctx: storage({ pollInterval: '500ms' }),
  },
  {
    rule: 'storage.poll_interval_too_short',
    name: '"1s"',
    expect: 'pass',
    ctx: storage({ pollInterval: '1s' }),
  },
  {
    rule: 'storage.ca_both',
    name: 'a path and PEM bytes',
    expect: 'fail',
    subject: 'storage.flags.ca_cert_path',
    ctx: storage({ caCertPath: '/etc/ca.pem', caCertPem: PEM }),
  },
  {
    rule: 'storage.ca_both',
    name: 'a path only',
    expect: 'pass',
    ctx: storage({ caCertPath: '/etc/ca.pem' }),
  },
  {
    rule: 'storage.ca_pem_invalid',
    name: 'bytes that are not PEM',
    expect: 'fail',
    subject: 'storage.flags.ca_cert_bytes',
    ctx: storage({ caCertPem: 'MIIBszCCAVmgAwIBAgIU' }),
  },
  { rule: 'storage.ca_pem_invalid', name: 'PEM bytes', expect: 'pass', ctx: storage({ caCertPem: PEM }) },
  {
    rule: 'storage.ca_unreadable',
    name: 'a missing CA file',
    expect: 'fail',
    subject: 'storage.flags.ca_cert_path',
    ctx: ca(false, false),
  },
  { rule: 'storage.ca_unreadable', name: 'a readable CA file', expect: 'pass', ctx: ca(true, true) },
  {
    rule: 'storage.ca_not_pem',
    name: 'a DER CA file',
    expect: 'fail',
    subject: 'storage.flags.ca_cert_path',
    ctx: ca(true, false),
  },
  { rule: 'storage.ca_not_pem', name: 'a PEM CA file', expect: 'pass', ctx: ca(true, true) },
  {
    rule: 'storage.insecure_skip_tls',
    name: 'TLS verification off',
    expect: 'fail',
    subject: 'storage.flags.insecure_skip_tls',
    ctx: storage({ insecureSkipTls: true }),
  },
  { rule: 'storage.insecure_skip_tls', name: 'TLS verification on', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'storage.no_credentials',
    name: 'an https storage with neither account nor credential',
    expect: 'fail',
    subject: 'storage.flags.credentials',
    ctx: storage({ accountId: null }),
  },
  {
    rule: 'storage.no_credentials',
    name: 'a loopback mirror without credentials',
    expect: 'pass',
    ctx: ctx({ repositories: [repository({ id: 'flags', remote: 'http://127.0.0.1:9000/acme/flags.git' })] }),
  },
  { rule: 'storage.no_credentials', name: 'a bound account', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'storage.credential_undefined',
    name: 'credentials: ghost',
    expect: 'fail',
    subject: 'storage.flags.credentials',
    ctx: storage({ accountId: null, credentialId: 'ghost' }),
  },
  {
    rule: 'storage.credential_undefined',
    name: 'credentials: GitHub in a file (ids are lowercased, references are not)',
    expect: 'fail',
    subject: 'storage.flags.credentials',
    ctx: {
      ...storage({ accountId: null }),
      flipt: flipt({
        references: [
          {
            subject: 'storage.flags.credentials',
            target: 'credentials',
            written: 'GitHub',
            resolvedId: null,
          },
        ],
      }),
    },
  },
  {
    rule: 'storage.credential_undefined',
    name: 'no credentials reference',
    expect: 'pass',
    ctx: ctx(healthy()),
  },
]
