import { describe, expect, it } from 'vitest'
import type { ExplainProvider } from '@shared/diagnostics/explain/explain'
import { detectProvider, providerFromHost } from '@shared/diagnostics/explain/provider-detect.logic'

const CASES: readonly (readonly [string, ExplainProvider | null])[] = [
  ["fatal: unable to access 'https://github.com/a/b.git/'", 'github'],
  [
    "fatal: unable to access 'https://ghe.example.com/a/b.git/': remote: Permission to a/b.git denied to c.",
    'github',
  ],
  ["fatal: Authentication failed for 'https://gitlab.example.org/g/s/p.git/'", 'gitlab'],
  ['remote: HTTP Basic: Access denied', 'gitlab'],
  ["fatal: Authentication failed for 'https://bitbucket.org/ws/repo.git/'", 'bitbucket'],
  ['git clone https://x-token-auth:***@bitbucket.org/ws/repo.git', 'bitbucket'],
  ["fatal: Authentication failed for 'https://git.example.com/scm/PROJ/repo.git/'", 'bitbucket_server'],
  ['ssh: connect to host git.example.com port 7999: Connection timed out', 'bitbucket_server'],
  ["fatal: repository 'https://dev.azure.com/org/proj/_git/repo/' not found", 'azure'],
  ["fatal: repository 'https://org.visualstudio.com/DefaultCollection/proj/_git/repo/' not found", 'azure'],
  ['remote: TF401019: The Git repository with name or identifier x does not exist', 'azure'],
  [
    "fatal: Authentication failed for 'https://tfs.example.com/tfs/DefaultCollection/proj/_git/repo/'",
    'azure_devops_server',
  ],
  [
    "remote: TF401027: You need the Git 'GenericContribute' permission. fatal: unable to access 'https://ado.corp.example/Coll/Proj/_git/repo/'",
    'azure_devops_server',
  ],
  ['remote: Gitea: User permission denied for writing.', 'gitea'],
  ["fatal: unable to access 'https://codeberg.org/u/r.git/'", 'gitea'],
  ['fatal: Could not read from remote repository.', null],
  ['Everything up-to-date', null],
]

describe('provider detection', () => {
  it.each(CASES)('%s → %s', (text, want) => {
    expect(detectProvider([text])).toBe(want)
  })

  it('maps account hosts', () => {
    expect(providerFromHost('GitHub.com')).toBe('github')
    expect(providerFromHost('gitlab.example.com')).toBe('gitlab')
    expect(providerFromHost('bitbucket.org')).toBe('bitbucket')
    expect(providerFromHost('acme.visualstudio.com')).toBe('azure')
    expect(providerFromHost('codeberg.org')).toBe('gitea')
    expect(providerFromHost('git.example.com')).toBeNull()
  })
})
