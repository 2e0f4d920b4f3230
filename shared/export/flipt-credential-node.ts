import { Scalar, type Document, type Node, type YAMLMap } from 'yaml'
import type { Finding } from '../domain/finding'
import { exportFinding } from './finding-builder'
import type { PlannedCredential } from './flipt-plan'
import type { SecretSink } from './flipt-secret-sink'
import { map, mergeExtra, str, withComment } from './yaml-nodes'

/**
 * One `credentials.<id>` entry (flipt-v2.md §1.2): `basic`, `access_token`, `ssh` or `github_app`,
 * with secrets written through the sink (references unless inline was chosen) and the keys GitKeys
 * does not model merged back.
 */
export function credentialNode(
  doc: Document,
  planned: PlannedCredential,
  sink: SecretSink,
  hosts: readonly string[],
  findings: Finding[],
): YAMLMap<Scalar<string>, Node> {
  const c = planned.credential
  const at = (field: string): string => `credentials.${c.id}.${field}`
  const secret = (ref: Parameters<SecretSink['render']>[0], field: string): string | null =>
    sink.render(ref, c, field, hosts)
  const missing = (field: string, why: string): void => {
    findings.push(exportFinding('export.secret_missing', 'error', at(field), 'Secret missing', why))
  }
  const node = map([['type', withComment(str(c.type), planned.advice?.comment ?? null)]])
  switch (c.type) {
    case 'basic': {
      const username = c.username ?? ''
      const password = secret(c.secret, 'basic.password')
      if (password === null && username !== '')
        missing('basic.password', 'Flipt needs both username and password for basic auth.')
      if (username === '' && password !== null)
        missing('basic.username', 'Flipt needs both username and password for basic auth.')
      node.items.push(
        ...map([
          [
            'basic',
            map([
              ['username', username],
              ['password', password ?? ''],
            ]),
          ],
        ]).items,
      )
      break
    }
    case 'access_token': {
      const token = secret(c.secret, 'access_token')
      if (token === null) missing('access_token', 'Flipt refuses an empty access token.')
      node.items.push(...map([['access_token', token ?? '']]).items)
      break
    }
    case 'ssh': {
      const ssh = c.ssh
      const password = ssh ? secret(ssh.password, 'ssh.password') : null
      const keyBytes = ssh ? secret(ssh.privateKeyBytes, 'ssh.private_key_bytes') : null
      if (password === null)
        missing(
          'ssh.password',
          'Flipt requires ssh.password even for unencrypted keys; any placeholder works there.',
        )
      if (((ssh?.privateKeyPath ?? null) !== null) === (keyBytes !== null))
        findings.push(
          exportFinding(
            'export.ssh_key',
            'error',
            at('ssh'),
            'Give exactly one SSH key',
            'Flipt needs exactly one of private_key_path and private_key_bytes.',
          ),
        )
      const block = map([
        ['user', ssh?.user ?? null],
        ['password', password ?? ''],
        ['private_key_path', ssh?.privateKeyPath ?? null],
        ['private_key_bytes', keyBytes],
        ['insecure_ignore_host_key', ssh?.insecureIgnoreHostKey === true ? true : null],
      ])
      node.items.push(...map([['ssh', block]]).items)
      break
    }
    case 'github_app': {
      const app = c.githubApp
      const keyBytes = app ? secret(app.privateKeyBytes, 'github_app.private_key_bytes') : null
      const installation = app?.installationId ?? ''
      if (((app?.privateKeyPath ?? null) !== null) === (keyBytes !== null))
        findings.push(
          exportFinding(
            'export.github_app_key',
            'error',
            at('github_app'),
            'Give exactly one private key',
            'Flipt needs exactly one of private_key_path and private_key_bytes.',
          ),
        )
      const block = map([
        ['client_id', app?.clientId ?? ''],
        [
          'installation_id',
          /^[1-9][0-9]{0,14}$/.test(installation) ? new Scalar(Number(installation)) : installation,
        ],
        ['private_key_path', app?.privateKeyPath ?? null],
        ['private_key_bytes', keyBytes],
        ['api_url', app?.apiUrl ?? null],
      ])
      node.items.push(...map([['github_app', block]]).items)
      break
    }
  }
  for (const w of planned.advice?.warnings ?? [])
    findings.push(exportFinding(w.id, 'warning', `credentials.${c.id}`, w.title, w.detail))
  if (c.extra) mergeExtra(doc, node, c.extra)
  return node
}
