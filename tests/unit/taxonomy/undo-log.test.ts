import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createUndoLog, type JournalEntry } from '../../../electron/taxonomy/undo-log'
import { tempDir } from './helpers'

function entry(id: string, before = '---\ntitle: 旧\n---\n正文\r\n'): JournalEntry {
  return {
    id,
    root: '/site',
    createdAt: 1,
    operation: { kind: 'rename', key: 'tags', from: '旧', to: '新' },
    files: [{ path: 'source/_posts/a.md', beforeHash: 'b', afterHash: 'a', before }],
  }
}

describe('the undo log on disk', () => {
  it('reads back what it wrote, every character of the text before the edit included', async () => {
    const dir = join(await tempDir(), 'journal')
    const log = createUndoLog(dir)
    const written = entry('3f2c-11aa', '\uFEFF---\r\ntitle: "标题"\r\n---\r\n正文 🀄 no final newline')
    await log.write(written)
    expect(await log.read('3f2c-11aa')).toEqual(written)
    await log.remove('3f2c-11aa')
    expect(await log.read('3f2c-11aa')).toBeNull()
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps the journal private: the folder 0700 and each file 0600, since it holds article texts', async () => {
    const dir = join(await tempDir(), 'journal')
    await createUndoLog(dir).write(entry('a1'))
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    expect((await stat(join(dir, 'bulk-a1.json'))).mode & 0o777).toBe(0o600)
  })

  it('refuses an id that could name a path, and reads nothing for one', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'secret.json'), JSON.stringify(entry('x')))
    const log = createUndoLog(join(dir, 'journal'))
    await expect(log.write(entry('../secret'))).rejects.toThrow(/ids are UUIDs; "..\/secret" is not one/)
    expect(await log.read('../../secret')).toBeNull()
    await log.remove('../secret')
    expect(JSON.parse(await readFile(join(dir, 'secret.json'), 'utf8'))).toEqual(entry('x'))
  })

  it('reads an unknown id as nothing, without creating the folder', async () => {
    const dir = join(await tempDir(), 'never-made')
    expect(await createUndoLog(dir).read('nope')).toBeNull()
    await expect(stat(dir)).rejects.toThrow(/ENOENT/)
  })

  it('keeps the 20 newest edits and drops older ones, leaving other files alone', async () => {
    const dir = await tempDir()
    const log = createUndoLog(dir)
    await writeFile(join(dir, 'notes.txt'), 'mine')
    for (let i = 0; i < 20; i++) {
      await log.write(entry(`e${i}`))
      // mtimes a second apart, oldest first, so the order does not hang on the clock's resolution.
      await utimes(join(dir, `bulk-e${i}.json`), 1_000 + i, 1_000 + i)
    }
    await log.write(entry('newest'))
    const names = (await readdir(dir)).sort()
    expect(names).toHaveLength(21)
    expect(names).toContain('notes.txt')
    expect(names).toContain('bulk-newest.json')
    expect(names).not.toContain('bulk-e0.json')
    expect(await log.read('e1')).not.toBeNull()
  })
})

describe('the undo log in memory (no data folder)', () => {
  it('writes, reads and removes without touching the disk', async () => {
    const log = createUndoLog(null)
    await log.write(entry('m1'))
    expect(await log.read('m1')).toEqual(entry('m1'))
    expect(await log.read('m2')).toBeNull()
    await log.remove('m1')
    expect(await log.read('m1')).toBeNull()
  })
})
