import { randomBytes } from 'node:crypto'
import {
  CipherError,
  createAesGcmCipher,
  type CipherStatus,
  type SecretCipher,
} from '../../electron/services/vault/cipher'

/** A fresh random AES-256 key. */
export const aesKey = (): Buffer => randomBytes(32)

/**
 * Test double of Linux `basic_text`: encryption works but is weak until the explicit opt-in, exactly
 * the situation the vault policy must handle (security.md §2.5-2.6).
 */
export function basicTextCipher(key = aesKey()): SecretCipher & { readonly optedIn: () => boolean } {
  const inner = createAesGcmCipher(key)
  let optedIn = false
  return {
    optedIn: () => optedIn,
    status: () =>
      Promise.resolve<CipherStatus>({
        backend: 'basic_text',
        available: true,
        weak: true,
        reason: 'No OS keyring was found.',
      }),
    encrypt: (p) => inner.encrypt(p),
    decrypt: (d) => inner.decrypt(d),
    enableWeakStorage() {
      optedIn = true
      return Promise.resolve()
    },
  }
}

/** A cipher whose keyring can be locked or made unavailable mid-session. */
export function switchableCipher(
  key = aesKey(),
): SecretCipher & { set(mode: 'ok' | 'locked' | 'unavailable'): void } {
  const inner = createAesGcmCipher(key)
  let mode: 'ok' | 'locked' | 'unavailable' = 'ok'
  const guard = (): void => {
    if (mode === 'locked') throw new CipherError('locked', 'The OS keyring is locked or unreachable.')
    if (mode === 'unavailable') throw new CipherError('unavailable', 'OS encryption is not available.')
  }
  return {
    set: (m) => void (mode = m),
    status: () =>
      Promise.resolve<CipherStatus>({
        backend: 'aes_gcm',
        available: mode !== 'unavailable',
        weak: false,
        reason: mode === 'unavailable' ? 'OS encryption is not available.' : null,
      }),
    encrypt: async (p) => {
      guard()
      return inner.encrypt(p)
    },
    decrypt: async (d) => {
      guard()
      return inner.decrypt(d)
    },
  }
}
