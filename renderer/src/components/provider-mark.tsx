import type { ReactElement } from 'react'
import type { ProviderId } from '@shared/domain/provider'
import { PROVIDER_NAMES } from '@shared/logic/account-groups'

const MARKS: Record<ProviderId, { bg: string; glyph: string }> = {
  github: { bg: '#24292f', glyph: 'GH' },
  gitlab: { bg: '#c2361c', glyph: 'GL' },
  bitbucket: { bg: '#0052cc', glyph: 'BB' },
  gitea: { bg: '#467a1c', glyph: 'Gt' },
  azure: { bg: '#0078d4', glyph: 'Az' },
}

/** A provider's mark: a coloured tile with initials (no trademark artwork), labelled for screen readers. */
export function ProviderMark({ provider, size = 32 }: { provider: ProviderId; size?: number }): ReactElement {
  const m = MARKS[provider]
  return (
    <span
      className="provider-mark"
      role="img"
      aria-label={PROVIDER_NAMES[provider]}
      style={{ background: m.bg, width: size, height: size, fontSize: Math.round(size * 0.38) }}
    >
      {m.glyph}
    </span>
  )
}
