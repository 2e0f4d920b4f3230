import { randomBytes } from 'node:crypto'
import { lstat, open, realpath, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { appError, type AppError } from '@shared/errors'
import { err, ok, type Result } from '@shared/result'

/**
 * Writes a file the safe way (security.md vector 48): never through a symlink, via a new temp file
 * (O_EXCL) in the same folder, fsync, then rename over the target; mode 0600 because exports hold
 * infrastructure details. A full disk leaves the previous file untouched.
 */
export async function writeFileSafely(
  path: string,
  text: string,
  mode = 0o600,
): Promise<Result<string, AppError>> {
  try {
    const st = await lstat(path).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'ENOENT') return null
      throw e
    })
    if (st?.isSymbolicLink())
      return err(
        appError('invalid_input', `${path} is a symbolic link; GitKeys does not write through links.`, {
          hint: 'Choose another file name.',
        }),
      )
    if (st && !st.isFile()) return err(appError('invalid_input', `${path} exists and is not a regular file.`))
    const dir = await realpath(dirname(path))
    const target = join(dir, basename(path))
    const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
    const fh = await open(tmp, 'wx', mode)
    try {
      await fh.writeFile(text, 'utf8')
      await fh.sync()
    } catch (e: unknown) {
      await fh.close()
      await unlink(tmp).catch(() => undefined)
      throw e
    }
    await fh.close()
    await rename(tmp, target)
    return ok(target)
  } catch (e: unknown) {
    const code = (e as { code?: string }).code
    if (code === 'ENOSPC' || code === 'EDQUOT')
      return err(
        appError('disk_full', `The disk is full: ${path} was not written.`, {
          hint: 'Free some space and save again.',
        }),
      )
    if (code === 'EACCES' || code === 'EPERM')
      return err(
        appError('io', `No permission to write ${path}.`, { hint: 'Choose a folder you can write to.' }),
      )
    return err(appError('io', `Could not write ${path} (${code ?? 'error'}).`))
  }
}
