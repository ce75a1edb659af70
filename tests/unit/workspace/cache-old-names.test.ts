/**
 * Caches under the names earlier versions gave them (index-/listing- and 24 hex digits of the
 * folder path's SHA-256) are deleted by the next save of that folder's cache: a real profile
 * folder, a real site opened and closed. Another folder's old caches and every other file stay.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, realpath, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INDEX_CACHE_FOLDER } from '../../../electron/system/app-data'
import { copySite, open, tempDir } from './helpers'

const sha24 = (path: string): string => createHash('sha256').update(path).digest('hex').slice(0, 24)

describe('caches under their old names', () => {
  it('are deleted for the folder whose cache is saved, and only for it', async () => {
    const profile = await tempDir('folio-profile-')
    const cacheDir = join(profile, INDEX_CACHE_FOLDER)
    await mkdir(cacheDir)
    const root = await realpath(await copySite('hexo'))
    const mine = sha24(root)
    const other = sha24('/home/someone/another-blog')
    const ours = [`index-${mine}.json`, `index-${mine}.utf16.json`, `listing-${mine}.utf16`]
    const kept = [`index-${other}.json`, `index-${other}.utf16.json`, `listing-${other}.utf16`, 'index-0123456789abcdef.utf16.json', 'notes.txt']
    for (const name of [...ours, ...kept]) await writeFile(join(cacheDir, name), 'x'.repeat(100))
    await writeFile(join(profile, 'settings.json'), '{}')

    const ws = await open(root, { cacheDir })
    await ws.close()

    const names = await readdir(cacheDir)
    for (const name of ours) expect(names).not.toContain(name)
    for (const name of kept) expect(names).toContain(name)
    // The folder's cache under its current name was written.
    expect(names.filter((n) => !kept.includes(n))).toEqual([expect.stringMatching(/^index-[0-9a-f]{16}\.utf16\.json$/)])
    expect(await readdir(profile)).toEqual(expect.arrayContaining(['settings.json', INDEX_CACHE_FOLDER]))
  })
})
