import { describe, expect, it } from 'vitest'
import { explain } from '@shared/diagnostics/explain/explain'

// Fabricated secrets of every shape (providers.md §0, §7); none is a real credential.
const SECRETS = {
  ghp: `ghp_${'Zx9Qm2Lp8Vr4Tn6Wc1Yb7Hd3Kf5Gs0'}27F2pt`,
  fineGrained: `github_pat_11ABCDEFG0${'a1B2c3D4e5F6'}_${'Q'.repeat(30)}${'w9'.repeat(14)}x`,
  glpat: 'glpat-AAECAwQFBgcICQoLDA0OD2M6MQpvOjlrCnU6MnMN.01.14050wloc',
  atatt: `ATATT3xFfGF0${'T3stOnlyNotReal_'.repeat(6)}=A1B2C3D4`,
  atbb: 'ATBBTestOnlyNotARealSecret01A7644473',
  bbdc: `BBDC-M${'TestOnlyNotRealBase64Body'.slice(0, 20)}${'abcdefghijklmnopqrstuvw'}`,
  adoNew: `${'TestOnlyNotARealAzureDevOpsPersonalAccessTokenXyz012'}JQQJ99AG${'A'.repeat(12)}AAAAAZDOTSnE`,
  adoLegacy: 'abcdefghij0123456789klmnopqrst0123456789uvwxyz012345',
  giteaHex: '0123456789abcdef0123456789abcdef01234567',
  password: 'Hunter2-Correct-Horse',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LW9ubHkifQ.c2lnbmF0dXJlLW5vdC1yZWFs',
} as const

function lines(): string {
  return [
    `Cloning into 'app'...`,
    `fatal: unable to access 'https://jane:${SECRETS.password}@github.com/acme/app.git/': The requested URL returned error: 403`,
    `remote: Invalid username or password. token=${SECRETS.ghp}`,
    `remote: Write access to repository not granted. (${SECRETS.fineGrained})`,
    `remote: HTTP Basic: Access denied ${SECRETS.glpat}`,
    `fatal: Authentication failed for 'https://x-token-auth:${SECRETS.atatt}@bitbucket.org/a/b.git/'`,
    `remote: Invalid credentials ${SECRETS.atbb} ${SECRETS.bbdc}`,
    `remote: TF401027: You need the Git 'GenericContribute' permission ${SECRETS.adoNew} ${SECRETS.adoLegacy}`,
    `remote: Repository not found. Authorization: Bearer ${SECRETS.jwt} ${SECRETS.giteaHex}`,
  ].join('\n')
}

describe('explain: evidence is redacted', () => {
  it('never returns a secret that was pasted, whatever its shape', () => {
    const x = explain(lines())
    const everything = JSON.stringify(x)
    expect(x.evidence.length).toBeGreaterThan(0)
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(everything, name).not.toContain(secret)
      // not even a long run of it
      expect(everything, `${name} (middle)`).not.toContain(secret.slice(4, 20))
    }
  })

  it('redacts in every line it may pick as evidence', () => {
    for (const line of lines().split('\n')) {
      const everything = JSON.stringify(explain(line))
      for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret.slice(4, 20))
    }
  })

  it('keeps the deciding line readable', () => {
    const x = explain(
      `remote: Repository not found.\nfatal: repository 'https://jane:${SECRETS.ghp}@github.com/acme/app.git/' not found`,
    )
    expect(x.evidence).toContain('Repository not found.')
    expect(x.evidence).toContain('github.com/acme/app.git')
    expect(x.evidence).not.toContain(SECRETS.ghp)
  })
})
