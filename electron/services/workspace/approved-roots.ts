import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, resolve, sep } from 'node:path'
import type { MetadataStore } from './metadata-store'

/**
 * The renderer is untrusted, so a clone destination is accepted only inside a folder the user
 * picked in the native dialog (security.md vector 40). Picked folders are remembered, realpath'd.
 */
export function createApprovedRoots(metadata: MetadataStore) {
  return {
    /** Records a folder the native dialog returned. */
    async approve(path: string): Promise<string> {
      const real = await realpath(path).catch(() => resolve(path))
      await metadata.update((d) =>
        d.settings.approvedRoots.includes(real)
          ? d
          : {
              ...d,
              settings: { ...d.settings, approvedRoots: [...d.settings.approvedRoots, real].slice(-50) },
            },
      )
      return real
    },
    /** True when `path` is a picked folder or lies inside one, after resolving symlinks of its parent. */
    async contains(path: string): Promise<boolean> {
      if (!isAbsolute(path)) return false
      const parent = await realpath(dirname(path)).catch(() => null)
      if (!parent) return false
      const full = resolve(parent, path.slice(dirname(path).length + 1))
      return metadata
        .get()
        .settings.approvedRoots.some(
          (root) => full === root || full.startsWith(root.endsWith(sep) ? root : root + sep),
        )
    },
  }
}

/** See {@link createApprovedRoots}. */
export type ApprovedRoots = ReturnType<typeof createApprovedRoots>
