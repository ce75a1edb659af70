/** Image insertion for the open folder: one guard per folder, the site's asset rules, the writer's settings. */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { InsertedImage } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import { DEFAULT_INSERT_SETTINGS, PLAIN_RULES, type InsertSettings } from '../../shared/assets'
import { createGuard, type Guard } from '../workspace/guard'
import type { Workspace } from '../workspace/workspace'
import { insertImages, MAX_IMAGE_BYTES, tooLarge, type ImageInput } from './insert'

export interface MediaService {
  insert(workspace: Workspace, articlePath: string, images: ImageInput[], settings?: Partial<InsertSettings>): Promise<InsertedImage[]>
  /** Reads files the writer picked (absolute paths from the open dialog), refusing huge ones before reading them. */
  readChosen(files: readonly string[]): Promise<ImageInput[]>
}

export function createMediaService(): MediaService {
  const guards = new WeakMap<Workspace, Promise<Guard>>()
  const guardOf = (workspace: Workspace): Promise<Guard> => {
    let guard = guards.get(workspace)
    if (!guard) guards.set(workspace, (guard = createGuard(workspace.info.root)))
    return guard
  }
  return {
    async insert(workspace, articlePath, images, settings) {
      const guard = await guardOf(workspace)
      const article = await guard.resolve(articlePath)
      return insertImages(guard, workspace.info.assets ?? PLAIN_RULES, article.rel, images, { ...DEFAULT_INSERT_SETTINGS, ...settings })
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
