/**
 * Form writes through the buffer store: made after the keystroke's paint, keys typed quickly made
 * as one write, and made first by everything that reads, saves or leaves the text, in order.
 */
import { describe, expect, it } from 'vitest'
import { BufferStore } from '../../../../renderer/buffers/buffer-store'
import { FORM_IDLE_NEEDS_MS, FORM_MAX_WAIT_MS, FORM_PAUSE_MS, idleEnough, typedLongEnough } from '../../../../renderer/buffers/form-writes'
import { FieldSession } from '../../../../renderer/properties/field-session'
import { addListItem } from '../../../../shared/frontmatter'
import type { EditOptions } from '../../../../shared/frontmatter/types'
import { FakeDisk } from './fake-disk'

const POST = "---\ntitle: Hello\nauthor: 'The team'\ntags:\n  - js\n---\n\nBody.\n"
const OTHER = '---\ntitle: Other\n---\n\nMore.\n'

function setUp(files: Record<string, string> = { 'a.md': POST, 'b.md': OTHER }, eol: '\n' | '\r\n' = '\n') {
  const disk = new FakeDisk(files)
  /** What waits for the keystroke's paint; paint() runs it. */
  const painted: (() => void)[] = []
  const store = new BufferStore(disk, {
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    label: 'Editor',
    rules: { site: 'plain' },
    textDelayMs: 0,
    later: (run) => painted.push(run),
  })
  const options: EditOptions = { eol }
  const field = (key: string) => new FieldSession(store, key, () => options)
  const paint = () => {
    for (const run of painted.splice(0)) run()
  }
  const doc = (path = 'a.md') => store.editorState(path)?.doc.toString()
  /** Types `text` after `start` one key at a time, as the form's input reports it. */
  const type = (session: FieldSession, start: string, text: string) => {
    for (let i = 1; i <= text.length; i++) session.write(start + text.slice(0, i))
  }
  return { disk, store, field, paint, doc, type, painted }
}

describe('form writes', () => {
  it('reach the text after the paint, keys typed quickly as one write of the last value, one field’s lines only', async () => {
    const { store, field, paint, type } = setUp()
    await store.open('a.md')
    let edits = 0
    store.onEdit(() => edits++)
    const title = field('title')
    title.begin()
    type(title, 'Hello', ' world')
    // Nothing written yet: the keystroke's frame carries the input alone.
    expect(edits).toBe(0)
    expect(store.getSnapshot().text).toBe(POST)
    paint()
    expect(edits).toBe(1)
    expect(store.getSnapshot().text).toBe(POST.replace('title: Hello', 'title: Hello world'))
    expect(store.getSnapshot().state).toBe('dirty')
  })

  it('are made in the order asked: a chip between two runs of typing keeps its place', async () => {
    const { store, field, paint, doc } = setUp()
    await store.open('a.md')
    const title = field('title')
    const tags = field('tags')
    title.begin()
    title.write('Hello!')
    tags.edit((text, options) => addListItem(text, 'tags', 'css', options))
    title.write('Hello!!')
    // The same key again after the chip: a write of its own, not merged across the chip.
    expect(doc()).toBe(POST.replace('title: Hello', 'title: Hello!!').replace('  - js\n', '  - js\n  - css\n'))
    // editorState() made them (a reader never sees a text without them); nothing is left for the paint.
    paint()
    expect(doc()).toBe(POST.replace('title: Hello', 'title: Hello!!').replace('  - js\n', '  - js\n  - css\n'))
  })

  it('are made before a save (Ctrl+S right after typing): the bytes on disk have every key', async () => {
    const { store, disk, field, type } = setUp()
    await store.open('a.md')
    const author = field('author')
    author.begin()
    type(author, 'The team', ' and friends')
    expect(await store.save()).toBe(true)
    // The original quotes stay; only the author's line changed.
    expect(disk.files.get('a.md')).toBe(POST.replace("author: 'The team'", "author: 'The team and friends'"))
    expect(store.getSnapshot().state).toBe('clean')
  })

  it('are made before undo, and undo takes the whole field’s typing back in one step', async () => {
    const { store, field, paint, type, doc } = setUp()
    await store.open('a.md')
    const title = field('title')
    title.begin()
    type(title, 'Hello', ' there')
    paint()
    type(title, 'Hello there', ' again')
    // Ctrl+Z before the last keys were written: they are part of the step it undoes.
    expect(title.undo()).toBe(true)
    expect(doc()).toBe(POST)
    expect(store.getSnapshot().state).toBe('clean')
    expect(title.redo()).toBe(true)
    expect(doc()).toBe(POST.replace('title: Hello', 'title: Hello there again'))
  })

  it('land in the article they were typed in when another is opened before the paint', async () => {
    const { store, field, paint, doc } = setUp()
    await store.open('a.md')
    const title = field('title')
    title.begin()
    title.write('Hello you')
    await store.open('b.md')
    paint()
    expect(doc('a.md')).toBe(POST.replace('title: Hello', 'title: Hello you'))
    expect(doc('b.md')).toBe(OTHER)
    expect(store.getSnapshot().unsaved).toEqual(['a.md'])
  })

  it('are in the crash journal’s snapshot taken before the paint', async () => {
    const { store, field, type } = setUp()
    await store.open('a.md')
    const title = field('title')
    title.begin()
    type(title, 'Hello', ' 世界')
    expect(store.unsavedBuffers()).toEqual([expect.objectContaining({ path: 'a.md', text: POST.replace('title: Hello', 'title: Hello 世界') })])
  })

  it('are made on blur, and a write asked for a buffer dropped meanwhile is not made anywhere', async () => {
    const { store, field, paint, doc, painted } = setUp()
    await store.open('a.md')
    const title = field('title')
    title.begin()
    title.write('Hello.')
    title.end()
    expect(doc()).toBe(POST.replace('title: Hello', 'title: Hello.'))
    paint()
    title.begin()
    title.write('Gone')
    store.reset()
    expect(painted.length).toBeGreaterThan(0)
    paint()
    await store.open('a.md')
    expect(doc()).toBe(POST)
  })
})

describe('form writes into a CRLF article', () => {
  const CRLF = '---\r\ntitle: Windows\r\ntags:\r\n  - one\r\n---\r\n\r\nBody line.\r\n'

  it('add a list item and then a field inside the header, each after its own paint, and save CRLF bytes', async () => {
    const { disk, store, field, paint } = setUp({ 'win.md': CRLF }, '\r\n')
    await store.open('win.md')
    const tags = field('tags')
    tags.begin()
    tags.edit((text, o) => addListItem(text, 'tags', 'two', o))
    tags.end()
    paint()
    // The form's Add field: an empty key first, then its value typed key by key.
    const author = field('author')
    author.write(null)
    paint()
    author.begin()
    for (const typed of ['M', 'Me']) {
      author.write(typed)
      paint()
    }
    author.end()
    expect(store.editorState('win.md')?.doc.toString()).toBe('---\ntitle: Windows\ntags:\n  - one\n  - two\nauthor: Me\n---\n\nBody line.\n')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('win.md')).toBe('---\r\ntitle: Windows\r\ntags:\r\n  - one\r\n  - two\r\nauthor: Me\r\n---\r\n\r\nBody line.\r\n')
  })
})

describe('a run of typing', () => {
  it('is written when it pauses, or after a key’s paint once its first write has waited the longest wait', () => {
    expect(typedLongEnough(0, 0)).toBe(false)
    expect(typedLongEnough(FORM_MAX_WAIT_MS - 1, 0)).toBe(false)
    expect(typedLongEnough(FORM_MAX_WAIT_MS, 0)).toBe(true)
    expect(typedLongEnough(1000 + FORM_MAX_WAIT_MS + 50, 1000)).toBe(true)
    // A pause ends a run before the longest wait does.
    expect(FORM_PAUSE_MS).toBeLessThan(FORM_MAX_WAIT_MS)
  })

  it('is written in an idle period long enough for it, or in any once it waited the longest it may', () => {
    const idle = (remaining: number, didTimeout = false) => ({ didTimeout, timeRemaining: () => remaining })
    expect(idleEnough(idle(50))).toBe(true)
    expect(idleEnough(idle(FORM_IDLE_NEEDS_MS))).toBe(true)
    // A frame is due: left for the next idle period.
    expect(idleEnough(idle(FORM_IDLE_NEEDS_MS - 1))).toBe(false)
    expect(idleEnough(idle(0, true))).toBe(true)
  })
})
