/**
 * Which images an article shows, and where: references in its body (Markdown, HTML, Hexo asset
 * tags) and image paths in its header (`cover:`, `thumbnail:`, list items), each resolved against
 * the images that exist. The media panel reads the open article's live text with it; the folder
 * report (electron/media/report) reads every saved article with it.
 */
import { detect } from '../frontmatter/detect'
import { LineIndex } from '../line-index'
import { findReferences, type ReferenceKind } from './references'
import { targetCandidates, type AssetRules } from './resolve'
import { IMAGE_EXTENSIONS } from './sniff'

export const MEDIA_EXTENSIONS: readonly string[] = [...Object.values(IMAGE_EXTENSIONS).flat(), 'ico', 'tif', 'tiff']
const ALTERNATIVES = MEDIA_EXTENSIONS.join('|')

/** A file name an image has. */
export const IMAGE_FILE = new RegExp(`\\.(${ALTERNATIVES})$`, 'i')

/** Header values that name an image file: `cover: /images/a.png`, `- shots/b.jpg`, quoted or not. */
const HEADER_IMAGE = new RegExp(`^\\s*(?:[\\w.-]+\\s*[:=]|-)\\s*["']?([^"'\\s#][^"'\\n]*?\\.(?:${ALTERNATIVES}))["']?\\s*,?\\s*$`, 'gim')

export interface ImageUse {
  /** As written. */
  target: string
  /** 1-based line in the whole file. */
  line: number
  /** The image it shows, or null when none of the places it may point to holds one. */
  path: string | null
  /** Written as an image (not a plain link that may name any file). */
  image: boolean
}

const IMAGE_KINDS = new Set<ReferenceKind>(['image', 'asset_img'])

export function imageUses(text: string, article: string, rules: AssetRules, images: ReadonlySet<string>): ImageUse[] {
  const bodyStart = detect(text).bodyStart
  const lines = new LineIndex(text)
  const uses: ImageUse[] = []
  const take = (kind: ReferenceKind, target: string, offset: number, image: boolean): void => {
    const path = targetCandidates({ kind, target }, article, rules).find((candidate) => images.has(candidate)) ?? null
    if (path !== null || (image && IMAGE_FILE.test(target.split(/[?#]/)[0] ?? ''))) uses.push({ target, line: lines.line(offset), path, image })
  }
  for (const m of text.slice(0, bodyStart).matchAll(HEADER_IMAGE)) take('image', m[1] ?? '', m.index, true)
  for (const ref of findReferences(text.slice(bodyStart))) {
    const image = IMAGE_KINDS.has(ref.kind) || (ref.kind === 'html' && ref.attribute !== 'href')
    take(ref.kind, ref.target, bodyStart + ref.targetStart, image)
  }
  return uses
}
