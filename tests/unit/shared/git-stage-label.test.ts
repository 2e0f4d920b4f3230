import { describe, expect, it } from 'vitest'
import { gitStageLabel } from '@shared/domain/git-operation'

describe('gitStageLabel', () => {
  it.each([
    ['remote:', 'Server preparing the pack'],
    ['receiving', 'Receiving objects'],
    ['resolving', 'Resolving deltas'],
    ['updating', 'Checking out files'],
    ['writing', 'Writing objects'],
    ['starting', 'Starting'],
  ])('names %s as %s', (stage, label) => {
    expect(gitStageLabel(stage)).toBe(label)
  })

  it('shows a stage it does not know as git named it, and an empty one as Working', () => {
    expect(gitStageLabel('unpacking')).toBe('Unpacking')
    expect(gitStageLabel('')).toBe('Working')
  })
})
