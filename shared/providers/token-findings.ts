import type { Finding, Fix, Severity } from '../domain/finding'
import type { TokenRepair } from './token-input'

/**
 * The findings token analysis can emit: stable ids, severities and the words people read. Ids are
 * part of GitKeys' contract with diagnostics and the UI (ARCHITECTURE.md §6); never reuse one.
 */

/** Every token finding id. */
export type TokenFindingId =
  | 'token.empty'
  | 'token.too_long'
  | 'token.control_chars'
  | 'token.inner_space'
  | 'token.non_ascii'
  | 'token.whitespace'
  | 'token.quoted'
  | 'token.bearer_prefix'
  | 'token.url_pasted'
  | 'token.escaped_equals'
  | 'token.malformed'
  | 'token.checksum_invalid'
  | 'token.checksum_unconfirmed'
  | 'token.format_ok'
  | 'token.not_git_credential'
  | 'token.wrong_provider'
  | 'token.kind_mismatch'
  | 'token.kind_removed'
  | 'token.kind_brownout'
  | 'token.kind_deprecated'
  | 'token.expired'
  | 'token.ambiguous'
  | 'token.format_unknown'
  | 'token.legacy_format'

/** The subject token findings are about (Finding.subject). */
export const TOKEN_SUBJECT = 'account.token'

/** Builds a token finding. */
export function tokenFinding(
  id: TokenFindingId,
  severity: Severity,
  title: string,
  detail: string,
  fixes: readonly Fix[] = [],
): Finding {
  return { id, severity, subject: TOKEN_SUBJECT, title, detail, fixes: [...fixes] }
}

/** The finding that reports one input repair. */
export function repairFinding(repair: TokenRepair): Finding {
  switch (repair) {
    case 'trimmed_whitespace':
      return tokenFinding(
        'token.whitespace',
        'warning',
        'Spaces or line breaks around the token were removed',
        'Copying often picks up a trailing newline or space; GitKeys uses the token without them.',
      )
    case 'removed_quotes':
      return tokenFinding(
        'token.quoted',
        'warning',
        'Quotes around the token were removed',
        'The token was pasted with quotes (from a config file or a shell command); they are not part of it.',
      )
    case 'removed_header_name':
    case 'removed_auth_scheme':
    case 'decoded_basic_auth':
      return tokenFinding(
        'token.bearer_prefix',
        'warning',
        'An Authorization header prefix was removed',
        'The paste contained "Authorization:", "Bearer", "token" or a Basic header; GitKeys keeps only the token itself.',
      )
    case 'extracted_from_url':
      return tokenFinding(
        'token.url_pasted',
        'warning',
        'The token was taken out of a pasted URL',
        'A URL with the token in it was pasted. If that URL is saved in a git remote or a script, remove the token from it: it is stored there in plain text.',
      )
    case 'unescaped_equals':
      return tokenFinding(
        'token.escaped_equals',
        'info',
        'An escaped "=" was restored',
        'The "=" of the Atlassian token was written as %3D or \\=; GitKeys stores the plain character.',
      )
  }
}
