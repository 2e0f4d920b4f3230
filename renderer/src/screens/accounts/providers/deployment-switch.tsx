import type { ReactElement } from 'react'
import type { Deployment } from '@shared/domain/provider'

/** A two-way switch between the cloud service and a self-hosted installation. */
export function DeploymentSwitch({
  value,
  onChange,
  cloud,
  selfHosted,
  disabled,
}: {
  value: Deployment
  onChange: (d: Deployment) => void
  cloud: string
  selfHosted: string
  disabled?: boolean
}): ReactElement {
  return (
    <div className="field">
      <span className="label" id="deployment-label">
        Where
      </span>
      <div className="segmented" role="group" aria-labelledby="deployment-label">
        {(['cloud', 'self_hosted'] as const).map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={value === d}
            disabled={disabled}
            data-testid={`deployment-${d}`}
            onClick={() => onChange(d)}
          >
            {d === 'cloud' ? cloud : selfHosted}
          </button>
        ))}
      </div>
    </div>
  )
}
