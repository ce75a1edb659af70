/**
 * The built-in export theme lives in resources/themes/ as plain CSS, so it can be read, printed
 * and replaced without touching code. Read once per export.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FolioError, said } from '../../shared/errors'

/** resources/themes/ of this checkout (the CLI, tests and benchmarks run from source). */
const THEMES_DIR = fileURLToPath(new URL('../../resources/themes/', import.meta.url))

export async function loadTheme(name = 'default', dir = THEMES_DIR): Promise<string> {
  const path = join(dir, `${name}.css`)
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new FolioError({ code: 'NOT_FOUND', ...said('export-theme', { theme: path, detail: (error as Error).message }) })
  }
}
