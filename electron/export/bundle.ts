/**
 * The Markdown bundle: the article file with the local images it uses copied into one folder
 * (or one .zip), their references rewritten to `images/<name>`. An image that does not resolve
 * inside the folder (missing, `/abs/…`, `../../`) is dropped from the text and reported, and a
 * remote one too unless remote content is allowed, by the rule the HTML export follows. The
 * header is kept byte for byte (BOM and line endings included) or stripped; only image
 * references in the body change.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { bodyOf, type ExportArticle } from './article'
import { assetNames, expandAssetTags, imageSources, resolveImages, rewriteImageSources } from './assets'
import { href } from './html'
import { copyAll, type ExportContext, writeText } from './page'
import { exportDecider } from './sanitize'

export interface BundleOptions {
  /** Drop the front matter (the body alone, for tools that do not read headers). */
  stripHeader?: boolean
  /** Write `<name>.zip` instead of the folder `<name>/`. */
  zip?: boolean
}

export interface BundleResult {
  files: string[]
  missing: string[]
  /** Remote images dropped because remote content was not allowed. */
  remote: string[]
}

const IMAGES = 'images'
const BOM = '\ufeff'
/** Zip entries carry a timestamp; a fixed one keeps the archive's bytes reproducible. */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0))

function extensionOf(rel: string): string {
  const name = rel.slice(rel.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot) : '.md'
}

/** The bundle's text and the images it needs; nothing is written. */
async function bundleText(
  article: ExportArticle,
  ctx: ExportContext,
  options: BundleOptions,
): Promise<{ text: string; copies: { from: string; name: string }[]; missing: string[]; remote: string[] }> {
  const body = bodyOf(article)
  const { found } = await resolveImages(imageSources(expandAssetTags(body, article.rel)), article.rel, ctx.site, ctx.guard)
  const names = assetNames(found.values())
  const images = new Map<string, string>()
  for (const [src, image] of found) images.set(src, `${IMAGES}/${href(names.get(image.rel) ?? image.rel)}`)
  const { decide, missing, remote } = exportDecider({ images, remote: ctx.remote === true })
  const rewritten = rewriteImageSources(body, article.rel, (src) => {
    const next = decide(src, 'attribute')
    return next === src ? undefined : next
  })
  const bom = article.bytes[0] === 0xef && article.bytes[1] === 0xbb && article.bytes[2] === 0xbf ? BOM : ''
  const header = options.stripHeader ? '' : article.text.slice(0, article.bodyStart)
  const copies = [...found.values()].map((image) => ({ from: image.abs, name: names.get(image.rel) ?? image.rel }))
  const unique = [...new Map(copies.map((c) => [c.name, c])).values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  // A stripped header leaves the blank lines that followed it: a body starts at its first content.
  return {
    text: bom + header + (options.stripHeader ? rewritten.replace(/^(?:[ \t]*\r?\n)+/, '') : rewritten),
    copies: unique,
    missing: [...missing].sort(),
    remote: [...remote].sort(),
  }
}

export async function exportBundle(
  article: ExportArticle,
  ctx: ExportContext,
  outDir: string,
  name: string,
  options: BundleOptions = {},
): Promise<BundleResult> {
  const { text, copies, missing, remote } = await bundleText(article, ctx, options)
  const fileName = `${name}${extensionOf(article.rel)}`
  if (options.zip) {
    const entries: Zippable = { [`${name}/${fileName}`]: new TextEncoder().encode(text) }
    for (const c of copies) entries[`${name}/${IMAGES}/${c.name}`] = new Uint8Array(await readFile(c.from))
    const zip = zipSync(entries, { level: 6, mtime: ZIP_TIME })
    const file = join(outDir, `${name}.zip`)
    await mkdir(outDir, { recursive: true })
    await writeFile(file, zip)
    return { files: [file], missing, remote }
  }
  const folder = join(outDir, name)
  const file = join(folder, fileName)
  await writeText(file, text)
  await copyAll(copies, join(folder, IMAGES))
  return { files: [file, ...copies.map((c) => join(folder, IMAGES, c.name))], missing, remote }
}
