/**
 * The schema of keys alone (what `folio index` and `folio check` work the required keys out
 * from) gives every collection the same keys, presences, kinds and required keys as the whole
 * folder schema, pins and broken headers included, on a folder shaped like a real blog.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requiredKeys } from '../../../shared/frontmatter/checks'
import type { FolderSchema } from '../../../shared/schema'
import { prepareFolderIndex } from '../../../electron/workspace/folder-index'
import { generateSite } from '../../bench/generate-site'

/** What the checks read of a schema: per collection, each key's count, presence, kind and pin, and the required keys. */
function keysOf(schema: FolderSchema) {
  return schema.collections.map((c) => ({
    name: c.name,
    articles: c.articles,
    required: requiredKeys(c),
    keys: c.keys.map((k) => [k.key, k.count, k.presence, k.kind, k.required, k.pinned]),
  }))
}

describe('the key schema', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'folio-key-schema-'))
    // Two collections of a Hugo site: posts (generated, most with a thumbnail) and a few notes.
    await writeFile(join(root, 'hugo.toml'), 'title = "site"\n')
    generateSite(join(root, 'content/posts'), 120)
    await mkdir(join(root, 'content/notes'), { recursive: true })
    for (let i = 0; i < 12; i++) await writeFile(join(root, `content/notes/n${i}.md`), `---\ntitle: Note ${i}\nmood: ${i % 3 ? 'ok' : 'fine'}\n---\nbody\n`)
    await writeFile(join(root, 'content/notes/broken.md'), '---\ntitle: [unclosed\nsecret: yes\n---\n')
    await mkdir(join(root, '.folio'))
    await writeFile(
      join(root, '.folio/schema.yml'),
      'keys:\n  author: { required: true }\n  reviewer: { required: true, kind: text }\ncollections:\n  notes:\n    mood: { required: false }\n',
    )
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('requires what the whole schema requires, collection by collection', async () => {
    const folder = await prepareFolderIndex(root)
    await folder.index.build()
    try {
      const pins = folder.schemaFile()
      expect(pins?.errors).toEqual([])
      const whole = keysOf(folder.index.schema(pins))
      expect(whole.map((c) => c.name).sort()).toHaveLength(2)
      expect(whole.flatMap((c) => c.required)).toContain('reviewer')
      expect(keysOf(folder.index.keySchema(pins))).toEqual(whole)
    } finally {
      await folder.index.close()
    }
  })
})
