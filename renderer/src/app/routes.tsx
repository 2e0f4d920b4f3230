import type { ReactElement } from 'react'
import type { IconName } from '../components/icon'
import { AboutScreen } from '../screens/about/about.screen'
import { DoctorScreen } from '../screens/doctor/doctor.screen'
import { AccountsArea } from '../screens/accounts/accounts-area'
import { ActivityScreen } from '../screens/activity/activity.screen'
import { HomeScreen } from '../screens/home/home.screen'
import { EnvironmentsArea } from '../screens/environments/environments.screen'
import { ExportScreen } from '../screens/export/export.screen'
import { ImportScreen } from '../screens/import/import.screen'
import { RepositoriesArea } from '../screens/repositories/repositories.screen'
import { SettingsScreen } from '../screens/settings/settings.screen'

/** A screen in the navigation. Areas appear here when their issue builds them; there are no placeholders. */
export type Route = {
  readonly id: string
  readonly label: string
  readonly icon: IconName
  readonly group: 'Workspace' | 'Troubleshoot' | 'Share' | 'App'
  readonly render: () => ReactElement
}

/** Every screen, in navigation order. The first is the start screen. */
export const routes: readonly Route[] = [
  { id: 'home', label: 'Home', icon: 'home', group: 'Workspace', render: () => <HomeScreen /> },
  { id: 'accounts', label: 'Accounts', icon: 'key', group: 'Workspace', render: () => <AccountsArea /> },
  {
    id: 'repositories',
    label: 'Repositories',
    icon: 'repo',
    group: 'Workspace',
    render: () => <RepositoriesArea />,
  },
  {
    id: 'environments',
    label: 'Environments',
    icon: 'layers',
    group: 'Workspace',
    render: () => <EnvironmentsArea />,
  },
  { id: 'export', label: 'Export', icon: 'upload', group: 'Share', render: () => <ExportScreen /> },
  { id: 'import', label: 'Import', icon: 'download', group: 'Share', render: () => <ImportScreen /> },
  {
    id: 'doctor',
    label: 'Doctor',
    icon: 'stethoscope',
    group: 'Troubleshoot',
    render: () => <DoctorScreen />,
  },
  { id: 'activity', label: 'Activity', icon: 'activity', group: 'App', render: () => <ActivityScreen /> },
  {
    id: 'settings',
    label: 'Settings',
    icon: 'sliders',
    group: 'App',
    render: () => <SettingsScreen />,
  },
  { id: 'about', label: 'About', icon: 'info', group: 'App', render: () => <AboutScreen /> },
]

/** The route for a location hash such as `#/about`, or the start screen. */
export function routeFor(hash: string): Route {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  const found = routes.find((r) => r.id === id)
  const first = routes[0]
  if (!first) throw new Error('No routes registered')
  return found ?? first
}
