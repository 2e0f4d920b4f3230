import { safeStorage } from 'electron'
import { CipherError, type CipherBackend, type SecretCipher } from '../../services/vault/cipher'

const WEAK_LINUX = new Set(['basic_text', 'unknown'])

function backendOf(platform: NodeJS.Platform): CipherBackend {
  if (platform === 'darwin') return 'keychain'
  if (platform === 'win32') return 'dpapi'
  return safeStorage.getSelectedStorageBackend()
}

function mapError(e: unknown): CipherError {
  const msg = e instanceof Error ? e.message : String(e)
  if (/temporarily unavailable/i.test(msg))
    return new CipherError('locked', 'The OS keyring is locked or unreachable.')
  if (/does not appear to be encrypted/i.test(msg))
    return new CipherError('malformed', 'Ciphertext is not from safeStorage.')
  if (/decrypt/i.test(msg))
    return new CipherError('wrong_key', 'The secret does not decrypt with this keychain.')
  return new CipherError('unavailable', 'OS encryption is not available.')
}

/**
 * safeStorage as a {@link SecretCipher} (security.md §2): the async API, which Electron ≥ 42 has and its
 * docs recommend. On Linux a ciphertext starting `v10` means Chromium's hard-coded key (basic_text or
 * the async API's Posix fallback), so the status probes for it instead of trusting availability alone.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    async status() {
      const backend = backendOf(platform)
      const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false)
      if (!available)
        return {
          backend,
          available: false,
          weak: platform === 'linux' && WEAK_LINUX.has(backend),
          reason:
            platform === 'linux'
              ? 'No OS keyring was found (gnome-keyring / KWallet). Tokens are kept for this session only.'
              : 'OS encryption is not available right now. Tokens are kept for this session only.',
        }
      let weak = platform === 'linux' && WEAK_LINUX.has(backend)
      if (platform === 'linux' && !weak) {
        const probe = await safeStorage.encryptStringAsync('gitkeys-probe').catch(() => null)
        weak = probe !== null && probe.subarray(0, 3).toString('latin1') === 'v10'
      }
      return {
        backend: weak ? 'basic_text' : backend,
        available: true,
        weak,
        reason: weak
          ? 'Only Chromium’s built-in key is available on this desktop, which anyone can read. Tokens stay in memory unless you choose weaker storage.'
          : null,
      }
    },
    async encrypt(plaintext) {
      try {
        return await safeStorage.encryptStringAsync(plaintext)
      } catch (e: unknown) {
        throw mapError(e)
      }
    },
    async decrypt(data) {
      try {
        const r = await safeStorage.decryptStringAsync(Buffer.from(data))
        return { plaintext: r.result, shouldReEncrypt: r.shouldReEncrypt }
      } catch (e: unknown) {
        throw mapError(e)
      }
    },
    enableWeakStorage() {
      if (platform === 'linux') safeStorage.setUsePlainTextEncryption(true)
      return Promise.resolve()
    },
  }
}
