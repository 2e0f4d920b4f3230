import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** Which key protects secrets. `basic_text` is Chromium's hard-coded key on Linux: not protection. */
export type CipherBackend =
  | 'keychain'
  | 'dpapi'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown'
  | 'aes_gcm'

/** What the cipher can do right now. */
export type CipherStatus = {
  readonly backend: CipherBackend
  /** Encryption works at all. */
  readonly available: boolean
  /** Works, but with a key anyone can read (Linux basic_text / v10): never used without an opt-in. */
  readonly weak: boolean
  /** Why it is unavailable or weak, in words for a person. */
  readonly reason: string | null
}

/** Why an encrypt or decrypt failed. `locked` means: try again later, delete nothing. */
export class CipherError extends Error {
  override readonly name = 'CipherError'
  constructor(
    readonly kind: 'unavailable' | 'locked' | 'wrong_key' | 'malformed',
    message: string,
  ) {
    super(message)
  }
}

/**
 * The port every secret goes through: Electron safeStorage in the app (the only user of it is
 * electron/main/platform/safe-storage.adapter.ts), AES-256-GCM with a supplied key in tests and the CLI.
 */
export interface SecretCipher {
  status(): Promise<CipherStatus>
  encrypt(plaintext: string): Promise<Uint8Array>
  decrypt(data: Uint8Array): Promise<{ plaintext: string; shouldReEncrypt: boolean }>
  /** Linux basic_text only: the explicit, recorded opt-in to weak storage. */
  enableWeakStorage?(): Promise<void>
}

const MAGIC = Buffer.from('GKA1')

/** AES-256-GCM with a 32-byte key: authenticated, so a flipped bit or a wrong key is detected. */
export function createAesGcmCipher(key: Uint8Array): SecretCipher {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key')
  return {
    status: () => Promise.resolve({ backend: 'aes_gcm', available: true, weak: false, reason: null }),
    encrypt(plaintext) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()])
      return Promise.resolve(Buffer.concat([MAGIC, iv, c.getAuthTag(), body]))
    },
    decrypt(data) {
      const buf = Buffer.from(data)
      if (buf.length < 4 + 12 + 16 || !buf.subarray(0, 4).equals(MAGIC))
        return Promise.reject(new CipherError('malformed', 'Ciphertext is not in GitKeys format.'))
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(4, 16))
      d.setAuthTag(buf.subarray(16, 32))
      try {
        const plaintext = Buffer.concat([d.update(buf.subarray(32)), d.final()]).toString('utf8')
        return Promise.resolve({ plaintext, shouldReEncrypt: false })
      } catch {
        return Promise.reject(new CipherError('wrong_key', 'The secret does not decrypt with this key.'))
      }
    },
  }
}
