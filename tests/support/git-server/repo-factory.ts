import { spawn } from 'node:child_process'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { RepoSpec } from './types'

/** Fixed identity and clock so fixture commit ids are the same on every run. */
const IDENT = 'GitKeys Fixture <fixture@gitkeys.test>'
const EPOCH = 1_700_000_000

/** The environment every git the servers start runs with: no system or user config leaks in. */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LANG: 'C', LC_ALL: 'C' }
}

function runGit(args: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      env,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} failed (${code}): ${stderr}`)),
    )
    child.stdin?.on('error', () => undefined).end(stdin)
  })
}

/** One `data` block of a fast-import stream (length in bytes). */
const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`

function commit(ref: string, seq: number, message: string, files: Record<string, string>, from?: string) {
  const when = `${EPOCH + seq} +0000`
  const parts = [`commit ${ref}`, `mark :${seq}`, `author ${IDENT} ${when}`, `committer ${IDENT} ${when}`]
  let out = `${parts.join('\n')}\n${data(message)}`
  if (from) out += `from ${from}\n`
  for (const [path, content] of Object.entries(files)) out += `M 100644 inline ${path}\n${data(content)}`
  return out
}

/** A fast-import stream for a spec: N commits on the first branch, one more on each other branch. */
export function fastImportStream(spec: RepoSpec): { stream: string; head: string } {
  const branches = spec.branches?.length ? spec.branches : ['main']
  const [head = 'main', ...others] = branches
  const count = Math.max(1, spec.commits ?? 1)
  let stream = ''
  for (let i = 1; i <= count; i++) {
    const files: Record<string, string> = { [`file-${i}.txt`]: `content ${i}\n` }
    if (i === 1) files['README.md'] = `# ${spec.name}\n`
    if (i === count) {
      Object.assign(files, spec.files ?? {})
      if (spec.gitmodules !== undefined) files['.gitmodules'] = spec.gitmodules
    }
    stream += commit(`refs/heads/${head}`, i, `commit ${i} on ${head}`, files)
  }
  others.forEach((branch, k) => {
    const seq = count + k + 1
    const file = `${branch.replace(/[^A-Za-z0-9._-]/g, '_')}.txt`
    stream += commit(`refs/heads/${branch}`, seq, `work on ${branch}`, { [file]: `${branch}\n` }, `:${count}`)
  })
  return { stream, head }
}

/** Builds one bare repository at `dir` from its spec. */
export async function buildRepo(dir: string, spec: RepoSpec, home: string): Promise<void> {
  const env = isolatedGitEnv(home)
  const branches = spec.branches?.length ? spec.branches : ['main']
  await mkdir(dirname(dir), { recursive: true })
  await runGit(['init', '--quiet', '--bare', `--initial-branch=${branches[0] ?? 'main'}`, dir], env)
  if (!spec.empty) {
    const { stream, head } = fastImportStream(spec)
    await runGit(['--git-dir', dir, 'fast-import', '--quiet', '--done'], env, `${stream}done\n`)
    await runGit(['--git-dir', dir, 'symbolic-ref', 'HEAD', `refs/heads/${head}`], env)
  }
  for (const [name, script] of Object.entries(spec.hooks ?? {})) {
    const file = join(dir, 'hooks', name)
    await writeFile(file, script)
    await chmod(file, 0o755)
  }
}

/** Where a repository named `acme/widgets` lives under the server's project root. */
export const repoPathOnDisk = (root: string, name: string) => join(root, `${name}.git`)
