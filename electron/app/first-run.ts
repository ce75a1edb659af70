/**
 * First run: the user gets something to look at. The bundled sample site is copied into their
 * Documents folder and that copy is opened; the bundled one stays untouched (it may sit in a
 * read-only install or inside the AppImage).
 */
import { chmod, cp, lstat, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { app } from 'electron'
import { bundledSampleDir } from './paths'

export const SAMPLE_FOLDER_NAME = 'Folio Sample'

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  )

/** Installed files can be read-only; the user's copy must be editable. */
async function makeWritable(path: string): Promise<void> {
  const info = await lstat(path)
  if (info.isSymbolicLink()) return
  await chmod(path, info.mode | 0o200)
  if (info.isDirectory()) {
    for (const entry of await readdir(path)) await makeWritable(join(path, entry))
  }
}

/**
 * The sample copy in `documents`, made if missing. An existing folder of that name is the user's
 * and is used as it is, never overwritten.
 */
export async function ensureSampleCopy(source: string, documents: string): Promise<string> {
  const target = join(documents, SAMPLE_FOLDER_NAME)
  if (await exists(target)) return target
  // Copy beside the target, then rename: a crash mid-copy never leaves a half sample in place.
  const partial = `${target}.partial-${process.pid}`
  await rm(partial, { recursive: true, force: true })
  try {
    await cp(source, partial, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true })
    await makeWritable(partial)
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    throw error
  }
  return target
}

export function ensureSample(): Promise<string> {
  return ensureSampleCopy(bundledSampleDir(app.isPackaged, process.resourcesPath), app.getPath('documents'))
}
