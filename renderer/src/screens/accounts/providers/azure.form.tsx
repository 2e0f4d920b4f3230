import type { ReactElement } from 'react'
import { normalizeHost } from '@shared/logic/host'
import { TextField } from '../../../components/field'
import { DeploymentSwitch } from './deployment-switch'
import type { Draft, LocationProps, ProviderForm } from './provider-form'

/**
 * Reads what a person pastes for an Azure DevOps location: an organisation name or URL
 * (https://dev.azure.com/acme, https://acme.visualstudio.com) or a Server collection URL
 * (https://tfs.acme.example/tfs/DefaultCollection).
 */
export function parseAzureLocation(
  input: string,
  deployment: Draft['deployment'],
): { host: string; pathPrefix: string | null } | null {
  const text = input.trim().replace(/\/+$/, '')
  if (text === '') return null
  if (deployment === 'cloud' && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(text))
    return { host: 'dev.azure.com', pathPrefix: text }
  let u: URL
  try {
    u = new URL(text.includes('://') ? text : `https://${text}`)
  } catch {
    return null
  }
  const segs = u.pathname.split('/').filter(Boolean)
  if (deployment === 'cloud') {
    if (u.hostname === 'dev.azure.com' && segs[0]) return { host: 'dev.azure.com', pathPrefix: segs[0] }
    const legacy = /^([a-z0-9-]+)\.visualstudio\.com$/i.exec(u.hostname)
    if (legacy?.[1]) return { host: u.hostname.toLowerCase(), pathPrefix: null }
    return null
  }
  const host = normalizeHost(u.host)
  if (!host || segs.length === 0) return null
  const collection = segs[0]?.toLowerCase() === 'tfs' ? segs.slice(0, 2).join('/') : (segs[0] ?? '')
  return collection ? { host, pathPrefix: collection } : null
}

function Location({ draft, set, errors, editing }: LocationProps): ReactElement {
  const shown =
    draft.deployment === 'cloud'
      ? (draft.pathPrefix ?? (draft.host.endsWith('visualstudio.com') ? draft.host : ''))
      : draft.host
        ? `https://${draft.host}/${draft.pathPrefix ?? ''}`
        : ''
  return (
    <>
      <DeploymentSwitch
        value={draft.deployment}
        cloud="Azure DevOps Services"
        selfHosted="Azure DevOps Server"
        disabled={editing}
        onChange={(d) => set({ deployment: d, host: d === 'cloud' ? 'dev.azure.com' : '', pathPrefix: null })}
      />
      <TextField
        label={draft.deployment === 'cloud' ? 'Organisation' : 'Collection URL'}
        value={shown}
        onChange={(v) => {
          const loc = parseAzureLocation(v, draft.deployment)
          set(
            loc
              ? { host: loc.host, pathPrefix: loc.pathPrefix }
              : {
                  host: draft.deployment === 'cloud' ? 'dev.azure.com' : v,
                  pathPrefix: draft.deployment === 'cloud' ? v || null : null,
                },
          )
        }}
        placeholder={
          draft.deployment === 'cloud'
            ? 'acme, or https://dev.azure.com/acme'
            : 'https://tfs.acme.example/tfs/DefaultCollection'
        }
        hint={
          draft.deployment === 'cloud'
            ? 'PATs are scoped to one organisation; global PATs stop working on 2026-12-01.'
            : 'The URL of the project collection, as shown in the Server’s web address.'
        }
        error={errors.location ?? null}
        testId="azure-location"
      />
    </>
  )
}

/** Azure DevOps Services (dev.azure.com, legacy *.visualstudio.com) and Azure DevOps Server. */
export const azureForm: ProviderForm = {
  id: 'azure',
  title: 'Azure DevOps',
  intro:
    'A personal access token scoped to one organisation with Code (Read & write). Git accepts any username with a PAT; GitKeys sends yours for readable logs.',
  initial: (deployment) => ({
    provider: 'azure',
    deployment,
    host: deployment === 'cloud' ? 'dev.azure.com' : '',
    pathPrefix: null,
    username: '',
    tokenKind: 'pat',
    apiUrl: null,
  }),
  Location,
  check: (d) => {
    if (d.deployment === 'cloud')
      return d.host === 'dev.azure.com' && !d.pathPrefix
        ? { location: 'Enter the organisation name (the part after dev.azure.com/).' }
        : !normalizeHost(d.host)
          ? { location: 'Enter an organisation name or URL.' }
          : {}
    return !normalizeHost(d.host) || !d.pathPrefix
      ? { location: 'Paste the collection URL, like https://tfs.acme.example/tfs/DefaultCollection.' }
      : {}
  },
}
