/**
 * A FIFO, socket or device with an article's name is listed as an error and never opened: a read
 * of a FIFO waits for a writer forever, and four such reads used to fill Node's I/O thread pool.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadArticle } from '../../../electron/export/article'
import { pathRules } from '../../../electron/workspace/scan'
import { detectSite } from '../../../electron/workspace/site'
import { open, tempDir } from './helpers'

/** Fails instead of hanging the test run when something waits on the pipe. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))])
}

describe('named pipes and other special files', () => {
  it('a FIFO named .md is listed with an error; read, save, search and export refuse it at once; the I/O pool stays free', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'good.md'), '---\ntitle: Good\n---\nfine\n')
    execFileSync('mkfifo', [join(folder, 'pipe.md')])
    const ws = await within(10_000, open(folder))
    const rows = await ws.list()
    const pipe = rows.find((a) => a.path === 'pipe.md')
    expect(pipe?.error?.code).toBe('unreadable')
    expect(pipe?.error?.message).toMatch(/named pipe \(FIFO\)/)
    expect(rows.find((a) => a.path === 'good.md')?.error).toBeNull()

    const attempts = Array.from({ length: 8 }, () =>
      within(5_000, ws.read('pipe.md')).then(
        () => 'read',
        (e: { code?: string; message: string }) => e.code ?? e.message,
      ),
    )
    expect(await Promise.all(attempts)).toEqual(Array(8).fill('IO'))
    await expect(within(5_000, ws.save('pipe.md', 'x', 'hash'))).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(/pipe\.md.*named pipe/) })
    await expect(within(5_000, ws.search('fine'))).resolves.toHaveLength(1)
    const site = await detectSite(folder)
    await expect(within(5_000, loadArticle(site, pathRules(site), 'pipe.md'))).rejects.toThrow(/named pipe|not a regular file/)
    // Had any of those opened the pipe, the pool's four threads would be stuck and this would hang.
    expect((await within(5_000, ws.read('good.md'))).text).toContain('fine')
    expect(await within(5_000, readFile(join(folder, 'good.md'), 'utf8'))).toContain('fine')
  })

  it('a folder named like an article is refused as a folder, by its name', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'notes.md'))
    const ws = await within(10_000, open(folder))
    const refusal = { code: 'BAD_ARGUMENT', reason: 'is-folder', path: 'notes.md', message: 'Could not read notes.md: it is a folder, not a file.' }
    await expect(within(5_000, ws.read('notes.md'))).rejects.toMatchObject(refusal)
  })
})
