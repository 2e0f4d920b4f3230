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
        cloud="GitLab.com"
        selfHosted="Self-managed"
        disabled={editing}
        onChange={(d) =>
          set(
            d === 'cloud'
              ? { deployment: d, host: 'gitlab.com', pathPrefix: null }
              : { deployment: d, host: '' },
          )
        }
      />
      {draft.deployment === 'self_hosted' ? (
        <div className="grid grid-2">
          <TextField
            label="GitLab host"
            value={draft.host}
            onChange={(host) => set({ host })}
            placeholder="gitlab.acme.example"
            error={errors.host ?? null}
            testId="host-input"
          />
          <TextField
            label="Relative URL root (optional)"
            value={draft.pathPrefix ?? ''}
            onChange={(v) => set({ pathPrefix: v.replace(/^\/+|\/+$/g, '') || null })}
            placeholder="gitlab"
            hint="Only if GitLab is served under a path, like https://host/gitlab."
            error={errors.pathPrefix ?? null}
          />
        </div>
      ) : null}
    </>
  )
}

/** GitLab.com and self-managed GitLab. */
export const gitlabForm: ProviderForm = {
  id: 'gitlab',
  title: 'GitLab',
  intro:
    'A personal, project or group access token (glpat-…) works with any git username. Deploy tokens need their own username; OAuth tokens need “oauth2”. GitLab tokens expire at 00:00 UTC on their expiry date.',
  initial: (deployment) => ({
    provider: 'gitlab',
    deployment,
    host: deployment === 'cloud' ? 'gitlab.com' : '',
    pathPrefix: null,
    username: '',
    tokenKind: 'personal',
    apiUrl: null,
  }),
  Location,
  check: (d) =>
    d.deployment === 'self_hosted' && !normalizeHost(d.host)
      ? { host: 'Enter your GitLab host, like gitlab.acme.example (no https://, no path).' }
      : {},
}
