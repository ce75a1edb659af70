/**
 * Local images an article refers to: Markdown images, raw `<img src>`, and Hexo's
 * `{% asset_img %}` tag (post asset folders). Each is resolved inside the site root through the
 * workspace guard (a post cannot make an export copy ~/.ssh/id_rsa), then either copied beside
 * the output or inlined as a data URI. Remote images stay links.
 */
import { readFile, stat } from 'node:fs/promises'
import { posix } from 'node:path'
import { assetTagHtml, findReferences, fileStem, isLocalTarget, targetCandidates, type AssetRules, type Reference } from '../../shared/assets'
import { escapeHtml } from '../../shared/html/escape'
import { inlineImageType } from '../system/mime-type'
import type { Guard } from '../workspace/guard'

export { safeDecode } from '../../shared/assets'

export interface LocalImage {
  /** POSIX path relative to the site root. */
  rel: string
  abs: string
}

/** Where each `src` as written (decoded) points; sources that are remote or missing are absent. */
export interface ImageMap {
  found: Map<string, LocalImage>
  /** Local sources that do not exist or lead outside the site root, as written. */
  missing: string[]
}

const isTag = (ref: Reference): boolean => ref.kind === 'asset_img' || ref.kind === 'asset_link' || ref.kind === 'asset_path'
const isImage = (ref: Reference): boolean => ref.kind === 'image' || (ref.kind === 'html' && ref.element === 'img' && ref.attribute === 'src')

/** Replaces the references `patch` answers for (a string) from the end, so earlier offsets hold; overlapping ones are left. */
function patchReferences(body: string, refs: Reference[], patch: (ref: Reference) => string | undefined): string {
  let out = body
  let limit = Infinity
  for (const ref of [...refs].sort((a, b) => b.start - a.start)) {
    if (ref.end > limit) continue
    const next = patch(ref)
    if (next === undefined) continue
    out = out.slice(0, ref.start) + next + out.slice(ref.end)
    limit = ref.start
  }
  return out
}

/** A tag's file written relative to the article: `<asset folder>/<slug>`. */
function tagSource(ref: Reference, articleRel: string): string {
  return `${fileStem(articleRel)}/${ref.target}`
}

/** Turns Hexo's asset tags into the HTML Hexo makes of them, pointing into the post asset folder (relative to the article); code stays as written. */
export function expandAssetTags(body: string, articleRel: string): string {
  return patchReferences(body, findReferences(body).filter(isTag), (ref) =>
    ref.tag ? assetTagHtml(ref.tag, encodeURI(tagSource(ref, articleRel))) : undefined,
  )
}

/** Every image source in a body (after expandAssetTags), as written and decoded, in order; code left out. */
export function imageSources(body: string): string[] {
  return findReferences(body)
    .filter(isImage)
    .map((ref) => ref.target)
}

/**
 * Rewrites the image sources of a Markdown body: `to(src)` gets the decoded source and returns
 * the new one, undefined to keep the text as written, or null to drop the image (a Markdown image
 * leaves its alt text, an `<img>` element goes whole). `{% asset_img %}` becomes a Markdown image,
 * which every renderer understands. Nothing else in the body changes; code stays byte for byte.
 */
export function rewriteImageSources(body: string, articleRel: string, to: (src: string) => string | null | undefined): string {
  const refs = findReferences(body).filter((ref) => isImage(ref) || ref.kind === 'asset_img')
  return patchReferences(body, refs, (ref) => {
    if (ref.kind === 'asset_img') {
      const next = to(tagSource(ref, articleRel))
      const alt = ref.tag?.alt ?? ref.tag?.title ?? ''
      if (next === undefined) return undefined
      return next === null ? alt : `![${alt.replace(/[[\]]/g, '\\$&')}](<${next}>)`
    }
    const next = to(ref.target)
    if (next === undefined) return undefined
    const whole = body.slice(ref.start, ref.end)
    const at = ref.targetStart - ref.start
    const written = body.slice(ref.targetStart, ref.targetEnd)
    if (ref.kind === 'image') return next === null ? (ref.text ?? '') : whole.slice(0, at) + `<${next}>` + whole.slice(at + written.length)
    return next === null ? '' : whole.slice(0, at) + `"${escapeHtml(next)}"` + whole.slice(at + written.length)
  })
}

async function isFile(abs: string): Promise<boolean> {
  return stat(abs).then(
    (s) => s.isFile(),
    () => false,
  )
}

/** Resolves each local source of a body through the guard; order and duplicates do not matter. */
export async function resolveImages(sources: readonly string[], articleRel: string, site: AssetRules, guard: Guard): Promise<ImageMap> {
  const found = new Map<string, LocalImage>()
  const missing: string[] = []
  for (const src of new Set(sources)) {
    if (!isLocalTarget(src)) continue
    let hit: LocalImage | null = null
    for (const candidate of targetCandidates({ kind: 'image', target: src }, articleRel, site)) {
      const resolved = await guard.resolve(candidate).catch(() => null)
      if (resolved && (await isFile(resolved.abs))) {
        hit = { rel: resolved.rel, abs: resolved.abs }
        break
      }
    }
    if (hit) found.set(src, hit)
    else missing.push(src)
  }
  return { found, missing: missing.sort() }
}

/** A data URI, or null for a type browsers would not show inline (such files are copied instead). */
export async function dataUri(image: LocalImage): Promise<string | null> {
  const mime = inlineImageType(image.rel)
  if (mime === null) return null
  return `data:${mime};base64,${(await readFile(image.abs)).toString('base64')}`
}

/**
 * File names for copied images inside one output folder: the original name, or name-2, name-3…
 * when two different files share it. Sorted by path first so the result never depends on order.
 */
export function assetNames(images: Iterable<LocalImage>): Map<string, string> {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  const rels = [...new Set([...images].map((i) => i.rel))].sort()
  for (const rel of rels) {
    const base = posix.basename(rel)
    const ext = posix.extname(base)
    const stem = base.slice(0, base.length - ext.length)
    let name = base
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`
    taken.add(name.toLowerCase())
    names.set(rel, name)
  }
  return names
}
