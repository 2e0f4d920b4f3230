import type { ReactElement } from 'react'
import { normalizeHost } from '@shared/logic/host'
import { TextField } from '../../../components/field'
import type { LocationProps, ProviderForm } from './provider-form'

function Location({ draft, set, errors }: LocationProps): ReactElement {
  return (
    <TextField
      label="Gitea or Forgejo host"
      value={draft.host}
      onChange={(host) => set({ host })}
      placeholder="git.acme.example or codeberg.org"
      hint="Only the host name. The API is https://HOST/api/v1; for Flipt, GitKeys exports the server root."
      error={errors.host ?? null}
      testId="host-input"
    />
  )
}

/** Gitea and Forgejo (including Codeberg). */
export const giteaForm: ProviderForm = {
  id: 'gitea',
  title: 'Gitea / Forgejo',
  intro:
    'An access token from Settings → Applications (40 hexadecimal characters) with the repository scope. Any git username works with it.',
  initial: () => ({
    provider: 'gitea',
    deployment: 'self_hosted',
    host: '',
    pathPrefix: null,
    username: '',
    tokenKind: 'pat',
    apiUrl: null,
  }),
  Location,
  check: (d) =>
    !normalizeHost(d.host) ? { host: 'Enter your Gitea or Forgejo host, like git.acme.example.' } : {},
}
