/**
 * The site of a folder being opened: its real path checked to be a folder, then detected. Apart
 * from the index, so a command that needs only the site's settings (the listing cache's check in
 * `folio index`) loads no code that reads articles.
 */
import { realpath, stat } from 'node:fs/promises'
import { FolioError, said } from '../../shared/errors'
import { detectSite, type SiteSettings } from './site'

async function openFolder(root: string): Promise<string> {
  try {
    const real = await realpath(root)
    if (!(await stat(real)).isDirectory()) throw Object.assign(new Error('it is a file, not a folder'), { code: 'ENOTDIR' })
    return real
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? ''
    const detail = errno === 'ENOENT' ? 'it does not exist' : (error as Error).message
    throw new FolioError({ code: 'NOT_FOUND', ...said('folder-unopenable', { root, detail, errno }) })
  }
}

/** The site at root, as its generator's settings describe it. */
export async function detectFolder(root: string): Promise<SiteSettings> {
  return detectSite(await openFolder(root))
}
