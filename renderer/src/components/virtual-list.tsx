import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react'

/**
 * A list that renders only the rows in view (plus a margin), for thousands of accounts or
 * repositories. Rows have a fixed height; the container scrolls.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  render,
  label,
  testId,
}: {
  items: readonly T[]
  rowHeight: number
  height: number
  render: (item: T, index: number) => ReactNode
  label: string
  testId?: string
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null)
  const [top, setTop] = useState(0)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onScroll = (): void => setTop(el.scrollTop)
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [])
  const viewport = Math.min(height, items.length * rowHeight)
  const first = Math.max(0, Math.floor(top / rowHeight) - 5)
  const last = Math.min(items.length, Math.ceil((top + viewport) / rowHeight) + 5)
  return (
    <div
      ref={ref}
      role="list"
      aria-label={label}
      data-testid={testId}
      data-total={items.length}
      style={{ height: viewport, overflowY: 'auto', position: 'relative' }}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div
            key={first + i}
            role="listitem"
            style={{
              position: 'absolute',
              top: (first + i) * rowHeight,
              left: 0,
              right: 0,
              height: rowHeight,
            }}
          >
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  )
}
