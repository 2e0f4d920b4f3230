import { useEffect, useState } from 'react'

/** The location hash split into path segments: `#/accounts/edit/github-work` → ['accounts','edit','github-work']. */
export function useHashPath(): readonly string[] {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return (
    hash
      .replace(/^#\/?/, '')
      .split('?')[0]
      ?.split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s)) ?? []
  )
}

/** Navigates to an app path such as `accounts/new/github`. */
export function navigate(path: string): void {
  window.location.hash = `#/${path}`
}
