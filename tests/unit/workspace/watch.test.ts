import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { ContentChange } from '../../../shared/contract'
import { copySite, open, waitFor } from './helpers'

const run = promisify(execFile)

/** Changes the folder from another process, as another editor or git would. */
async function inOtherProcess(cwd: string, script: string): Promise<void> {
  await run(process.execPath, ['-e', `const fs = require('node:fs'); ${script}`], { cwd })
}

function collector(): { changes: ContentChange[]; onChange: (c: ContentChange) => void; all: (k: keyof ContentChange) => string[] } {
  const changes: ContentChange[] = []
  return { changes, onChange: (c) => changes.push(c), all: (k) => changes.flatMap((c) => c[k]) }
}

describe('watch', () => {
  it('picks up edits, additions and deletions made by another process', async () => {
    const root = await copySite('hexo')
    const events = collector()
    const ws = await open(root, { watch: true, onChange: events.onChange, watchTiming: { quietMs: 80, maxWaitMs: 500 } })
    await inOtherProcess(
      root,
      `const p = 'source/_posts/2024-03-01-hello-hexo.md';
       fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('你好，Hexo', '外部编辑'));
       fs.writeFileSync('source/_posts/new-from-git.md', '---\\ntitle: 新文章\\n---\\n正文\\n');
       fs.unlinkSync('source/_posts/2022-05-10-hidden.md');
       fs.writeFileSync('source/_posts/2024-03-01-hello-hexo/another.png', 'not an article');`,
    )
    await waitFor(() => events.all('changed').length > 0 && events.all('added').length > 0 && events.all('removed').length > 0)
    expect(events.all('changed')).toEqual(['source/_posts/2024-03-01-hello-hexo.md'])
    expect(events.all('added')).toEqual(['source/_posts/new-from-git.md'])
    expect(events.all('removed')).toEqual(['source/_posts/2022-05-10-hidden.md'])
    const list = await ws.list()
    expect(list.find((a) => a.path === 'source/_posts/2024-03-01-hello-hexo.md')?.title).toBe('外部编辑')
    expect(list.find((a) => a.path === 'source/_posts/new-from-git.md')?.title).toBe('新文章')
    expect(list.some((a) => a.path === 'source/_posts/2022-05-10-hidden.md')).toBe(false)
    expect((await ws.search('外部编辑')).length).toBe(1)
  })

  it('does not report Folio’s own saves, creations and renames as outside changes', async () => {
    const root = await copySite('plain')
    const events = collector()
    const ws = await open(root, { watch: true, onChange: events.onChange, watchTiming: { quietMs: 50, maxWaitMs: 300 } })
    const file = await ws.read('notes/toml.md')
    await ws.save('notes/toml.md', file.text + 'x\n', file.hash)
    const created = await ws.create({ title: 'mine' })
    await ws.rename(created.path, 'notes/mine.md')
    await new Promise((r) => setTimeout(r, 600))
    expect(events.changes).toEqual([])
  })

  it('coalesces a checkout-sized burst (5,000 files) into a few events', async () => {
    const root = await copySite('plain')
    const events = collector()
    const ws = await open(root, { watch: true, onChange: events.onChange })
    await inOtherProcess(
      root,
      `fs.mkdirSync('burst', { recursive: true });
       for (let i = 0; i < 5000; i++) fs.writeFileSync('burst/post-' + i + '.md', '---\\ntitle: 第' + i + '篇\\n---\\nbody ' + i + '\\n');
       fs.rmSync('notes', { recursive: true });`,
    )
    await waitFor(
      () => events.all('added').length >= 5000 && events.all('removed').length >= 4,
      60_000,
      () => ({ events: events.changes.length, added: events.all('added').length, removed: events.all('removed') }),
    )
    expect(events.changes.length).toBeLessThanOrEqual(10)
    expect(new Set(events.all('added')).size).toBe(5000)
    expect(events.all('removed').sort()).toEqual(['notes/bom.md', 'notes/crlf.md', 'notes/latin1.md', 'notes/toml.md'])
    expect((await ws.list()).length).toBe(5001)
  }, 90_000)
})
