/** A readable, unique account id: `github-work`, `gitlab-acme-2`. Also a valid Flipt credential id. */
export function newAccountId(provider: string, label: string, taken: ReadonlySet<string>): string {
  const labelSlug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
  const slug = (labelSlug.replace(/^-+/, '').startsWith(`${provider}-`) ? labelSlug : `${provider}-${label}`)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  const base = slug || provider
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`
    if (!taken.has(id)) return id
  }
}
