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
        cloud="Bitbucket Cloud"
        selfHosted="Data Center / Server"
        disabled={editing}
        onChange={(d) =>
          set(
            d === 'cloud'
              ? { deployment: d, host: 'bitbucket.org', pathPrefix: null, tokenKind: 'api_token' }
              : { deployment: d, host: '', tokenKind: 'http_personal' },
          )
        }
      />
      {draft.deployment === 'self_hosted' ? (
        <div className="grid grid-2">
          <TextField
            label="Bitbucket host (with port if not 443)"
            value={draft.host}
            onChange={(host) => set({ host })}
            placeholder="bitbucket.acme.example:8443"
            error={errors.host ?? null}
            testId="host-input"
          />
          <TextField
            label="Context path (optional)"
            value={draft.pathPrefix ?? ''}
            onChange={(v) => set({ pathPrefix: v.replace(/^\/+|\/+$/g, '') || null })}
            placeholder="bitbucket"
            hint="Only if Bitbucket is served under a path, like https://host/bitbucket/scm/…"
          />
        </div>
      ) : null}
    </>
  )
}

/** Bitbucket Cloud (API tokens, access tokens) and Bitbucket Data Center / Server (HTTP access tokens). */
export const bitbucketForm: ProviderForm = {
  id: 'bitbucket',
  title: 'Bitbucket',
  intro:
    'Cloud: an API token with your Bitbucket username (not your email), or a repository/project/workspace access token, which always uses the username x-token-auth. App passwords were removed on 2026-07-28. Data Center: a personal HTTP access token with your username.',
  initial: (deployment) => ({
    provider: 'bitbucket',
    deployment,
    host: deployment === 'cloud' ? 'bitbucket.org' : '',
    pathPrefix: null,
    username: '',
    tokenKind: deployment === 'cloud' ? 'api_token' : 'http_personal',
    apiUrl: null,
  }),
  Location,
  check: (d) =>
    d.deployment === 'self_hosted' && !normalizeHost(d.host)
      ? { host: 'Enter your Bitbucket Data Center host, like bitbucket.acme.example:8443.' }
      : {},
}
