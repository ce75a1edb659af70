/**
 * Images the writer hands over by paste or drop: files (a screenshot, copied or dragged files) and
 * images embedded in pasted HTML as data: URLs. A file on disk leaves as its path, anything else as
 * base64, for the main process, which decides what they are from the bytes (shared/assets/sniff);
 * here we only pick likely candidates.
 */
import type { ImageUpload } from '../../shared/contract'
import { pathForFile } from '../bridge'

/**
 * The file's bytes as base64, encoded by the browser's own reader: a JS loop over a 12 MP photo
 * held the page's thread (typing included) for about 0.7 s on a loaded machine (media bench).
 */
function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name || 'the image'}.`))
    reader.readAsDataURL(file)
  })
}

/** Browsers name every clipboard screenshot `image.png`: that is no name worth keeping. */
const GENERIC = /^image\.(png|jpe?g|gif|webp)$/i

function isImageFile(file: File): boolean {
  return file.type.startsWith('image/') || /\.(png|jpe?g|jfif|gif|webp|avif|bmp|svg)$/i.test(file.name)
}

/** A file with a place on disk goes by its path (the main process reads it); a screenshot by its bytes. */
async function fromFile(file: File, pasted: boolean): Promise<ImageUpload> {
  const name = pasted && GENERIC.test(file.name) ? '' : file.name
  const path = pathForFile(file)
  return path ? { name, file: path } : { name, data: await base64(file) }
}

/** `<img src="data:image/png;base64,…">` in pasted HTML (what a copied image from a page or an office app carries). */
function fromHtml(html: string): ImageUpload[] {
  const images: ImageUpload[] = []
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']?data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/=\s]+)/gi)) {
    images.push({ name: '', data: (m[1] ?? '').replace(/\s+/g, '') })
  }
  return images
}

/** The images in a clipboard or drop, in order; empty when there are none (the text is then pasted as usual). */
export async function imagesFrom(transfer: DataTransfer, pasted: boolean): Promise<ImageUpload[]> {
  const files = [...transfer.files].filter(isImageFile)
  if (files.length) return Promise.all(files.map((file) => fromFile(file, pasted)))
  return pasted ? fromHtml(transfer.getData('text/html')) : []
}

/** Whether a transfer carries something that may be images, decided without reading it (paste and drop must answer at once). */
export function mayHoldImages(transfer: DataTransfer, pasted: boolean): boolean {
  if ([...transfer.items].some((item) => item.kind === 'file' && (item.type.startsWith('image/') || item.type === ''))) return true
  if ([...transfer.files].some(isImageFile)) return true
  return pasted && /<img\b[^>]*?\ssrc\s*=\s*["']?data:image\//i.test(transfer.getData('text/html'))
}
