import type { ReactElement } from 'react'
import type { ProviderId } from '@shared/domain/provider'
import { tokenKind } from '@shared/providers/catalog'
import { gitUsernameFor } from '@shared/providers/git-username'
import { TextField } from '../../components/field'
import { Banner } from '../../components/status'

/**
 * The git username, shaped by the token kind's rule (providers.md §2): fixed values are shown, not
 * asked; required usernames are asked with the provider's caveats; Bearer-only kinds are explained.
 */
export function UsernameField({
  provider,
  kind,
  value,
  onChange,
  error,
}: {
  provider: ProviderId
  kind: string
  value: string
  onChange: (v: string) => void
  error?: string | null
}): ReactElement {
  const rule = tokenKind(provider, kind)?.username
  const chosen = gitUsernameFor({ provider, tokenKind: kind, username: value })
  if (rule?.kind === 'fixed')
    return (
      <div className="field" data-testid="username-fixed">
        <span className="label">Git username</span>
        <div className="row">
          <code>{rule.value}</code>
          <span className="muted small">{rule.note}</span>
        </div>
      </div>
    )
  if (rule?.kind === 'bearer_only')
    return (
      <Banner tone="warning" title="Bearer-only token" testId="username-bearer">
        {rule.note} git can send it only as an extra header that every process git starts could read, so
        GitKeys will not use it for git. Use a personal HTTP access token for git; this one can still serve
        the Bitbucket API.
      </Banner>
    )
  const required = rule?.kind === 'account_username'
  return (
    <TextField
      label={required ? 'Username' : 'Username (optional)'}
      value={value}
      onChange={onChange}
      placeholder={required ? 'your Bitbucket username, not your email' : 'your login'}
      hint={chosen.warning ?? chosen.explanation}
      error={error ?? null}
      testId="username-input"
    />
  )
}
