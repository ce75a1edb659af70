/**
 * Copies images into the open folder where the site expects them (shared/assets/insert) and
 * returns the text that links each. Every image is checked before anything is written (type read
 * from the bytes, size, pixels, name), photos are turned upright, scaled and stripped of their
 * location (./process), SVG is cleaned, identical bytes already in the folder are reused, a taken
 * name gets a number. Names and links are decided before the slow part (decoding and re-encoding
 * a photo takes seconds), so the editor shows the link at once while the file is made. Each file
 * is written beside its final name and linked into place without replacing anything; with an
 * upload command the image goes to the writer's host (./upload) and its URL is linked. When any
 * step fails, what this call wrote is taken back, so a failure leaves the folder as it was.
 */
import { randomBytes } from 'node:crypto'
import { link, lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { InsertedImage } from '../../shared/contract'
import { FolioError, said, type Said } from '../../shared/errors'
import {
  remoteImage,
  numberedName,
  placementFor,
  safeImageName,
  sniffImage,
  timestampName,
  type AssetRules,
  type ImageType,
  type InsertSettings,
} from '../../shared/assets'
import type { Guard } from '../workspace/guard'
import { ensureFolder } from '../workspace/open-inside'
import { planProcessing, processImage, type ProcessPlan } from './process'
import { sanitizeSvg } from './svg'
import { landingNames, reserveLanding } from './landing'
import { uploadImage } from './upload'
import { hashOf, MadeImages } from './made'

export interface ImageInput {
  /** The name it came with ('' for a pasted screenshot with none). */
  name: string
  bytes: Uint8Array
}

/** Beyond this an image is a mistake for a web page (a raw camera file, a scan), not an illustration. */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024
export const MAX_PIXELS = 50_000_000

const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
const shown = (name: string): string => name || 'the pasted image'

interface Checked {
  /** The name it came with, for messages. */
  given: string
  name: string
  type: ImageType
  /** As they came (an SVG cleaned): what the hash is of. */
  bytes: Uint8Array
  hash: string
  alt: string
  /** What processing will do to it; null when these bytes are the ones that land. */
  plan: ProcessPlan | null
}

/** `message` is the English with the image's name as shown ("the pasted image" for none); `named` names it for the UI's language. */
function refuse(message: string, named: Said): FolioError {
  return new FolioError({ code: 'BAD_ARGUMENT', message, ...named })
}

export function tooLarge(name: string, size: number): FolioError {
  return refuse(`${shown(name)} is ${megabytes(size)}; Folio inserts images up to ${megabytes(MAX_IMAGE_BYTES)}. Make it smaller first. Nothing was copied.`, {
    reason: 'image-too-large',
    params: { name, size: megabytes(size), max: megabytes(MAX_IMAGE_BYTES) },
  })
}

/**
 * Checks one image and decides its name and what processing it needs from what can be read
 * without decoding it (type, size, pixels, orientation and metadata from the header, the name):
 * quick, so the link can go in before the photo is processed. Throws a message that says what to do.
 */
export async function checkImage(input: ImageInput, settings: InsertSettings, now: Date): Promise<Checked> {
  if (input.bytes.length > MAX_IMAGE_BYTES) throw tooLarge(input.name, input.bytes.length)
  const sniffed = sniffImage(input.bytes)
  if (!sniffed) {
    throw refuse(`${shown(input.name)} is not a PNG, JPEG, GIF, WebP, AVIF, BMP or SVG image, or it is damaged (cut short?). Nothing was copied.`, {
      reason: 'image-unreadable',
      params: { name: input.name, detail: 'not a known image type' },
    })
  }
  if (sniffed.width && sniffed.height && sniffed.width * sniffed.height > MAX_PIXELS) {
    throw refuse(
      `${shown(input.name)} is ${sniffed.width} × ${sniffed.height} pixels (${Math.round((sniffed.width * sniffed.height) / 1e6)} megapixels); Folio inserts images up to ${MAX_PIXELS / 1e6} megapixels. Scale it down first. Nothing was copied.`,
      { reason: 'image-too-many-pixels', params: { name: input.name, megapixels: MAX_PIXELS / 1e6 } },
    )
  }
  const own = input.name ? safeImageName(input.name, sniffed.ext) : 'empty'
  if (own === 'path')
    throw new FolioError({
      code: 'INVALID_PATH',
      message: `Refused the image name "${input.name}": a name cannot lead into other folders. Rename the file and insert it again.`,
      reason: 'image-name-path',
      params: { name: input.name },
    })
  let bytes = input.bytes
  if (sniffed.type === 'svg') {
    const clean = sanitizeSvg(new TextDecoder().decode(bytes))
    if (!clean)
      throw refuse(`${shown(input.name)} holds nothing of an SVG image once its scripts are removed. Nothing was copied.`, {
        reason: 'image-svg-empty',
        params: { name: input.name },
      })
    bytes = new TextEncoder().encode(clean)
  }
  const name = settings.naming === 'timestamp' || own === 'empty' ? timestampName(now, sniffed.ext) : own
  const alt = own === 'empty' ? '' : own.slice(0, own.lastIndexOf('.'))
  const plan = sniffed.type === 'svg' ? null : await planProcessing(input.name, sniffed.type, bytes, settings, MAX_PIXELS)
  return { given: input.name, name, type: sniffed.type, bytes, hash: await hashOf(bytes), alt, plan }
}

/** The bytes that land: the photo turned upright, scaled, stripped and re-encoded as planned (the slow part). */
async function finalBytes(image: Checked, settings: InsertSettings): Promise<Uint8Array> {
  if (!image.plan) return image.bytes
  return (await processImage(image.given, image.type, image.bytes, settings, MAX_PIXELS, image.plan)).bytes
}

/** Files already in the folder (lower-cased names, since macOS and Windows disks are case-insensitive), and their sizes. */
async function existing(abs: string): Promise<Map<string, { name: string; size: number }>> {
  const found = new Map<string, { name: string; size: number }>()
  const entries = await readdir(abs, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const s = await lstat(join(abs, entry.name)).catch(() => null)
    if (s) found.set(entry.name.toLowerCase(), { name: entry.name, size: s.size })
  }
  return found
}

/** A file with exactly these bytes already in the folder, by size first and then by hash. */
async function sameBytes(abs: string, files: Map<string, { name: string; size: number }>, image: Checked): Promise<string | null> {
  for (const file of files.values()) {
    if (file.size !== image.bytes.length) continue
    const bytes = await readFile(join(abs, file.name)).catch(() => null)
    if (bytes && (await hashOf(bytes)) === image.hash) return file.name
  }
  return null
}

/** Writes bytes under a new name in a folder, never replacing a file: temp file, fsync, then a hard link (or an exclusive rename). */
async function writeExclusive(folderAbs: string, name: string, bytes: Uint8Array): Promise<boolean> {
  const temp = join(folderAbs, `.folio-${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o666)
  try {
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    const target = join(folderAbs, name)
    try {
      await link(temp, target)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') return false
      // Disks without hard links (FAT, some network shares): rename, after making sure the name is free.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error
      if (
        await lstat(target).then(
          () => true,
          () => false,
        )
      )
        return false
      await rename(temp, target)
      return true
    }
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

function writeError(error: unknown, folder: string): FolioError {
  if (error instanceof FolioError) return error
  const code = (error as NodeJS.ErrnoException).code
  const where = folder || 'the folder'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new FolioError({
      code: 'READ_ONLY',
      path: folder,
      message: `Could not copy the image into ${where}: the folder is read-only. Make it writable and insert the image again. Nothing was copied.`,
      reason: 'image-folder-read-only',
      params: { where: folder },
    })
  }
  if (code === 'ENOSPC') {
    return new FolioError({
      code: 'IO',
      path: folder,
      message: `Could not copy the image into ${where}: the disk is full. Nothing was copied.`,
      reason: 'disk-full',
      params: { where: folder },
    })
  }
  const reason = error instanceof Error ? error.message : String(error)
  return new FolioError({
    code: 'IO',
    path: folder,
    message: `Could not copy the image into ${where}: ${reason}. Nothing was copied.`,
    reason: 'image-copy-failed',
    params: { where: folder, errno: code ?? '', detail: reason },
  })
}

/** Folders of `folderRel` that do not exist yet, outermost first (to remove again on failure). */
async function missingFolders(guard: Guard, folderRel: string): Promise<string[]> {
  const missing: string[] = []
  const parts = folderRel.split('/').filter(Boolean)
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/')
    const abs = (await guard.resolve(rel)).abs
    if (
      !(await lstat(abs).then(
        () => true,
        () => false,
      ))
    )
      missing.push(abs)
  }
  return missing
}

/** An insert whose links are decided and whose files may still be on their way. */
export interface StartedInsert {
  images: InsertedImage[]
  /**
   * Settles once every file is written; rejects with what went wrong after taking back what the
   * insert wrote (the links then point nowhere and are for the caller to take out).
   */
  landed: Promise<void>
  /** Some file is still being made: false when every one was already written (or reused). */
  pending: boolean
}

/** One photo processed at a time across inserts: a dozen 12 MP photos decoded at once would hold gigabytes. */
let turn: Promise<unknown> = Promise.resolve()
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const mine = turn.then(work)
  turn = mine.catch(() => undefined)
  return mine
}

function takenMeanwhile(image: Checked, folderRel: string, name: string): FolioError {
  return new FolioError({
    code: 'EXISTS',
    path: folderRel ? `${folderRel}/${name}` : name,
    message: `Could not copy ${shown(image.given)}: a file named ${name} appeared in ${folderRel || 'the folder'} while it was being prepared. Insert it again. Nothing was copied.`,
    reason: 'image-name-appeared',
    params: { name: image.given, file: name, folder: folderRel },
  })
}

/**
 * Decides every image's name and link at once (reusing a file made from the same bytes, numbering
 * a taken name) and returns them; photos to process are processed and written afterwards, in `landed`.
 * Each name is held meanwhile (./landing), so the preview waits for the file and no other insert
 * takes it. With an upload command nothing is returned before the URLs are known.
 */
export async function startInsert(
  guard: Guard,
  rules: AssetRules,
  articleRel: string,
  inputs: readonly ImageInput[],
  settings: InsertSettings,
  now = new Date(),
  made = new MadeImages(),
  /** Told the hash of each file written (absolute path), so an undo can tell it from one changed or added since. */
  wrote: (abs: string, hash: string) => void = () => undefined,
): Promise<StartedInsert> {
  const done = (images: InsertedImage[]): StartedInsert => ({ images, landed: Promise.resolve(), pending: false })
  if (!inputs.length) return done([])
  const checked: Checked[] = []
  for (const input of inputs) checked.push(await checkImage(input, settings, now))
  const upload = settings.uploadCommand.trim()
  if (upload && !settings.keepLocal) {
    const ready: Checked[] = []
    for (const image of checked) ready.push({ ...image, bytes: await inTurn(() => finalBytes(image, settings)) })
    return done(await uploadOnly(ready, upload, guard.root))
  }
  const placement = placementFor(articleRel, rules, settings)
  const folder = await guard.resolve(placement.folder, { allowRoot: true })
  const files = await existing(folder.abs)
  const taken = landingNames(folder.abs)
  const images: InsertedImage[] = []
  const toWrite: Array<{ image: Checked; name: string }> = []
  for (const image of checked) {
    // Bytes that land as they came are found in the folder by their hash; a processed photo by what it was made from.
    let name = image.plan ? await made.find(folder.abs, image.hash, settings, files) : await sameBytes(folder.abs, files, image)
    // A file another insert is still landing may yet be taken back if that insert fails.
    if (name !== null && taken.has(name.toLowerCase())) name = null
    const reused = name !== null
    for (let n = 1; name === null; n++) {
      const candidate = numberedName(image.name, n)
      if (files.has(candidate.toLowerCase()) || taken.has(candidate.toLowerCase())) continue
      if (n > 999)
        throw new FolioError({
          code: 'EXISTS',
          path: folder.rel,
          ...said('image-names-full', { name: image.name, folder: folder.rel, count: 999 }),
        })
      name = candidate
      taken.add(candidate.toLowerCase())
      toWrite.push({ image, name })
    }
    images.push({ path: folder.rel ? `${folder.rel}/${name}` : name, link: placement.link(name, image.alt), reused })
  }

  let created: string[] = []
  const takeBack = async (written: readonly string[]): Promise<void> => {
    await Promise.all(written.map((abs) => unlink(abs).catch(() => undefined)))
    for (const abs of [...created].reverse()) await rmdir(abs).catch(() => undefined)
  }
  const landed = inTurn(async () => {
    created = await missingFolders(guard, folder.rel)
    const written: string[] = []
    try {
      const at = await ensureFolder(guard, folder.rel)
      const makes: Array<{ image: Checked; name: string; bytes: Uint8Array }> = []
      for (const { image, name } of toWrite) {
        const bytes = await finalBytes(image, settings)
        if (!(await writeExclusive(at.abs, name, bytes))) throw takenMeanwhile(image, folder.rel, name)
        written.push(join(at.abs, name))
        wrote(join(at.abs, name), image.plan ? await hashOf(bytes) : image.hash)
        if (image.plan) makes.push({ image, name, bytes })
      }
      // Only once all landed: a later file failing takes back the earlier ones, which then must not be reused.
      for (const m of makes) await made.remember(folder.abs, m.image.hash, settings, m.name, m.bytes)
    } catch (error) {
      await takeBack(written)
      throw writeError(error, folder.rel)
    }
  })
  // Handled here so nobody's waiting is needed; whoever awaits it still sees the failure.
  landed.catch(() => undefined)
  for (const { name } of toWrite) reserveLanding(join(folder.abs, name), landed)
  // Only photos to process take long: files copied as they came are written before answering.
  const slow = toWrite.some(({ image }) => image.plan)
  if (!upload && slow) return { images, landed, pending: true }
  await landed
  if (!upload) return done(images)
  try {
    const out: InsertedImage[] = []
    for (const [i, image] of images.entries()) {
      const url = await uploadImage(upload, join(folder.abs, basename(image.path)), shown(checked[i]?.given ?? ''), guard.root)
      out.push({ ...image, link: remoteImage(checked[i]?.alt ?? '', url), url })
    }
    return done(out)
  } catch (error) {
    // Not linked anywhere, so not kept: the upload failed and the writer inserts again.
    await takeBack(toWrite.map(({ name }) => join(folder.abs, name)))
    throw error
  }
}

/** Inserts and waits until every file is written: all or nothing, as the header's image fields need. */
export async function insertImages(...args: Parameters<typeof startInsert>): Promise<InsertedImage[]> {
  const started = await startInsert(...args)
  await started.landed
  return started.images
}

/** Uploads without keeping a copy in the site: each image goes to the host from a private temp folder, removed afterwards. */
async function uploadOnly(prepared: readonly Checked[], command: string, root: string): Promise<InsertedImage[]> {
  const temp = await mkdtemp(join(tmpdir(), 'folio-upload-'))
  try {
    const out: InsertedImage[] = []
    for (const [i, image] of prepared.entries()) {
      // A folder per image: two images of one batch may share a name (the same second's timestamp).
      const file = join(temp, String(i), image.name)
      await mkdir(dirname(file))
      await writeFile(file, image.bytes, { flag: 'wx' })
      const url = await uploadImage(command, file, shown(image.given), root)
      out.push({ path: '', link: remoteImage(image.alt, url), reused: false, url })
    }
    return out
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
