/**
 * A photo that fails after its link went in takes the link out of whichever buffer holds it now:
 * the article renamed meanwhile still loses the link (the buffer is found by what it follows, not
 * by its old path). Saved and closed meanwhile, the file is left as the writer saved it and the
 * message names that file and the image.
 */
import { describe, expect, it } from 'vitest'
import { BufferStore } from '../../../../renderer/buffers/buffer-store'
import { endLanding, followLanding } from '../../../../renderer/media/landing-links'
import { linkLeft } from '../../../../renderer/media/useImageInsert'
import type { InsertedImage } from '../../../../shared/contract'
import { FakeDisk } from '../buffers/fake-disk'

const POST = '---\ntitle: 海边\n---\n\nThe sea.\n'
const LINK = '![海边](/images/海边.jpg)'
const IMAGE: InsertedImage = { path: 'static/images/海边.jpg', link: LINK, reused: false, landing: 'job-1' }

function setUp() {
  const disk = new FakeDisk({ 'posts/sea.md': POST, 'posts/other.md': '---\ntitle: Other\n---\n' })
  const store = new BufferStore(disk, {
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    label: 'Editor',
    rules: { site: 'plain' },
    textDelayMs: 0,
    later: (run) => run(),
  })
  /** Puts the link in at the end of the shown article, as a paste does. */
  const insertLink = () => {
    const state = store.editorState(store.getSnapshot().path ?? '')!
    const at = state.doc.length
    store.dispatch({ changes: { from: at, insert: LINK }, effects: followLanding(state, 'job-1', at, LINK), userEvent: 'input.paste' })
  }
  return { disk, store, insertLink }
}

describe('a failed photo whose article moved on', () => {
  it('loses its link in the buffer after the article was renamed, unsaved edits kept', async () => {
    const { disk, store, insertLink } = setUp()
    await store.open('posts/sea.md')
    insertLink()
    store.dispatch({ changes: { from: 0, insert: '' } })
    disk.files.set('posts/sea/index.md', POST)
    disk.files.delete('posts/sea.md')
    store.rename('posts/sea.md', 'posts/sea/index.md')
    expect(store.editAny((state) => endLanding(state, 'job-1', true))).toBe('posts/sea/index.md')
    expect(store.editorState('posts/sea/index.md')?.doc.toString()).toBe(POST)
    // Taking the link out again found nothing to do: the follow ended with it.
    expect(store.editAny((state) => endLanding(state, 'job-1', true))).toBeNull()
  })

  it('loses its link in a renamed buffer kept in the background too', async () => {
    const { store, insertLink } = setUp()
    await store.open('posts/sea.md')
    insertLink()
    store.dispatch({ changes: { from: POST.length - 1, insert: ' Waves.' } })
    await store.open('posts/other.md')
    store.rename('posts/sea.md', 'posts/sea/index.md')
    expect(store.editAny((state) => endLanding(state, 'job-1', true))).toBe('posts/sea/index.md')
    expect(store.editorState('posts/sea/index.md')?.doc.toString()).toBe('---\ntitle: 海边\n---\n\nThe sea. Waves.\n')
  })

  it('leaves a saved and closed file as saved and names it and the image', async () => {
    const { disk, store, insertLink } = setUp()
    await store.open('posts/sea.md')
    insertLink()
    expect(await store.save()).toBe(true)
    await store.open('posts/other.md')
    expect(store.editAny((state) => endLanding(state, 'job-1', true))).toBeNull()
    expect(disk.files.get('posts/sea.md')).toBe(POST + LINK)
    const error = linkLeft('posts/sea.md', [IMAGE, { path: 'static/images/b.png', link: '![](/images/b.png)', reused: true }], 'job-1', '海边.jpg is damaged.')
    expect(error.message).toBe(
      '海边.jpg is damaged. The link to 海边.jpg was left in posts/sea.md: that article was saved and closed before the image failed, and Folio does not change a closed file behind your back. Open posts/sea.md and remove the link, or insert the image again.',
    )
    expect(error).toMatchObject({ code: 'IO', path: 'posts/sea.md', reason: 'image-link-left', params: { name: '海边.jpg', path: 'posts/sea.md' } })
  })
})
