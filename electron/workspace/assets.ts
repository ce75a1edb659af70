/**
 * Images an article can name in its header, from where its generator keeps them: the folder
 * named after the article (Hexo's post asset folder, and the same habit in plain folders) and,
 * for a page bundle (`index.md`, `_index.md`), the files beside it. Each is given as the header
 * would write it: relative to the article's own folder.
 */
import { readdir } from 'node:fs/promises'
import { fileStem, isBundleIndex, ownMediaFolder } from '../../shared/assets'
import type { Guard } from './guard'

const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i
/** A folder of thousands of images is offered in part rather than slowly. */
const MAX_IMAGES = 500

async function imagesIn(guard: Guard, folderRel: string): Promise<string[]> {
  let names: string[]
  try {
    const folder = await guard.resolve(folderRel)
    const entries = await readdir(folder.abs, { withFileTypes: true })
    names = entries.filter((e) => e.isFile() && !e.name.startsWith('.') && IMAGE.test(e.name)).map((e) => e.name)
  } catch {
    return [] // no such folder, or one the guard refuses: nothing to offer
  }
  return names.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
}

export async function articleImages(guard: Guard, rel: string): Promise<string[]> {
  const images = await imagesIn(guard, ownMediaFolder(rel))
  // Named as the header writes them: relative to the article's own folder.
  const prefix = isBundleIndex(rel) ? '' : `${fileStem(rel)}/`
  return images.slice(0, MAX_IMAGES).map((image) => prefix + image)
}
