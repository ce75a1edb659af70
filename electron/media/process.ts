/**
 * What happens to a photo on its way into the site, with sharp (libvips): turned upright by its
 * EXIF orientation, scaled down to the maximum width, re-encoded at the writer's quality, and its
 * metadata (GPS location first of all) removed unless the writer keeps it. sharp decodes and
 * encodes in libuv's thread pool, so the main process keeps answering the window meanwhile.
 * An image that needs none of it keeps its bytes: a second encode only loses quality.
 */
import type { Sharp, SharpOptions } from 'sharp'
import { FolioError } from '../../shared/errors'
import type { ImageProcessing, ImageType } from '../../shared/assets'

type SharpFactory = (input: Uint8Array, options: SharpOptions) => Sharp

let loading: Promise<SharpFactory> | null = null

/** Loaded on the first photo: the CLI and a session without images never pay for libvips. */
function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((module) => {
    const sharp = module.default
    // Inserted images are seen once; libvips' operation cache would only hold their memory.
    sharp.cache(false)
    return (input, options) => sharp(input, options)
  })
  return loading
}

/** Formats sharp reads and writes here; GIF (animation), BMP and SVG go in as they came. */
const PROCESSED = new Set<ImageType>(['jpeg', 'png', 'webp', 'avif'])

export interface Processed {
  bytes: Uint8Array
  /** What was done, for tests and the log: empty when the bytes are the original ones. */
  steps: Array<'oriented' | 'resized' | 'stripped' | 'compressed'>
}

const shown = (name: string): string => name || 'the pasted image'

function unreadable(name: string, error: unknown, maxPixels: number): FolioError {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
  if (/pixel limit/i.test(reason)) {
    return new FolioError({
      code: 'BAD_ARGUMENT',
      message: `${shown(name)} is larger than ${maxPixels / 1e6} megapixels, the most Folio inserts. Scale it down first. Nothing was copied.`,
      reason: 'image-too-many-pixels',
      params: { name, megapixels: maxPixels / 1e6 },
    })
  }
  return new FolioError({
    code: 'BAD_ARGUMENT',
    message: `${shown(name)} could not be read as an image (${reason.replace(/\.$/, '')}); the file is probably damaged. Open it in an image editor, save it again and insert that copy. Nothing was copied.`,
    reason: 'image-unreadable',
    params: { name, detail: reason.replace(/\.$/, '') },
  })
}

/** What a photo needs done, read from its header alone (quick); null when its bytes go in as they are. */
export interface ProcessPlan {
  steps: Processed['steps']
  /** Re-encoded at the writer's quality, kept only when smaller, with nothing else to do. */
  compressOnly: boolean
}

// 'error' rather than sharp's stricter 'warning': phones write JPEGs with harmless warnings,
// and a file cut short was already refused by the sniffer.
const OPTIONS = (maxPixels: number): SharpOptions => ({ limitInputPixels: maxPixels, failOn: 'error' })

export async function planProcessing(
  name: string,
  type: ImageType,
  input: Uint8Array,
  settings: ImageProcessing,
  maxPixels: number,
): Promise<ProcessPlan | null> {
  if (!PROCESSED.has(type)) return null
  const sharp = await loadSharp()
  try {
    const meta = await sharp(input, OPTIONS(maxPixels)).metadata()
    // An animation would lose all but its first frame.
    if ((meta.pages ?? 1) > 1) return null
    const orientation = meta.orientation ?? 1
    const width = orientation >= 5 ? meta.height : meta.width
    const steps: Processed['steps'] = []
    if (orientation !== 1) steps.push('oriented')
    if (settings.maxWidth && width > settings.maxWidth) steps.push('resized')
    if (settings.metadata === 'strip' && (meta.exif || meta.xmp || meta.iptc)) steps.push('stripped')
    const compress = settings.compress && (type === 'jpeg' || type === 'webp')
    if (!steps.length && !compress) return null
    if (compress && steps.length) steps.push('compressed')
    return { steps, compressOnly: !steps.length }
  } catch (error) {
    throw unreadable(name, error, maxPixels)
  }
}

/** Does what `plan` (planProcessing's answer for these bytes and settings) says: the slow part, in libuv's pool. */
export async function processImage(
  name: string,
  type: ImageType,
  input: Uint8Array,
  settings: ImageProcessing,
  maxPixels: number,
  planned?: ProcessPlan | null,
): Promise<Processed> {
  const plan = planned === undefined ? await planProcessing(name, type, input, settings, maxPixels) : planned
  if (!plan) return { bytes: input, steps: [] }
  const sharp = await loadSharp()
  try {
    let pipeline = sharp(input, OPTIONS(maxPixels)).rotate()
    if (plan.steps.includes('resized') && settings.maxWidth) pipeline = pipeline.resize({ width: settings.maxWidth, withoutEnlargement: true })
    // Without keep*, sharp writes no metadata at all; the colour profile keeps colours true.
    pipeline = settings.metadata === 'keep' ? pipeline.keepMetadata() : pipeline.keepIccProfile()
    if (type === 'jpeg') pipeline = pipeline.jpeg({ quality: settings.jpegQuality })
    else if (type === 'webp') pipeline = pipeline.webp({ quality: settings.webpQuality })
    else if (type === 'png') pipeline = pipeline.png()
    else pipeline = pipeline.avif()
    const output = new Uint8Array(await pipeline.toBuffer())
    // Compression alone: worth it only when it saves bytes.
    if (plan.compressOnly) return output.length < input.length ? { bytes: output, steps: ['compressed'] } : { bytes: input, steps: [] }
    return { bytes: output, steps: plan.steps }
  } catch (error) {
    throw unreadable(name, error, maxPixels)
  }
}
