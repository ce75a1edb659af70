/**
 * Where the app's own files are, found from this bundle's location rather than app.getAppPath():
 * `electron out/main/main.js` (test:electron) makes the app path out/main, while the bundle always
 * sits at <app>/out/main/main.js — in the repo, and inside app.asar when packaged. The source file
 * is two folders deep too (electron/app/paths.ts), so the same rule holds when tests import it.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder holding out/ and resources/: the repo, or resources/app.asar in the packaged app. */
export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const PRELOAD_PATH = join(APP_ROOT, 'out', 'preload', 'preload.cjs')
export const RENDERER_DIR = join(APP_ROOT, 'out', 'renderer')

/** The sample site: beside app.asar (extraResources) when packaged, in the repo otherwise. */
export function bundledSampleDir(packaged: boolean, resourcesPath: string): string {
  return packaged ? join(resourcesPath, 'sample-content') : join(APP_ROOT, 'resources', 'sample-content')
}

export { profileName } from '../system/app-data'
