/**
 * The library's sort on a real indexed folder: every date format of the grammar sorts by its
 * instant. RFC 1123 and Hexo slash dates used to sort as the oldest posts.
 */
import { utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyQuery, type LibraryQuery } from '../../../renderer/library/filters'
import { open, tempDir } from './helpers'

const query = (sort: LibraryQuery['sort']): LibraryQuery => ({ sort, status: 'all', category: null, tag: null })

describe('library sort by date and by updated', () => {
  it('orders RFC 1123, slash, day-month-year and ISO dates by their instants', async () => {
    const root = await tempDir()
    const posts: [string, string][] = [
      ['rfc.md', 'Tue, 01 Mar 2022 04:51:00 GMT'],
      ['slash.md', '2013/7/13 20:46:25'],
      ['named.md', '1 Mar 2023'],
      ['iso.md', '2020-01-01 10:00:00'],
    ]
    const old = new Date(Date.UTC(2000, 0, 1))
    for (const [name, date] of posts) {
      await writeFile(join(root, name), `---\ntitle: ${name}\ndate: ${date}\nupdated: ${date}\n---\nbody\n`)
      await utimes(join(root, name), old, old)
    }
    const ws = await open(root)
    const list = await ws.list()
    const expected = ['named.md', 'rfc.md', 'iso.md', 'slash.md']
    expect(applyQuery(list, query('date')).map((a) => a.path)).toEqual(expected)
    expect(applyQuery(list, query('updated')).map((a) => a.path)).toEqual(expected)
    await ws.close()
  })
})
