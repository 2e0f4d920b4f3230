import type { ProviderId } from '@shared/domain/provider'

/** What a secret is bound to. A metadata edit that changes any of these cannot redirect the token. */
export type SecretBinding = {
  readonly accountId: string
  readonly provider: ProviderId
  readonly host: string
}

/** The plaintext the cipher encrypts: the token plus its binding (security.md §2.6). */
type Envelope = { v: 1; accountId: string; provider: string; host: string; token: string }

/** Serialises a token and its binding for encryption. */
export function sealEnvelope(binding: SecretBinding, token: string): string {
  const e: Envelope = {
    v: 1,
    accountId: binding.accountId,
    provider: binding.provider,
    host: binding.host,
    token,
  }
  return JSON.stringify(e)
}

/** Why an envelope was refused. */
export type EnvelopeProblem = 'not_an_envelope' | 'empty_token' | 'binding_mismatch'

/** Opens a decrypted envelope and checks it belongs to `expected`; never guesses. */
export function openEnvelope(
  plaintext: string,
  expected: SecretBinding,
): { ok: true; token: string } | { ok: false; problem: EnvelopeProblem } {
  let e: Partial<Envelope>
  try {
    e = JSON.parse(plaintext) as Partial<Envelope>
  } catch {
    return { ok: false, problem: 'not_an_envelope' }
  }
  if (e.v !== 1 || typeof e.token !== 'string') return { ok: false, problem: 'not_an_envelope' }
  if (e.token === '') return { ok: false, problem: 'empty_token' }
  if (e.accountId !== expected.accountId || e.provider !== expected.provider || e.host !== expected.host)
    return { ok: false, problem: 'binding_mismatch' }
  return { ok: true, token: e.token }
}
