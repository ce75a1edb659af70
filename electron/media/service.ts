/** Image insertion for the open folder: one guard per folder, the site's asset rules, the writer's settings. */
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { InsertedImage } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import { DEFAULT_INSERT_SETTINGS, PLAIN_RULES, type InsertSettings } from '../../shared/assets'
import { createGuard, type Guard } from '../workspace/guard'
import type { Workspace } from '../workspace/workspace'
import { MadeImages, MAX_IMAGE_BYTES, startInsert, tooLarge, type ImageInput } from './insert'

export interface MediaService {
  /**
   * Copies the images and returns their links. `background`: returns once the links are decided;
   * images whose file is still being made carry a `landing` id for landed().
   */
  insert(workspace: Workspace, articlePath: string, images: ImageInput[], settings?: Partial<InsertSettings>, background?: boolean): Promise<InsertedImage[]>
  /** Settles once the files of that insert are written; rejects with why not (what it wrote is taken back). */
  landed(id: string): Promise<void>
  /** Reads files the writer picked (absolute paths from the open dialog), refusing huge ones before reading them. */
  readChosen(files: readonly string[]): Promise<ImageInput[]>
}

/** Inserts whose outcome nobody asked for yet; beyond this the oldest are forgotten (a closed window never asks). */
const KEPT_LANDINGS = 64

export function createMediaService(): MediaService {
  const guards = new WeakMap<Workspace, Promise<Guard>>()
  const made = new MadeImages()
  const landings = new Map<string, Promise<void>>()
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
      const started = await startInsert(guard, rules, article.rel, images, { ...DEFAULT_INSERT_SETTINGS, ...settings }, new Date(), made)
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
    async readChosen(files) {
      const out: ImageInput[] = []
      for (const file of files) {
        const s = await stat(file).catch(() => null)
        if (!s?.isFile())
          throw new FolioError({ code: 'NOT_FOUND', message: `Could not insert ${file}: it is not a file (moved or deleted?). Nothing was copied.` })
        if (s.size > MAX_IMAGE_BYTES) throw tooLarge(basename(file), s.size)
        out.push({ name: basename(file), bytes: await readFile(file) })
      }
      return out
    },
  }
}
