/**
 * Keys in a repository's own .git/config that make git run a command, read another file or send
 * credentials elsewhere (security.md vector 31). GitKeys overrides some for its own calls
 * (core.fsmonitor, credential.helper, core.askPass) but refuses to operate where any is set, so a
 * crafted clone cannot turn a routine fetch into code execution.
 */
const RISKY: readonly RegExp[] = [
  /^core\.fsmonitor$/,
  /^core\.sshcommand$/,
  /^core\.pager$/,
  /^core\.editor$/,
  /^core\.hookspath$/,
  /^core\.askpass$/,
  /^core\.gitproxy$/,
  /^credential\.(?:.+\.)?helper$/,
  /^filter\..+\.(?:process|clean|smudge)$/,
  /^diff\.(?:external|.+\.(?:textconv|command))$/,
  /^merge\..+\.driver$/,
  /^protocol\.(?:.+\.)?allow$/,
  /^url\..+\.(?:insteadof|pushinsteadof)$/,
  /^http\..*extraheader$/,
  /^include\.path$/,
  /^includeif\..+\.path$/,
  /^uploadpack\.packobjectshook$/,
  /^sequence\.editor$/,
]

/** The risky `key=value` lines of `git config --local --list` output (keys lowercased by git). */
export function riskyConfigLines(list: string): string[] {
  return list
    .split('\n')
    .filter((l) => l.includes('='))
    .filter((l) => {
      const key = l.slice(0, l.indexOf('=')).toLowerCase()
      const value = l.slice(l.indexOf('=') + 1)
      if (key === 'core.fsmonitor' && /^(false|0|no|off)?$/i.test(value)) return false
      return RISKY.some((r) => r.test(key))
    })
    .map((l) => l.slice(0, l.indexOf('=')))
}
