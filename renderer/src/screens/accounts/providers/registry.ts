import type { ProviderId } from '@shared/domain/provider'
import { azureForm } from './azure.form'
import { bitbucketForm } from './bitbucket.form'
import { giteaForm } from './gitea.form'
import { githubForm } from './github.form'
import { gitlabForm } from './gitlab.form'
import type { ProviderForm } from './provider-form'

/** One connection form per provider: adding a provider does not compile until its screen exists. */
export const providerForms: Readonly<Record<ProviderId, ProviderForm>> = {
  github: githubForm,
  gitlab: gitlabForm,
  bitbucket: bitbucketForm,
  gitea: giteaForm,
  azure: azureForm,
}
