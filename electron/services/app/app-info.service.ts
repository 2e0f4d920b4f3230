import type { AppInfo } from '@shared/domain/app-info'
import { gitVersion } from '../git/git-runner'

/** Facts about the host process, supplied by the composition root (Electron, bridge or CLI). */
export type HostFacts = {
  readonly appVersion: string
  readonly shell: AppInfo['shell']
  readonly versions: NodeJS.ProcessVersions & { readonly electron?: string; readonly chrome?: string }
  readonly os: string
  readonly arch: string
  readonly release: string
}

/** Collects `app:info`; git's version is re-read every call, so a fresh install is noticed. */
export function createAppInfoService(host: HostFacts) {
  return {
    async info(): Promise<AppInfo> {
      const git = await gitVersion()
      return {
        appName: 'GitKeys',
        appVersion: host.appVersion,
        runtimes: {
          node: host.versions.node,
          ...(host.versions.electron ? { electron: host.versions.electron } : {}),
          ...(host.versions.chrome ? { chrome: host.versions.chrome } : {}),
        },
        git,
        platform: { os: host.os, arch: host.arch, release: host.release },
        shell: host.shell,
      }
    },
  }
}
