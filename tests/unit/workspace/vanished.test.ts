import { access, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventApi, EventName } from '../../../shared/contract'
import { createHandlers } from '../../../electron/handlers'
import { copySite, fakeTrash, open } from './helpers'

const POST = 'source/_posts/2024-03-01-hello-hexo.md'

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('a folder that vanishes while open', () => {
  it('New article says so and does not make the folder again', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    await rm(root, { recursive: true })
    await expect(ws.create({ title: 'after' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no longer exists.*Nothing was created/),
    })
    await expect(access(root)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('renamed away: the app is told once, saves and reads are refused, and nothing makes the folder again', async () => {
    const root = await copySite('hexo')
    const { trash } = await fakeTrash()
    const events: { event: EventName; payload: unknown }[] = []
    const handlers = createHandlers({
      trash,
      emit: <E extends EventName>(event: E, payload: EventApi[E]) => void events.push({ event, payload }),
    })
    try {
      const info = await handlers.openFolder(root)
      const article = await handlers.readArticle(POST)
      const moved = `${root}-moved`
      await rename(root, moved)

      const gone = () => events.filter((e) => e.event === 'folderGone')
      await until(() => gone().length > 0, 'the folderGone event')
      expect(gone()).toEqual([{ event: 'folderGone', payload: { root: info?.root } }])

      await expect(handlers.saveArticle(POST, article.text + '\nmore', article.hash)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        path: POST,
        message: expect.stringMatching(/Could not save .*hello-hexo\.md: the open folder .* no longer exists.*Nothing was written/),
      })
      await expect(handlers.readArticle(POST)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer exists/) })
      await expect(access(root)).rejects.toMatchObject({ code: 'ENOENT' })
      // The moved folder is untouched: no temp file was left in it by the refused save.
      expect(await readdir(join(moved, 'source/_posts'))).not.toContainEqual(expect.stringMatching(/\.tmp$/))
      expect(gone()).toHaveLength(1)

      // Locating it: the folder opens where it is now, and the article reads as before.
      await handlers.openFolder(moved)
      expect((await handlers.readArticle(POST)).text).toBe(article.text)
      await handlers.closeFolder()
      expect(await handlers.getFolder()).toBeNull()
    } finally {
      await handlers.dispose()
    }
  })

  it('a new folder made at the same path is not the folder that was open', async () => {
    const root = await copySite('hexo')
    const { trash } = await fakeTrash()
    const goneRoots: string[] = []
    const handlers = createHandlers({ trash, emit: (event, payload) => event === 'folderGone' && goneRoots.push((payload as EventApi['folderGone']).root) })
    try {
      const info = await handlers.openFolder(root)
      const article = await handlers.readArticle(POST)
      await rename(root, `${root}-old`)
      await copySite('hexo').then((other) => rename(other, root))
      await expect(handlers.saveArticle(POST, article.text + 'x', article.hash)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(goneRoots).toEqual([info?.root])
    } finally {
      await handlers.dispose()
    }
  })
})
