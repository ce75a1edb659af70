/** The index keeps each article's keys and file-only field checks; the library adds the rest. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { summaryChecks } from '../../../shared/frontmatter/checks'
import { open, tempDir } from './helpers'

describe('field checks in the index', () => {
  it('stores keys and length checks, and adds required keys and scheduled dates on demand', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'long.md'), `---\ntitle: ${'长'.repeat(31)}\ndate: 2999-01-01 09:00:00\n---\nbody\n`)
    await writeFile(join(root, 'twice.md'), '---\ntitle: A\ntitle: B\n---\nbody\n')
    const ws = await open(root)
    const list = Object.fromEntries((await ws.list()).map((a) => [a.path, a]))
    const long = list['long.md']!
    expect(long.keys).toEqual(['title', 'date'])
    expect(long.checks.map((c) => c.code)).toEqual(['title-length'])
    expect(summaryChecks(long, { required: ['title', 'tags'], now: Date.UTC(2026, 0, 1) }).map((c) => c.code)).toEqual([
      'title-length',
      'missing-required',
      'scheduled',
    ])
    // A header that does not parse has unknown keys: it is not also missing every required key.
    const twice = list['twice.md']!
    expect(summaryChecks(twice, { required: ['title'] }).map((c) => [c.code, c.key, c.line])).toEqual([['duplicate-key', 'title', 3]])
    await ws.close()
  })
})
