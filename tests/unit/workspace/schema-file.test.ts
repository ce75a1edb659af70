import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { schemaFileReader } from '../../../electron/workspace/schema-file'
import { tempDir } from './helpers'

async function folderWithSchema(text: string | null): Promise<string> {
  const root = await tempDir('folio-schema-file-')
  if (text !== null) {
    await mkdir(join(root, '.folio'))
    await writeFile(join(root, '.folio/schema.yml'), text)
  }
  return root
}

/** Rewrites the schema file with a later mtime, so the change shows even on a coarse clock. */
async function rewrite(root: string, text: string): Promise<void> {
  const abs = join(root, '.folio/schema.yml')
  const before = (await stat(abs)).mtimeMs
  await writeFile(abs, text)
  const later = new Date(before + 2_000)
  await utimes(abs, later, later)
}

describe('the schema file reader', () => {
  it('gives null for a folder without a schema file', async () => {
    expect(schemaFileReader(await folderWithSchema(null))()).toBeNull()
  })

  it('reads the pins, and reads the file again only once it changed', async () => {
    const root = await folderWithSchema('keys:\n  cover: image\n  状态: { kind: text, choices: [草稿, 完成] }\n')
    const read = schemaFileReader(root)
    const first = read()
    expect(first).toEqual({
      file: '.folio/schema.yml',
      errors: [],
      pins: { keys: { cover: { kind: 'image' }, 状态: { kind: 'text', choices: ['草稿', '完成'] } }, collections: {} },
    })
    expect(read()).toBe(first)
    await rewrite(root, 'keys:\n  cover: text\n')
    expect(read()?.pins.keys).toEqual({ cover: { kind: 'text' } })
    // The same size, only a later mtime: still a change.
    await rewrite(root, 'keys:\n  cover: date\n')
    expect(read()?.pins.keys).toEqual({ cover: { kind: 'date' } })
  })

  it('forgets a deleted file, and reads it anew when it comes back', async () => {
    const root = await folderWithSchema('keys:\n  cover: text\n')
    const abs = join(root, '.folio/schema.yml')
    const mtime = new Date('2026-01-02T03:04:05Z')
    await utimes(abs, mtime, mtime)
    const read = schemaFileReader(root)
    expect(read()?.pins.keys).toEqual({ cover: { kind: 'text' } })
    await rm(abs)
    expect(read()).toBeNull()
    // Back with the same size and mtime (a checkout can do that): what was read before is gone.
    await writeFile(abs, 'keys:\n  cover: date\n')
    await utimes(abs, mtime, mtime)
    expect(read()?.pins.keys).toEqual({ cover: { kind: 'date' } })
  })

  it('names a mistake by line and keeps what was read right', async () => {
    const bad = schemaFileReader(await folderWithSchema('keys:\n  cover: [image\n'))()
    expect(bad?.pins).toEqual({ keys: {}, collections: {} })
    expect(bad?.errors).toEqual([expect.stringMatching(/^\.folio\/schema\.yml line \d+: .*Fix it; until then the file is ignored\.$/)])
    const partly = schemaFileReader(await folderWithSchema('keys:\n  cover: picture\n  date: date\n'))()
    expect(partly?.pins.keys).toEqual({ date: { kind: 'date' } })
    expect(partly?.errors).toEqual([expect.stringContaining('keys.cover: "picture" is not a kind')])
  })

  it('ignores a folder where the schema file should be', async () => {
    const root = await folderWithSchema(null)
    await mkdir(join(root, '.folio/schema.yml'), { recursive: true })
    expect(schemaFileReader(root)()).toBeNull()
  })
})
