import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// Packaging downloads Electron and cannot run on these machines; this test pins what it would build.
const root = process.cwd()
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const section = (k: string) => (config[k] ?? {}) as Record<string, unknown>

describe('electron-builder.yml', () => {
  it('packages GitKeys as an asar with the right identity', () => {
    expect(config).toMatchObject({ appId: 'dev.gitkeys.app', productName: 'GitKeys', asar: true })
    expect(section('extraMetadata').main).toBe('out/main/index.js')
  })

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb'])
    expect(section('mac').target).toEqual(['dmg'])
    expect(section('win').target).toEqual(['nsis'])
  })

  it('flips every fuse of security.md §1', () => {
    expect(section('electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('signs macOS with the hardened runtime and minimal entitlements', () => {
    const mac = section('mac')
    expect(mac.hardenedRuntime).toBe(true)
    const plist = readFileSync(join(root, String(mac.entitlements)), 'utf8')
    expect(plist).toContain('com.apple.security.cs.allow-jit')
    expect(plist).not.toMatch(
      /disable-library-validation|allow-dyld-environment-variables|allow-unsigned-executable-memory/,
    )
  })

  it('has an icon in every size the targets need', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(existsSync(join(root, `resources/icons/${size}x${size}.png`))).toBe(true)
    const png = readFileSync(join(root, 'resources/icon.png'))
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(section('linux').icon).toBe('resources/icons')
  })

  it('ships only the build output, and keeps the credential relay runnable outside the asar', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map'])
    expect(config.asarUnpack).toEqual(['out/cli/credential-relay.js'])
  })

  it('has an npm script that builds then packages', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml')
    expect(pkg.scripts.dist).toMatch(/^npm run build/)
  })
})
