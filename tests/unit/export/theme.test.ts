import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FolioError } from '../../../shared/errors'
import { loadTheme } from '../../../electron/export/theme'
import { tempDir } from './helpers'

const DEFAULT = fileURLToPath(new URL('../../../resources/themes/default.css', import.meta.url))

describe('loadTheme', () => {
  it('reads the built-in theme from resources/themes as it is on disk', async () => {
    expect(await loadTheme()).toBe(await readFile(DEFAULT, 'utf8'))
  })

  it('reads a named theme from a given folder', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, '纸张.css'), 'body { font-family: "Noto Serif SC"; }\n')
    expect(await loadTheme('纸张', dir)).toBe('body { font-family: "Noto Serif SC"; }\n')
  })

  it('names the theme file it could not read and says what to do', async () => {
    const dir = await tempDir()
    const error = await loadTheme('missing', dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FolioError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'export-theme' })
    expect((error as Error).message).toMatch(
      new RegExp(`^Cannot read the export theme "${join(dir, 'missing.css')}": ENOENT.*Reinstall Folio or pass an existing theme\\.$`),
    )
  })
})
