import type { ReactElement } from 'react'
import { normalizeHost } from '@shared/logic/host'
import { TextField } from '../../../components/field'
import { DeploymentSwitch } from './deployment-switch'
import type { LocationProps, ProviderForm } from './provider-form'

function Location({ draft, set, errors, editing }: LocationProps): ReactElement {
  return (
    <>
      <DeploymentSwitch
        value={draft.deployment}
        cloud="GitHub.com"
        selfHosted="GitHub Enterprise Server"
        disabled={editing}
        onChange={(d) =>
          set(
            d === 'cloud'
              ? { deployment: d, host: 'github.com', tokenKind: 'classic_pat' }
              : { deployment: d, host: '' },
          )
        }
      />
      {draft.deployment === 'self_hosted' ? (
        <TextField
          label="Enterprise Server host"
          value={draft.host}
          onChange={(host) => set({ host })}
          placeholder="github.acme.example"
          hint="Only the host name. GitKeys uses https://HOST/api/v3 for the API."
          error={errors.host ?? null}
          testId="host-input"
        />
      ) : null}
    </>
  )
}

/** GitHub.com and GitHub Enterprise Server. */
export const githubForm: ProviderForm = {
  id: 'github',
  title: 'GitHub',
  intro:
    'Use a fine-grained personal access token where you can (per repository, Contents read/write), or a classic token with the repo scope. Password authentication for git was removed on 2021-08-13.',
  initial: (deployment) => ({
    provider: 'github',
    deployment,
    host: deployment === 'cloud' ? 'github.com' : '',
    pathPrefix: null,
    username: '',
    tokenKind: 'fine_grained_pat',
    apiUrl: null,
  }),
  Location,
  check: (d) =>
    d.deployment === 'self_hosted' && (!normalizeHost(d.host) || d.host === 'github.com')
      ? { host: 'Enter the host of your GitHub Enterprise Server, like github.acme.example.' }
      : {},
}
