import { describe, expect, it } from 'vitest'
import { applyFieldFix } from '@shared/logic/apply-fix'
import { repoDraft } from '../../support/world-actions'

const ws = {
  repositories: [repoDraft({ id: 'flags', remote: 'https://github.com/acme/flags/tree/main' })],
  environments: [
    {
      id: 'prod',
      name: 'prod',
      default: true,
      repositoryId: 'flags',
      directory: '',
      scm: { type: 'gitea' as const, apiUrl: 'https://git.x/api/v1', accountId: null, credentialId: null },
      dflow: null,
    },
  ],
}

describe('applyFieldFix', () => {
  it.each([
    [
      'storage.flags.remote',
      'https://github.com/acme/flags.git',
      (t: object) => expect(t).toMatchObject({ repository: { remote: 'https://github.com/acme/flags.git' } }),
    ],
    [
      'storage.flags.branch',
      'main',
      (t: object) => expect(t).toMatchObject({ repository: { branch: 'main' } }),
    ],
    [
      'storage.flags.poll_interval',
      '30s',
      (t: object) => expect(t).toMatchObject({ repository: { pollInterval: '30s' } }),
    ],
    [
      'environments.prod.scm.api_url',
      'https://git.x',
      (t: object) => expect(t).toMatchObject({ environment: { scm: { apiUrl: 'https://git.x' } } }),
    ],
  ])('%s is applied to the right entity', (subject, value, check) => {
    const t = applyFieldFix(subject, value, ws)
    expect(t).not.toBeNull()
    check(t ?? {})
  })
  it.each([
    'storage.nope.remote',
    'storage.flags.unknown_field',
    'credentials.github',
    'accounts.x.expires_at',
    'environments.prod',
  ])('%s cannot be applied', (subject) => {
    expect(applyFieldFix(subject, 'x', ws)).toBeNull()
  })
})
