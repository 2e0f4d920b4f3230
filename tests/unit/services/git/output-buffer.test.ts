import { describe, expect, it } from 'vitest'
import {
  createOutputBuffer,
  HEAD_CHARS,
  LINE_CHARS,
  TAIL_CHARS,
} from '../../../../electron/services/git/output-buffer'

const TOKEN = `ghp_${'S'.repeat(36)}`
const noise = (i: number): string => `remote: noise ${String(i).padStart(6, '0')} ${'.'.repeat(100)}\n`

/** Feeds `text` in chunks of `size` bytes, the way a pipe delivers it. */
function feed(text: string, size: number, secrets: readonly string[] = []): string {
  const out = createOutputBuffer({ secrets })
  const bytes = Buffer.from(text, 'utf8')
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size))
  return out.text()
}

describe('git output buffer', () => {
  it('keeps short output as it was, across chunk and UTF-8 boundaries', () => {
    const text = 'Cloning into ‘flags’…\r\nremote: Zählen\rfatal: the end\n'
    expect(feed(text, 1)).toBe(text)
    expect(feed(text, 7)).toBe(text)
  })

  it('keeps the closing lines of a huge output, and its first ones, within the bound', () => {
    let text = ''
    for (let i = 0; i < 20_000; i++) text += noise(i)
    text +=
      "fatal: unable to access 'https://git.example/acme/flags.git/': The requested URL returned error: 403\n"
    const out = feed(text, 65_536)
    expect(out.length).toBeLessThanOrEqual(HEAD_CHARS + TAIL_CHARS + 200)
    expect(out.startsWith(noise(0))).toBe(true)
    expect(out).toMatch(/returned error: 403\n$/)
    expect(out).toMatch(/^\[… \d+ lines \(\d+ characters\) left out …\]$/m)
    // Cut only at line ends: every kept line is whole.
    for (const line of out.split('\n').filter((l) => l.startsWith('remote:')))
      expect(line).toMatch(/^remote: noise \d{6} \.{100}$/)
  })

  it('treats progress meters as lines, so an error written over one survives', () => {
    let text = ''
    for (let i = 0; i < 100_000; i++) text += `Receiving objects: ${i % 100}% (${i}/100000)\r`
    text += 'error: RPC failed; curl 28 Operation too slow\n'
    expect(feed(text, 4096)).toMatch(/\rerror: RPC failed; curl 28 Operation too slow\n$/)
  })

  it('redacts secrets wherever chunks split them, and cuts an over-long line only after redacting it', () => {
    const split = feed(`fatal: https://octo:${TOKEN}@git.example/x\n`, 5, [TOKEN])
    expect(split).not.toContain(TOKEN)
    expect(split).not.toContain('SSSSSSSSSS')
    // The token straddles the point where the line is cut.
    const long = `${'x'.repeat(LINE_CHARS - 10)} ${TOKEN} ${'y'.repeat(10_000)}\nfatal: done\n`
    for (const size of [1000, 4096, 65_536]) {
      const out = feed(long, size, [TOKEN])
      expect(out).not.toContain('SSSSSSSS')
      expect(out).toMatch(/fatal: done\n$/)
      expect(out.split('\n')[0]?.length).toBeLessThanOrEqual(LINE_CHARS + 1)
    }
  })

  it('stays bounded on an endless line, and ignores what comes after the end', () => {
    const out = createOutputBuffer()
    for (let i = 0; i < 1000; i++) out.push('z'.repeat(10_000))
    out.push('\nfatal: the last line\n')
    const text = out.text()
    expect(text.length).toBeLessThan(LINE_CHARS + 100)
    expect(text).toMatch(/fatal: the last line\n$/)
    out.push('later\n')
    expect(out.text()).toBe(text)
  })
})
