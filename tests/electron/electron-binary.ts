import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the Electron binary is, or why there is none (these machines cannot download it). */
export function electronBinary(): { path: string } | { reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const p = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(p) ? { path: p } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${p}` }
  }
  const dir = join(process.cwd(), 'node_modules/electron')
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) {
    return {
      reason:
        'no Electron binary: node_modules/electron was installed without its download (this machine has no ' +
        'access to GitHub releases). On a workstation run `npx install-electron` or set ELECTRON_OVERRIDE_DIST_PATH.',
    }
  }
  const p = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(p) ? { path: p } : { reason: `Electron's path.txt points at a missing file: ${p}` }
}
