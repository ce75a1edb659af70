/** Image insertion for the open folder: one guard per folder, the site's asset rules, the writer's settings. */
import { randomUUID } from 'node:crypto'
import type { ImageUpload, InsertedImage } from '../../shared/contract'
import { DEFAULT_INSERT_SETTINGS, PLAIN_RULES, type InsertSettings } from '../../shared/assets'
import { createGuard, type Guard } from '../workspace/guard'
import type { Workspace } from '../workspace/workspace'
import { startInsert, type ImageInput } from './insert'
import { MadeImages } from './made'
import { readPicked } from './picked'

export interface MediaService {
  /**
   * Copies the images and returns their links. `background`: returns once the links are decided;
   * images whose file is still being made carry a `landing` id for landed().
   */
  insert(workspace: Workspace, articlePath: string, images: ImageInput[], settings?: Partial<InsertSettings>, background?: boolean): Promise<InsertedImage[]>
  /** Settles once the files of that insert are written; rejects with why not (what it wrote is taken back). */
  landed(id: string): Promise<void>
  /** The SHA-256 of what an insert wrote at `abs` (this run), to tell it from a file changed or put there since. */
  wroteHash(abs: string): string | undefined
  /** The images a paste, drop or the open dialog sent: bytes as they came, files by their path (./picked). */
  readUploads(uploads: readonly ImageUpload[]): Promise<ImageInput[]>
}

/** Inserts whose outcome nobody asked for yet; beyond this the oldest are forgotten (a closed window never asks). */
const KEPT_LANDINGS = 64
/** Files written remembered for undo; the oldest are forgotten first (an undo is offered right after an insert). */
const KEPT_WRITTEN = 256

/** `madeImagesFile`: where what photos were made into is kept between runs (./made); omitted keeps it in memory. */
export function createMediaService(options: { madeImagesFile?: string } = {}): MediaService {
  const guards = new WeakMap<Workspace, Promise<Guard>>()
  const made = new MadeImages(options.madeImagesFile ?? null)
  const landings = new Map<string, Promise<void>>()
  const written = new Map<string, string>()
  const wrote = (abs: string, hash: string): void => {
    written.delete(abs)
    written.set(abs, hash)
    for (const old of written.keys()) if (written.size > KEPT_WRITTEN) written.delete(old)
  }
  const guardOf = (workspace: Workspace): Promise<Guard> => {
    let guard = guards.get(workspace)
    if (!guard) guards.set(workspace, (guard = createGuard(workspace.info.root)))
    return guard
  }
  return {
    async insert(workspace, articlePath, images, settings, background = false) {
      const guard = await guardOf(workspace)
      const article = await guard.resolve(articlePath)
      const rules = workspace.info.assets ?? PLAIN_RULES
      const started = await startInsert(guard, rules, article.rel, images, { ...DEFAULT_INSERT_SETTINGS, ...settings }, new Date(), made, wrote)
      if (!background || !started.pending) {
        await started.landed
        return started.images
      }
      const id = randomUUID()
      landings.set(id, started.landed)
      for (const old of landings.keys()) if (landings.size > KEPT_LANDINGS) landings.delete(old)
      return started.images.map((image) => (image.reused || image.url ? image : { ...image, landing: id }))
    },
    async landed(id) {
      const landing = landings.get(id)
      landings.delete(id)
      await landing
    },
    wroteHash: (abs) => written.get(abs),
    async readUploads(uploads) {
      const out: ImageInput[] = []
      for (const upload of uploads)
        out.push('file' in upload ? await readPicked(upload.file, upload.name) : { name: upload.name, bytes: Buffer.from(upload.data, 'base64') })
      return out
    },
  }
}
