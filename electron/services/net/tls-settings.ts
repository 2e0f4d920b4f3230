import { readFile } from 'node:fs/promises'
import { rootCertificates } from 'node:tls'

/** Per-host TLS settings: a custom CA bundle (PEM text or a file) and the explicit "skip verification". */
export type TlsSettings = {
  readonly caCertPem?: string | null
  readonly caCertPath?: string | null
  /** Turns certificate verification off for this host; every response says so (`insecure: true`). */
  readonly insecureSkipTls?: boolean
}

/** What `tls.connect` gets: the trust store (undefined = Node's default) and whether to verify. */
export type TlsTrust = { readonly ca: string[] | undefined; readonly rejectUnauthorized: boolean }

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** The PEM certificates in a text; an error message when there are none. */
export function pemCertificates(text: string, where: string): string[] | { readonly error: string } {
  const certs = text.match(PEM) ?? []
  return certs.length > 0 ? certs : { error: `${where} holds no PEM certificate` }
}

/**
 * Builds the trust store for a host: Node's bundled roots, the certificates of NODE_EXTRA_CA_CERTS
 * (which a custom `ca` would otherwise drop) and the host's own bundle. Without a custom bundle,
 * Node's default store is used unchanged.
 */
export async function trustFor(
  settings: TlsSettings | undefined,
  env: NodeJS.ProcessEnv,
): Promise<TlsTrust | { readonly error: string }> {
  const rejectUnauthorized = settings?.insecureSkipTls !== true
  const custom: string[] = []
  if (settings?.caCertPem) {
    const certs = pemCertificates(settings.caCertPem, 'the CA bundle')
    if ('error' in certs) return certs
    custom.push(...certs)
  }
  if (settings?.caCertPath) {
    let text: string
    try {
      text = await readFile(settings.caCertPath, 'utf8')
    } catch (e: unknown) {
      const code = (e as { code?: string }).code ?? 'unreadable'
      return { error: `the CA bundle ${settings.caCertPath} cannot be read (${code})` }
    }
    const certs = pemCertificates(text, `the CA bundle ${settings.caCertPath}`)
    if ('error' in certs) return certs
    custom.push(...certs)
  }
  if (custom.length === 0) return { ca: undefined, rejectUnauthorized }
  const extra: string[] = []
  const extraPath = env.NODE_EXTRA_CA_CERTS
  if (extraPath) {
    const text = await readFile(extraPath, 'utf8').catch(() => '')
    extra.push(...(text.match(PEM) ?? []))
  }
  return { ca: [...rootCertificates, ...extra, ...custom], rejectUnauthorized }
}
