import type { ReactElement, ReactNode } from 'react'

/** How to colour a document: YAML keys and comments, Markdown headings, or git-config comments. */
export type CodeLanguage = 'yaml' | 'markdown' | 'gitconfig' | 'env'

const MASKED = /<secret \S+ hidden in the preview>/g
const REFERENCE = /\$\{(?:env|secret):[^}]+\}/g

/** Splits a value into plain text, `${env:…}` references and masked-secret placeholders. */
function valueParts(text: string): ReactNode[] {
  const out: ReactNode[] = []
  const marks = [...text.matchAll(MASKED), ...text.matchAll(REFERENCE)].sort((a, b) => a.index - b.index)
  let at = 0
  for (const m of marks) {
    if (m.index < at) continue
    if (m.index > at) out.push(text.slice(at, m.index))
    const masked = m[0].startsWith('<secret')
    out.push(
      <span key={m.index} className={masked ? 'tok-masked' : 'tok-ref'} data-masked={masked || undefined}>
        {m[0]}
      </span>,
    )
    at = m.index + m[0].length
  }
  if (at < text.length) out.push(text.slice(at))
  return out
}

/** One line, coloured for its language. Colouring is a reading aid only; the text is unchanged. */
function lineParts(line: string, language: CodeLanguage): ReactNode {
  const comment = /^(\s*)([#;].*)$/.exec(line)
  if (comment) {
    const cls = language === 'markdown' ? 'tok-heading' : 'tok-comment'
    return [
      comment[1],
      <span key="c" className={cls}>
        {comment[2]}
      </span>,
    ]
  }
  if (language === 'yaml' || language === 'env') {
    const sep = language === 'env' ? '=' : ':'
    const at = line.indexOf(sep)
    const keyOk = at > 0 && (language === 'env' || line[at + 1] === undefined || line[at + 1] === ' ')
    if (keyOk) {
      const rest = line.slice(at + 1)
      const hash = rest.search(/\s#\s/)
      const value = hash >= 0 ? rest.slice(0, hash) : rest
      return [
        <span key="k" className="tok-key">
          {line.slice(0, at)}
        </span>,
        sep,
        ...valueParts(value),
        hash >= 0 ? (
          <span key="c" className="tok-comment">
            {rest.slice(hash)}
          </span>
        ) : null,
      ]
    }
  }
  if (language === 'gitconfig' && /^\s*\[.*\]\s*$/.test(line)) return <span className="tok-key">{line}</span>
  return valueParts(line)
}

/**
 * A read-only document with line numbers, scrollable by keyboard (it takes focus). Screen readers
 * read the text itself; the numbers are hidden from them.
 */
export function CodeView({
  text,
  language,
  label,
  busy,
  testId,
}: {
  text: string
  language: CodeLanguage
  label: string
  busy?: boolean
  testId?: string
}): ReactElement {
  const lines = text.replace(/\n$/, '').split('\n')
  return (
    <pre
      className="code-view"
      tabIndex={0}
      role="region"
      aria-label={label}
      aria-busy={busy || undefined}
      data-testid={testId}
    >
      <code>
        {lines.map((line, i) => (
          <span className="code-line" key={i}>
            <span className="ln" aria-hidden="true">
              {i + 1}
            </span>
            {lineParts(line, language)}
            {'\n'}
          </span>
        ))}
      </code>
    </pre>
  )
}
