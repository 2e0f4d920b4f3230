import type { Signal } from './explain.types'

/** Signals about the way to the server: TLS, DNS and connections, proxies, SSH, and the rest. */
export const TRANSPORT_SIGNALS: readonly Signal[] = [
  {
    id: 'tls.certificate',
    pattern:
      /SSL certificate problem|certificate verify failed|server certificate verification failed|\bx509:|self[- ]signed certificate|unable to get local issuer certificate|certificate has expired|certificate subject name|no alternative certificate subject name|tls: failed to verify certificate|PKIX path building failed|unable to find valid certification path|SEC_E_UNTRUSTED_ROOT|CERT_TRUST_|CRYPT_E_\w+|Peer's certificate|unknown certificate authority|certificate signed by unknown authority/i,
    weights: { tls_certificate: 3.5 },
    source:
      'curl/OpenSSL, Go crypto/x509, Java PKIX: https://github.com/desktop/desktop/issues/4291 ; https://github.com/flipt-io/flipt/issues/2423',
  },
  {
    id: 'tls.schannel_revocation',
    pattern:
      /schannel: .*(?:InitializeSecurityContext|CertGetCertificateChain)|0x8009201[23]|revocation (?:function|server|check)/i,
    weights: { tls_certificate: 3.5, proxy: 0.4 },
    source: 'https://github.com/desktop/desktop/issues/6302',
  },
  {
    id: 'tls.handshake_reset',
    pattern:
      /SSL_connect: Connection was reset|SSL_ERROR_SYSCALL|gnutls_handshake\(\) failed|GnuTLS recv error|TLS handshake timeout|wrong version number/i,
    weights: { network_dns: 2, proxy: 1, tls_certificate: 0.8 },
    source: 'curl TLS transport errors',
  },
  {
    id: 'dns.resolve',
    pattern:
      /Could not resolve host|Could not resolve hostname|Couldn't resolve host|no such host|Name or service not known|nodename nor servname|Temporary failure in name resolution|getaddrinfo|\bENOTFOUND\b|\bEAI_AGAIN\b|dial tcp: lookup/i,
    weights: { network_dns: 3.5, proxy: 0.5 },
    source: 'curl CURLE_COULDNT_RESOLVE_HOST, Go net.DNSError: https://github.com/flipt-io/flipt/pull/4965',
  },
  {
    id: 'url.host_with_userinfo',
    pattern: /Could not resolve host: [^\s'"]*@/i,
    weights: { other: 4, wrong_username: 0.6 },
    source:
      'an "@" left in the host means the URL carries two user parts: https://github.com/swellaby/vsts-mirror-git-repository/issues/108',
  },
  {
    id: 'net.port443_refused',
    pattern: /Failed to connect to \S+ port 443\b.*(?:Connection refused|Couldn't connect to server)/i,
    weights: { network_dns: 1.6, proxy: 1.3 },
    source: 'direct connections refused on proxied networks: https://github.com/desktop/desktop/issues/2746',
  },
  {
    id: 'net.connect',
    pattern:
      /Failed to connect to|Connection refused|Connection timed out|Operation timed out|\bTimed out\b|i\/o timeout|network is unreachable|No route to host|\bECONNREFUSED\b|\bETIMEDOUT\b|\bECONNRESET\b|Connection reset by peer|Connection was reset|Recv failure|Send failure|Empty reply from server|Could not connect to server|connect: connection refused/i,
    weights: { network_dns: 2.4, proxy: 0.6 },
    source: 'curl CURLE_COULDNT_CONNECT / CURLE_OPERATION_TIMEDOUT, ssh connect errors',
  },
  {
    id: 'net.stalled',
    pattern: /Operation too slow|Less than \d+ bytes\/sec transferred|RPC failed; curl 28\b/i,
    weights: { network_dns: 2.4, proxy: 0.5 },
    source:
      "curl CURLE_OPERATION_TIMEDOUT (28) from git's low-speed limit, http.lowSpeedLimit/lowSpeedTime: https://github.com/desktop/desktop/issues/18601 ; curl's wording: https://github.com/msitarzewski/brew-browser/issues/164",
  },
  {
    id: 'net.hung_up',
    pattern:
      /remote end hung up unexpectedly|early EOF|unexpected disconnect while reading sideband packet|RPC failed; curl (?:18|52|55|56|92)\b/i,
    weights: { network_dns: 0.9, other: 0.9 },
    source: 'git http push/fetch transport errors',
  },
  {
    id: 'proxy.connect',
    pattern:
      /Proxy CONNECT aborted|from proxy after CONNECT|CONNECT tunnel failed|Proxy Authentication Required|proxyconnect tcp|Could not resolve proxy|Unable to connect to proxy|Failed to connect to [\w.-]*proxy|Proxy-Authenticate|Failed to receive SOCKS|SOCKS\d? (?:connect|proxy)|Unsupported proxy/i,
    weights: { proxy: 3.5 },
    source:
      'curl proxy errors: https://github.com/desktop/desktop/issues/13330 ; https://github.com/landstrip/landstrip/issues/129',
  },
  {
    id: 'http.407',
    pattern: /\b407\b/,
    weights: { proxy: 2.5 },
    source: 'RFC 9110 §15.5.8',
  },
  {
    id: 'ssh.publickey',
    pattern:
      /Permission denied \(publickey[^)]*\)|no supported authentication methods available|Load key .*: invalid format|sign_and_send_pubkey/i,
    weights: { ssh_instead_of_https: 3.2, repo_not_found_or_no_access: 0.3 },
    source:
      'OpenSSH; GitKeys manages HTTPS tokens, not SSH keys: https://github.com/uwgraphics/relaxed_ik_ros1/issues/2',
  },
  {
    id: 'ssh.host_key',
    pattern:
      /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No \w+ host key is known|Are you sure you want to continue connecting/i,
    weights: { ssh_instead_of_https: 3.2 },
    source: 'OpenSSH known_hosts checks: https://github.com/Inchill/fe-notes/issues/54',
  },
  {
    id: 'ssh.remote_url',
    pattern: /\bgit@[^\s:'"]+:|\bssh:\/\/|\bssh: /i,
    weights: { ssh_instead_of_https: 0.8 },
    source: 'providers.md §6 (SSH URL forms)',
  },
  {
    id: 'ssh.could_not_read',
    pattern: /Could not read from remote repository/i,
    weights: { ssh_instead_of_https: 0.8, repo_not_found_or_no_access: 0.6, network_dns: 0.3 },
    source: 'git connect.c (SSH transport failure)',
  },
  {
    id: 'ssh.connect_failed',
    pattern:
      /ssh: connect to host \S+ port \d+: (?:Connection (?:timed out|refused)|Operation timed out|Network is unreachable)/i,
    weights: { network_dns: 1.5, ssh_instead_of_https: 0.4 },
    source: 'https://github.com/G-Node/gin-cli/issues/321',
  },
  {
    id: 'gogit.invalid_auth_method',
    pattern: /invalid auth method|unsupported credential type|ssh: handshake failed|conflicting SSH users/i,
    weights: { ssh_instead_of_https: 3.2 },
    source: 'https://github.com/flipt-io/flipt/issues/4679 ; flipt-v2.md §2',
  },
  {
    id: 'other.too_large',
    pattern:
      /\b413\b|Request Entity Too Large|GH001: Large files detected|exceeds GitHub's file size limit|this exceeds .* file size limit/i,
    weights: { other: 3 },
    source: 'https://github.com/go-gitea/gitea/issues/32839 (push body over the proxy limit)',
  },
  {
    id: 'other.server_error',
    pattern:
      /\bHTTP (?:code )?50[0234]\b|returned error: 50[0234]|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out/i,
    weights: { other: 1.6, network_dns: 0.6 },
    source: 'RFC 9110 §15.6',
  },
  {
    id: 'other.rejected_history',
    pattern:
      /non-fast-forward|Updates were rejected because|repository already exists|index\.lock|unable to update local ref|not a git repository/i,
    weights: { other: 2.2 },
    source:
      'git push/fetch rejections that are not about credentials; https://github.com/flipt-io/flipt/issues/3710',
  },
  {
    id: 'other.hook_declined',
    pattern: /pre-receive hook declined|\[remote rejected\]/i,
    weights: { other: 0.7, repo_not_found_or_no_access: 0.3 },
    source: 'a server-side hook refused the push; the reason is in the lines before',
  },
]
