/**
 * A cold index on worker threads (what `folio index` uses) lists exactly what the one-thread
 * index lists, with the same folder schema, on a generated folder shaped like a real blog; files
 * that vanish, cannot be read or are not articles come out the same way.
 */
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { readOnThreads, THREAD_THRESHOLD } from '../../../electron/workspace/index-threads'
import { type ReadEntry, readEntry, withoutText } from '../../../electron/workspace/indexer'
import { pathRules, scan } from '../../../electron/workspace/scan'
import { detectSite } from '../../../electron/workspace/site'
import { generateSite } from '../../bench/generate-site'

/**
 * A read as it is compared between threads: without the text, the time the read began, or the
 * hash, which a read takes only when the file's stamp is too fresh to trust at that time.
 */
function sameRead(read: ReadEntry): ReadEntry | Omit<Exclude<ReadEntry, 'gone'>, 'readAt' | 'hash'> {
  const bare = withoutText(read)
  if (bare === 'gone') return bare
  const { readAt: _readAt, hash: _hash, ...rest } = bare
  return rest
}

const noTrash = async (): Promise<void> => {
  throw new Error('never trashes')
}

async function listing(root: string, threads: number) {
  const ws = await openWorkspace({ root, trash: noTrash, threads, readTexts: false })
  try {
    return { list: await ws.list(), schema: await ws.schema(), warnings: ws.info.warnings }
  } finally {
    await ws.close()
  }
}

describe('the index on worker threads', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'folio-threads-'))
    generateSite(root, THREAD_THRESHOLD + 200)
    // The odd files of a real folder: a header that does not parse, a text file without a header,
    // an unreadable post, a link going round in circles and one to a missing file.
    await writeFile(join(root, 'broken.md'), '---\ntitle: [unclosed\n---\nbody\n')
    await writeFile(join(root, 'notes.txt'), 'just notes\n')
    await writeFile(join(root, 'secret.md'), '---\ntitle: locked\n---\n')
    await chmod(join(root, 'secret.md'), 0)
    await symlink('.', join(root, 'loop'))
    await symlink('missing.md', join(root, 'dangling.md'))
  }, 120_000)
  afterAll(async () => {
    await chmod(join(root, 'secret.md'), 0o644).catch(() => undefined)
    await rm(root, { recursive: true, force: true })
  })

  it('lists the same articles, summaries and schema as one thread', async () => {
    const one = await listing(root, 1)
    const two = await listing(root, 2)
    expect(one.list.length).toBeGreaterThan(THREAD_THRESHOLD)
    expect(two.list).toEqual(one.list)
    expect(two.schema).toEqual(one.schema)
    expect(two.warnings).toEqual(one.warnings)
    expect(two.list.find((a) => a.path === 'broken.md')?.error?.code).toBe('syntax')
  }, 300_000)

  it('shares the files with a worker thread, which sends summaries without texts', async () => {
    const site = await detectSite(root)
    const rules = pathRules(site)
    const entries = await scan(site, rules)
    let here = 0
    const read = await readOnThreads(entries, site, 2, (entry) => {
      here++
      return readEntry(entry, site, rules)
    })
    expect(read).toHaveLength(entries.length)
    // The worker is handed two batches before this thread starts: it always reads some.
    expect(here).toBeLessThan(entries.length)
    // Each read carries the time it began (for stampTrusted), which differs between two reads.
    const started = Date.now()
    const again = entries.map((e) => readEntry(e, site, rules))
    expect(read.map(sameRead)).toEqual(again.map(sameRead))
    for (const r of read) if (r !== 'gone') expect(r.readAt).toBeLessThanOrEqual(started)
    // A hash taken on both sides is of the same bytes.
    read.forEach((r, i) => {
      const a = again[i]
      if (r !== 'gone' && a !== undefined && a !== 'gone' && r.hash !== undefined && a.hash !== undefined) expect(r.hash).toBe(a.hash)
    })
  }, 300_000)
})
