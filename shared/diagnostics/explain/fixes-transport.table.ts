import type { FixSet } from './explain.types'
import { LINKS, adviceFix, openFix } from './provider-links.table'

/** Fixes when the connection fails before credentials matter, or when it is not an auth problem. */
export const TRANSPORT_FIXES = {
  tls_certificate: {
    generic: [
      openFix(
        'Trust the CA that signed the certificate',
        'Add the company or private CA to git’s bundle (http.sslCAInfo) or, on Windows, use the system store (http.sslBackend=schannel). Do not turn verification off.',
        LINKS.gitSslCaInfo,
      ),
      openFix(
        'Revocation check failures on Windows',
        'If the message mentions revocation (0x80092012/0x80092013), a filtering network blocks the check; http.schannelCheckRevoke=false is the documented workaround.',
        LINKS.gitSchannelRevoke,
      ),
    ],
    byProvider: {},
  },
  network_dns: {
    generic: [
      adviceFix(
        'Check the network path to the host',
        'Try the host in a browser, check VPN and DNS settings, and whether a firewall blocks port 443 (HTTPS) or 22/7999 (SSH).',
      ),
    ],
    byProvider: {},
  },
  proxy: {
    generic: [
      openFix(
        'Configure the proxy for git',
        'Set http.proxy to the proxy URL (http://user:password@proxy:port when it requires authentication), or unset a stale proxy setting.',
        LINKS.gitProxy,
      ),
      adviceFix(
        'Ask for the proxy details',
        'Proxy host, port and whether it needs credentials come from whoever runs the network.',
      ),
    ],
    byProvider: {},
  },
  ssh_instead_of_https: {
    generic: [
      adviceFix(
        'Switch the remote (and submodules) to HTTPS',
        'Use `git remote set-url origin https://…` and HTTPS URLs in .gitmodules so the token GitKeys stores is used; or set up an SSH key and known_hosts.',
      ),
    ],
    byProvider: {
      github: [
        adviceFix(
          'Switch the remote (and submodules) to HTTPS',
          'Use https://github.com/{owner}/{repo}.git so the GitHub token is used, or add an SSH key to your account.',
        ),
        openFix(
          'GitHub SSH troubleshooting',
          'Permission denied (publickey) and host key problems.',
          LINKS.githubSshTroubleshooting,
        ),
      ],
    },
  },
  other: {
    generic: [
      adviceFix(
        'Read the full output',
        'The lines shown are not a credential or connection failure GitKeys knows; the cause is usually in the server or repository state.',
      ),
      openFix(
        'Large pushes (HTTP 413)',
        'When a proxy limits request size, push in smaller parts or raise the server limit; http.postBuffer only changes chunking.',
        LINKS.gitPostBuffer,
      ),
    ],
    byProvider: {},
  },
} as const satisfies Readonly<Record<string, FixSet>>
