/**
 * Copies images into the open folder where the site expects them (shared/assets/insert) and
 * returns the text that links each. Every image is checked before anything is written (type read
 * from the bytes, size, pixels, name), photos are turned upright, scaled and stripped of their
 * location (./process), SVG is cleaned, identical bytes already in the folder are reused, a taken
 * name gets a number. Each file is written beside its final name and linked into place without
 * replacing anything; with an upload command the image goes to the writer's host (./upload) and
 * its URL is linked. When any step fails, what this call wrote is taken back, so a failure leaves
 * the folder as it was.
 */
import { createHash, randomBytes } from 'node:crypto'
import { link, lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { InsertedImage } from '../../shared/contract'
import { FolioError, type Said } from '../../shared/errors'
import { remoteImage, numberedName, placementFor, safeImageName, sniffImage, timestampName, type AssetRules, type InsertSettings } from '../../shared/assets'
import type { Guard } from '../workspace/guard'
import { ensureFolder } from '../workspace/open-inside'
import { processImage } from './process'
import { sanitizeSvg } from './svg'
import { uploadImage } from './upload'

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

interface Prepared {
  /** The name it came with, for messages. */
  given: string
  name: string
  bytes: Uint8Array
  hash: string
  alt: string
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function refuse(message: string, said?: Said): FolioError {
  return new FolioError({ code: 'BAD_ARGUMENT', message, ...said })
}

export function tooLarge(name: string, size: number): FolioError {
  return refuse(`${shown(name)} is ${megabytes(size)}; Folio inserts images up to ${megabytes(MAX_IMAGE_BYTES)}. Make it smaller first. Nothing was copied.`, {
    reason: 'image-too-large',
    params: { name, size: megabytes(size), max: megabytes(MAX_IMAGE_BYTES) },
  })
}

/** Checks one image and decides its name; throws a message that says what to do. */
export async function prepareImage(input: ImageInput, settings: InsertSettings, now: Date): Promise<Prepared> {
  if (input.bytes.length > MAX_IMAGE_BYTES) throw tooLarge(input.name, input.bytes.length)
  const sniffed = sniffImage(input.bytes)
  if (!sniffed) {
    throw refuse(`${shown(input.name)} is not a PNG, JPEG, GIF, WebP, AVIF, BMP or SVG image, or it is damaged (cut short?). Nothing was copied.`)
  }
  if (sniffed.width && sniffed.height && sniffed.width * sniffed.height > MAX_PIXELS) {
    throw refuse(
      `${shown(input.name)} is ${sniffed.width} × ${sniffed.height} pixels (${Math.round((sniffed.width * sniffed.height) / 1e6)} megapixels); Folio inserts images up to ${MAX_PIXELS / 1e6} megapixels. Scale it down first. Nothing was copied.`,
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
    if (!clean) throw refuse(`${shown(input.name)} holds nothing of an SVG image once its scripts are removed. Nothing was copied.`)
    bytes = new TextEncoder().encode(clean)
  } else {
    bytes = (await processImage(input.name, sniffed.type, bytes, settings, MAX_PIXELS)).bytes
  }
  const name = settings.naming === 'timestamp' || own === 'empty' ? timestampName(now, sniffed.ext) : own
  const alt = own === 'empty' ? '' : own.slice(0, own.lastIndexOf('.'))
  return { given: input.name, name, bytes, hash: hashOf(bytes), alt }
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
async function sameBytes(abs: string, files: Map<string, { name: string; size: number }>, image: Prepared): Promise<string | null> {
  for (const file of files.values()) {
    if (file.size !== image.bytes.length) continue
    const bytes = await readFile(join(abs, file.name)).catch(() => null)
    if (bytes && hashOf(bytes) === image.hash) return file.name
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
    params: { where: folder, detail: reason },
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

export async function insertImages(
  guard: Guard,
  rules: AssetRules,
  articleRel: string,
  inputs: readonly ImageInput[],
  settings: InsertSettings,
  now = new Date(),
): Promise<InsertedImage[]> {
  if (!inputs.length) return []
  // One at a time: a dozen 12 MP photos decoded at once would hold gigabytes.
  const prepared: Prepared[] = []
  for (const input of inputs) prepared.push(await prepareImage(input, settings, now))
  const upload = settings.uploadCommand.trim()
  if (upload && !settings.keepLocal) return uploadOnly(prepared, upload, guard.root)
  const placement = placementFor(articleRel, rules, settings)
  const folderRel = (await guard.resolve(placement.folder, { allowRoot: true })).rel
  const created = await missingFolders(guard, folderRel)
  const written: string[] = []
  try {
    const folder = await ensureFolder(guard, folderRel)
    const files = await existing(folder.abs)
    const out: InsertedImage[] = []
    for (const image of prepared) {
      let name = await sameBytes(folder.abs, files, image)
      const reused = name !== null
      for (let n = 1; name === null; n++) {
        const candidate = numberedName(image.name, n)
        if (files.has(candidate.toLowerCase())) continue
        if (n > 999)
          throw new FolioError({
            code: 'EXISTS',
            path: folderRel,
            message: `Could not copy ${image.name}: 999 files with that name are in ${folderRel}. Rename it first.`,
          })
        if (await writeExclusive(folder.abs, candidate, image.bytes)) {
          name = candidate
          written.push(join(folder.abs, candidate))
          files.set(candidate.toLowerCase(), { name: candidate, size: image.bytes.length })
        }
      }
      const path = folderRel ? `${folderRel}/${name}` : name
      if (upload) {
        const url = await uploadImage(upload, join(folder.abs, name), shown(image.given), guard.root)
        out.push({ path, link: remoteImage(image.alt, url), reused, url })
      } else out.push({ path, link: placement.link(name, image.alt), reused })
    }
    return out
  } catch (error) {
    await Promise.all(written.map((abs) => unlink(abs).catch(() => undefined)))
    for (const abs of created.reverse()) await rmdir(abs).catch(() => undefined)
    throw writeError(error, folderRel)
  }
}

/** Uploads without keeping a copy in the site: each image goes to the host from a private temp folder, removed afterwards. */
async function uploadOnly(prepared: readonly Prepared[], command: string, root: string): Promise<InsertedImage[]> {
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
