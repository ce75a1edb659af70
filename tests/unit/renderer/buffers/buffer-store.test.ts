import { undo } from '@codemirror/commands'
import { EditorState, Text } from '@codemirror/state'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { BufferStore } from '../../../../renderer/buffers/buffer-store'
import { editorWords } from '../../../../renderer/editor/phrases'
import { TRANSITIONS, nextState, type BufferState } from '../../../../renderer/buffers/transitions'
import { FolioError } from '../../../../shared/errors'
import { FakeDisk, hashOf } from './fake-disk'
import { FORM_IDLE_TIMEOUT_MS, FORM_MAX_WAIT_MS, type FormWrite } from '../../../../renderer/buffers/form-writes'
import { merge3, resolve } from '../../../../shared/merge'

/** Every move the store made, as state:event, so the last test can check the table is covered. */
const moved = vi.hoisted(() => new Set<string>())
vi.mock('../../../../renderer/buffers/transitions', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../renderer/buffers/transitions')>()
  return {
    ...real,
    nextState: (state: BufferState, event: Parameters<typeof real.nextState>[1]) => {
      const next = real.nextState(state, event)
      if (next !== null) moved.add(`${state}:${event}`)
      return next
    },
  }
})

afterAll(() => {
  // Every move the table lists was made by at least one test above, through the store's own methods.
  const listed = Object.entries(TRANSITIONS).flatMap(([state, events]) => Object.keys(events).map((event) => `${state}:${event}`))
  expect(listed.filter((move) => !moved.has(move))).toEqual([])
})

const POST = '---\ntitle: Hello\ntags: [a]\n---\n\nFirst paragraph.\n'
const CRLF_POST = '---\r\ntitle: 你好\r\n---\r\n\r\n正文。\r\n'

function setUp(files: Record<string, string> = { 'a.md': POST }) {
  const disk = new FakeDisk(files)
  const store = new BufferStore(disk, {
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    label: 'Editor',
    rules: { site: 'plain' },
    textDelayMs: 0,
    later: (run) => run(),
  })
  const append = (text: string) => {
    const end = store.editorState(store.getSnapshot().path ?? '')?.doc.length ?? 0
    store.dispatch({ changes: { from: end, insert: text } })
  }
  const undoOnce = () => {
    const path = store.getSnapshot().path
    const state = path ? store.editorState(path) : null
    if (state) undo({ state, dispatch: (tr) => store.dispatch(tr) })
  }
  return { disk, store, append, undoOnce, state: () => store.getSnapshot().state }
}

/** Lets pending promise callbacks (the fake disk's answers) run. */
const settle = () => new Promise((done) => setTimeout(done, 5))

describe('BufferStore: the table', () => {
  it('refuses every move the table does not list, and lists a way out of every state', () => {
    const states = Object.keys(TRANSITIONS) as BufferState[]
    expect(states.sort()).toEqual(['clean', 'conflict', 'deleted', 'dirty', 'error', 'read-only', 'saving'])
    expect(nextState('clean', 'save')).toBeNull()
    expect(nextState('saving', 'save')).toBeNull()
    expect(nextState('read-only', 'edit')).toBeNull()
    expect(nextState('read-only', 'save')).toBeNull()
    for (const state of states) {
      const exits = Object.values(TRANSITIONS[state]).filter((next) => next !== state)
      expect(exits.length, state).toBeGreaterThan(0)
    }
  })
})

describe('BufferStore: editing and saving', () => {
  it('goes clean → dirty → clean by undo, and dirty → saving → clean by a save of exactly the text', async () => {
    const { store, disk, append, undoOnce, state } = setUp()
    await store.open('a.md')
    expect(state()).toBe('clean')
    append('More.\n')
    expect(state()).toBe('dirty')
    expect(store.getSnapshot().unsaved).toEqual(['a.md'])
    undoOnce()
    expect(state()).toBe('clean')
    expect(store.getSnapshot().unsaved).toEqual([])
    expect(await store.save()).toBe(false) // nothing to save: no write at all
    expect(disk.saves).toHaveLength(0)
    append('More.\n')
    const saving = store.save()
    expect(state()).toBe('saving')
    expect(await saving).toBe(true)
    expect(state()).toBe('clean')
    expect(disk.files.get('a.md')).toBe(POST + 'More.\n')
    expect(store.getSnapshot().writes).toBe(1)
  })

  it('writes the file with its own CRLF line endings and CJK text untouched', async () => {
    const { store, disk, append } = setUp({ 'zh.md': CRLF_POST })
    await store.open('zh.md')
    expect(store.getSnapshot().eol).toBe('\r\n')
    expect(store.getSnapshot().text).toBe(CRLF_POST.replace(/\r\n/g, '\n'))
    append('第二段。\r\n')
    await store.save()
    expect(disk.files.get('zh.md')).toBe(CRLF_POST + '第二段。\r\n')
  })

  it('typing during a save leaves the buffer dirty once the save ends, based on what was written', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    append('One.\n')
    disk.hold = true
    const first = store.save()
    append('Two.\n')
    expect(state()).toBe('saving')
    // A second save while the first is under way is refused: one write at a time per buffer.
    expect(await store.save()).toBe(false)
    expect(disk.saves).toHaveLength(1)
    disk.release()
    expect(await first).toBe(true)
    expect(state()).toBe('dirty')
    expect(disk.files.get('a.md')).toBe(POST + 'One.\n')
    disk.hold = false
    await store.save()
    expect(disk.files.get('a.md')).toBe(POST + 'One.\nTwo.\n')
    expect(disk.saves[1]?.baseHash).toBe(hashOf(POST + 'One.\n'))
    expect(state()).toBe('clean')
  })

  it('a failed save says why and keeps the edits; typing makes it dirty, saving again writes', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    append('x')
    disk.failNext = new FolioError({
      code: 'IO',
      path: 'a.md',
      message: 'Could not save a.md: the disk is full.',
      reason: 'io',
      params: { doing: 'save', path: 'a.md', errno: 'ENOSPC' },
    })
    expect(await store.save()).toBe(false)
    expect(state()).toBe('error')
    expect(store.getSnapshot().message).toContain('disk is full')
    expect(store.getSnapshot().failed).toBe('save')
    expect(disk.files.get('a.md')).toBe(POST)
    append('y')
    expect(state()).toBe('dirty')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST + 'xy')
    expect(store.getSnapshot().message).toBeNull()
  })

  it('publishes the text after a keystroke from the last text and the edit, without joining a long article again', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `第 ${i} 行 line ${i}`).join('\n')
    const { store, append } = setUp({ 'long.md': POST + body, 'b.md': 'B\n' })
    await store.open('long.md')
    const joins = vi.spyOn(Text.prototype, 'toString')
    try {
      append('中')
      await settle()
      append('文')
      await settle()
      expect(store.getSnapshot().text).toBe(POST + body + '中文')
      expect(joins).not.toHaveBeenCalled()
      // Another article's text is its own, joined afresh.
      await store.open('b.md')
      expect(store.getSnapshot().text).toBe('B\n')
      await store.open('long.md')
      expect(store.getSnapshot().text).toBe(POST + body + '中文')
    } finally {
      joins.mockRestore()
    }
  })

  it('keeps unsaved buffers in memory, undo history included, while another article is shown', async () => {
    const { store, disk, append, undoOnce, state } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    await store.open('a.md')
    append('edit A')
    await store.open('b.md')
    expect(store.getSnapshot().unsaved).toEqual(['a.md'])
    append('edit B')
    await store.open('a.md')
    expect(store.getSnapshot().text).toBe(POST + 'edit A')
    undoOnce()
    expect(state()).toBe('clean')
    expect(store.getSnapshot().unsaved).toEqual(['b.md'])
    expect(await store.saveAll()).toBe(true)
    expect(disk.files.get('b.md')).toBe('B\nedit B')
    expect(disk.files.get('a.md')).toBe(POST)
  })

  it('makes an opened article speak the words it was configured with: nothing to reconfigure as it shows', async () => {
    const { store } = setUp()
    const words = [EditorState.phrases.of({ Find: '查找' })]
    store.configure({ phrases: words })
    await store.open('a.md')
    const state = store.editorState('a.md')!
    expect(state.phrase('Find')).toBe('查找')
    // The very value given: the window's check (useEditorPhrases) finds it and leaves the state alone.
    expect(editorWords(state)).toBe(words)
  })

  it('a slow read never replaces an article opened after it', async () => {
    const { store } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    const slow = store.open('a.md')
    const fast = store.open('b.md')
    await Promise.all([slow, fast])
    expect(store.getSnapshot().path).toBe('b.md')
  })

  it('says why an article could not be opened', async () => {
    const { store } = setUp()
    await store.open('missing.md')
    expect(store.getSnapshot().state).toBe('error')
    expect(store.getSnapshot().message).toContain('missing.md')
    // Told as a failed open, not a failed save.
    expect(store.getSnapshot().failed).toBe('open')
    expect(store.getSnapshot().failures).toEqual([expect.stringContaining('missing.md')])
  })

  it('keeps each file that could not be restored a failure of its own, told as a failed restore', async () => {
    const { store, disk } = setUp({ 'a.md': 'A\n', 'x.md': 'X\n', 'y.md': 'Y\n' })
    disk.unreadable.add('x.md')
    disk.unreadable.add('y.md')
    await store.restore([
      { path: 'a.md', text: 'A\nmore', baseHash: hashOf('A\n') },
      { path: 'x.md', text: 'x', baseHash: hashOf('X\n') },
      { path: 'y.md', text: 'y', baseHash: hashOf('Y\n') },
    ])
    const { failed, failures } = store.getSnapshot()
    expect(failed).toBe('restore')
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatch(/^x\.md: /)
    expect(failures[0]).not.toContain('y.md')
    expect(failures[1]).toMatch(/^y\.md: /)
  })

  it('publishes only when something shown changes: typing in a dirty buffer re-renders nothing', async () => {
    const { store, append } = setUp()
    await store.open('a.md')
    append('a')
    await settle() // the text published after the pause
    let renders = 0
    const off = store.subscribe(() => renders++)
    const before = store.getSnapshot()
    append('b')
    expect(store.getSnapshot()).toBe(before) // body typing reaches `text` after the pause
    await settle()
    expect(renders).toBe(1)
    off()
  })

  it('a keystroke moves the cursor for its own listeners without a new snapshot: the workbench does not re-render for it', async () => {
    const { store } = setUp()
    await store.open('a.md')
    await settle()
    let renders = 0
    let moves = 0
    const off = store.subscribe(() => renders++)
    const offCursor = store.subscribeCursor(() => moves++)
    const end = POST.length - 1
    store.dispatch({ selection: { anchor: end } })
    expect(store.getCursor()).toEqual({ line: 6, column: 17 })
    store.dispatch({ changes: { from: end, insert: '字' }, selection: { anchor: end + 1 } })
    store.dispatch({ changes: { from: end + 1, insert: 'b' }, selection: { anchor: end + 2 } })
    await settle() // the text published after the pause
    expect(store.getCursor()).toEqual({ line: 6, column: 19 })
    expect(moves).toBe(3)
    // Only the edit's own news: the buffer became dirty, and its text was published after the pause.
    expect(renders).toBe(2)
    off()
    offCursor()
  })

  it('a header change reaches `text` and `header` once the keystroke is painted, as the last change left them', async () => {
    const { store } = setUp()
    const painted: (() => void)[] = []
    store.configure({ later: (run) => painted.push(run) })
    await store.open('a.md')
    const before = store.getSnapshot()
    const title = POST.indexOf('Hello')
    store.dispatch({ changes: { from: title + 5, insert: ' there' } })
    store.dispatch({ changes: { from: title + 11, insert: '!' } })
    expect(store.getSnapshot().text).toBe(before.text)
    for (const run of painted.splice(0)) run()
    const after = store.getSnapshot()
    expect(after.text).toBe(POST.replace('Hello', 'Hello there!'))
    expect(after.header.parsed.fields[0]?.value).toEqual({ type: 'string', value: 'Hello there!' })
    expect(after.header.bodyStart).toBe(before.header.bodyStart + 7)
  })
})

describe('BufferStore: conflicts', () => {
  it('changes on disk that do not clash with mine merge by themselves on save, undoably, and are announced', async () => {
    const { store, disk, append, undoOnce, state } = setUp()
    await store.open('a.md')
    append('Mine.\n')
    disk.files.set('a.md', POST.replace('tags: [a]', 'tags: [a, b]'))
    expect(await store.save()).toBe(true)
    const both = POST.replace('tags: [a]', 'tags: [a, b]') + 'Mine.\n'
    expect(disk.files.get('a.md')).toBe(both)
    expect(state()).toBe('clean')
    expect(store.getSnapshot().conflict).toBeNull()
    expect(store.getSnapshot().merged).toEqual({ path: 'a.md', keys: ['tags'] })
    store.rename('a.md', 'b.md')
    expect(store.getSnapshot().merged).toEqual({ path: 'b.md', keys: ['tags'] })
    store.rename('b.md', 'a.md')
    store.dismissMerged()
    expect(store.getSnapshot().merged).toBeNull()
    // The merge is one edit: undo takes the disk's change back out of the buffer.
    undoOnce()
    expect(store.getSnapshot().text).toBe(POST + 'Mine.\n')
    expect(state()).toBe('dirty')
  })

  async function conflicted() {
    const setup = setUp()
    await setup.store.open('a.md')
    setup.append('Mine.\n')
    // Both add a paragraph at the end: which goes first is for the writer to say.
    setup.disk.files.set('a.md', POST + 'Theirs.\n')
    expect(await setup.store.save()).toBe(false)
    return setup
  }

  it('a save over someone else’s change stops with base, mine and disk', async () => {
    const { store, disk, state } = await conflicted()
    expect(state()).toBe('conflict')
    const conflict = store.getSnapshot().conflict
    expect(conflict?.base).toBe(POST)
    expect(conflict?.mine).toBe(POST + 'Mine.\n')
    expect(conflict?.disk.text).toBe(POST + 'Theirs.\n')
    expect(disk.files.get('a.md')).toBe(POST + 'Theirs.\n')
    store.dismissConflict()
    expect(store.getSnapshot().conflict).toBeNull()
    expect(state()).toBe('conflict')
    expect(store.conflict()?.mine).toBe(POST + 'Mine.\n')
  })

  it('keep mine writes over exactly the disk text it was shown', async () => {
    const { store, disk, state } = await conflicted()
    expect(await store.keepMine()).toBe(true)
    expect(state()).toBe('clean')
    expect(disk.files.get('a.md')).toBe(POST + 'Mine.\n')
  })

  it('take theirs shows the disk text as an edit undo can take back', async () => {
    const { store, undoOnce, state } = await conflicted()
    store.reloadFromDisk()
    await settle()
    expect(state()).toBe('clean')
    expect(store.getSnapshot().text).toBe(POST + 'Theirs.\n')
    undoOnce()
    await settle() // body text reaches the snapshot when typing pauses
    expect(store.getSnapshot().text).toBe(POST + 'Mine.\n')
    expect(state()).toBe('dirty')
  })

  it('a merge becomes the text, based on the disk, and saves without another conflict', async () => {
    const { store, disk, state } = await conflicted()
    const merged = POST + 'Mine.\nTheirs.\n'
    store.acceptMerge(merged)
    expect(state()).toBe('dirty')
    expect(store.getSnapshot().conflict).toBeNull()
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(merged)
  })

  /** A form write still waiting (its paint not come yet) that sets the title to `title`. */
  function titleWrite(title: string): FormWrite {
    return { merge: 'value:title', make: (state) => ({ changes: patchOf(state.doc.toString(), `title: ${title}`) }) }
  }
  function patchOf(doc: string, line: string) {
    const from = doc.indexOf('title: ')
    return { from, to: doc.indexOf('\n', from), insert: line }
  }

  it('keys typed into the form while a save was under way are in "mine" when the save conflicts, and the merge keeps them', async () => {
    const waiting: (() => void)[] = []
    const { store, disk, append } = setUp()
    // Nothing publishes the text meanwhile (that makes the waiting writes too): only the conflict path can.
    store.configure({ later: (run) => void waiting.push(run), textDelayMs: 60_000 })
    await store.open('a.md')
    append('Mine.\n')
    disk.files.set('a.md', POST.replace('tags: [a]', 'tags: [a, b]') + 'Theirs.\n')
    disk.hold = true
    const saving = store.save()
    // Typed while the save waits on the disk: the write waits for the keystroke's paint.
    store.formWrite(titleWrite('Hello typed'))
    await settle()
    disk.hold = false
    disk.release()
    expect(await saving).toBe(false)
    const conflict = store.getSnapshot().conflict
    expect(conflict?.mine).toContain('title: Hello typed')
    // What the dialog does: both paragraphs, in my order, merged with the disk's tag.
    const result = merge3(conflict?.base ?? '', conflict?.mine ?? '', conflict?.disk.text ?? '', { site: 'plain' })
    store.acceptMerge(resolve(result, ['both']))
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST.replace('tags: [a]', 'tags: [a, b]').replace('Hello', 'Hello typed') + 'Mine.\nTheirs.\n')
  })

  it('the crash journal reads the buffers as they are: a form write waiting for idle time stays waiting, and is read once made', async () => {
    const waiting: (() => void)[] = []
    const { store, append } = setUp()
    store.configure({ later: (run) => void waiting.push(run) })
    await store.open('a.md')
    append('Mine.\n')
    store.formWrite(titleWrite('Hello typed'))
    // The journal's timer can fire just as a key comes: its read must not make the header write there.
    expect(store.unsavedDocs().map((d) => d.doc.toString())).toEqual([POST + 'Mine.\n'])
    for (const run of waiting.splice(0)) run()
    expect(store.unsavedDocs().map((d) => d.text())).toEqual([POST.replace('Hello', 'Hello typed') + 'Mine.\n'])
  })

  it('a form write made after the dialog showed its texts lands in the merged text, not under it', async () => {
    const waiting: (() => void)[] = []
    const { store, disk } = await conflicted()
    store.configure({ later: (run) => void waiting.push(run) })
    const conflict = store.getSnapshot().conflict
    const result = merge3(conflict?.base ?? '', conflict?.mine ?? '', conflict?.disk.text ?? '', { site: 'plain' })
    // The field commits on its way out (a date typed as text commits on blur): still waiting when Merge is chosen.
    store.formWrite(titleWrite('Hello typed'))
    store.acceptMerge(resolve(result, ['both']))
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST.replace('Hello', 'Hello typed') + 'Mine.\nTheirs.\n')
  })

  it('a form write waiting for idle time is made by the longest wait, however short the idle periods the window gets', async () => {
    const asked: { run: IdleRequestCallback; timeout: number }[] = []
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback, options?: IdleRequestOptions) => asked.push({ run, timeout: options?.timeout ?? Infinity }))
    vi.stubGlobal('cancelIdleCallback', () => undefined)
    // The text's publish after a paint is not what this test is about.
    vi.stubGlobal('requestAnimationFrame', () => 0)
    let clock = 1000
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock)
    try {
      const { store } = setUp()
      await store.open('a.md')
      store.configure({ later: undefined })
      const text = () => store.editorState('a.md')?.doc.toString()
      // Typing that goes on for the longest wait: its writes are asked for in idle time.
      store.formWrite(titleWrite('Hello t'))
      clock += FORM_MAX_WAIT_MS
      store.formWrite(titleWrite('Hello typed'))
      expect(asked).toHaveLength(1)
      const due = clock
      // Idle periods too short for the write, one after another: each asks again, never past the bound.
      for (const [i, at] of [60, 150, 240].entries()) {
        clock = due + at
        asked.at(-1)!.run({ didTimeout: false, timeRemaining: () => 1 })
        // Not made (reading the text would make it): asked for again.
        expect(asked).toHaveLength(i + 2)
        expect(clock + asked.at(-1)!.timeout).toBeLessThanOrEqual(due + FORM_IDLE_TIMEOUT_MS)
      }
      clock = due + FORM_IDLE_TIMEOUT_MS
      asked.at(-1)!.run({ didTimeout: true, timeRemaining: () => 0 })
      expect(asked).toHaveLength(4)
      expect(text()).toContain('title: Hello typed\n')
    } finally {
      now.mockRestore()
      vi.unstubAllGlobals()
    }
  })
})

describe('BufferStore: the disk', () => {
  it('a clean buffer follows a change on disk; an edited one keeps its edits and conflicts on save', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    disk.files.set('a.md', POST + 'Theirs.\n')
    await store.diskChanged({ added: [], changed: ['a.md'], removed: [] })
    expect(store.getSnapshot().text).toBe(POST + 'Theirs.\n')
    expect(state()).toBe('clean')
    append('Mine.\n')
    disk.files.set('a.md', POST)
    await store.diskChanged({ added: [], changed: ['a.md'], removed: [] })
    expect(state()).toBe('dirty')
    await settle()
    expect(store.getSnapshot().text).toBe(POST + 'Theirs.\nMine.\n')
    // They took a paragraph out and I added one after it: no clash, the save merges both.
    await store.save()
    expect(state()).toBe('clean')
    expect(disk.files.get('a.md')).toBe(POST + 'Mine.\n')
  })

  it('a file deleted on disk keeps its buffer and says so; editing keeps it deleted', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(state()).toBe('deleted')
    expect(store.getSnapshot().text).toBe(POST)
    append('Still here.\n')
    expect(state()).toBe('deleted')
    expect(store.getSnapshot().unsaved).toEqual(['a.md'])
  })

  it('a file put back on disk after a delete: clean buffers reload, edited ones save through the check', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    disk.files.set('a.md', POST)
    await store.diskChanged({ added: ['a.md'], changed: [], removed: [] })
    expect(state()).toBe('clean')
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    append('Mine.\n')
    disk.files.set('a.md', POST)
    await store.diskChanged({ added: ['a.md'], changed: [], removed: [] })
    expect(state()).toBe('dirty')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST + 'Mine.\n')
  })

  it('a rename on disk seen as a pair follows the new name, unsaved edits and all', async () => {
    const { store, disk, append, state } = setUp({ 'a.md': POST, 'other.md': 'Other\n' })
    await store.open('a.md')
    append('Mine.\n')
    disk.files.delete('a.md')
    disk.files.set('renamed.md', POST)
    await store.diskChanged({ added: ['other-new.md', 'renamed.md'], changed: [], removed: ['a.md'] })
    expect(store.getSnapshot().path).toBe('renamed.md')
    expect(state()).toBe('dirty')
    await store.save()
    expect(disk.files.get('renamed.md')).toBe(POST + 'Mine.\n')
    expect(disk.files.has('a.md')).toBe(false)
  })

  it('a file replaced in one go (removed and added in the same batch) is a change, not a delete', async () => {
    const { store, disk, state } = setUp()
    await store.open('a.md')
    disk.files.set('a.md', POST + 'Theirs.\n')
    await store.diskChanged({ added: ['a.md'], changed: [], removed: ['a.md'] })
    expect(state()).toBe('clean')
    expect(store.getSnapshot().text).toBe(POST + 'Theirs.\n')
  })
})

describe('BufferStore: renames and folders', () => {
  it('renaming an article with unsaved edits in memory moves them to the new name', async () => {
    const { store, disk, append } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    await store.open('a.md')
    append('Mine.\n')
    await store.open('b.md')
    disk.files.set('new.md', disk.files.get('a.md') ?? '')
    disk.files.delete('a.md')
    store.rename('a.md', 'new.md')
    expect(store.getSnapshot().unsaved).toEqual(['new.md'])
    expect(await store.saveAll()).toBe(true)
    expect(disk.files.get('new.md')).toBe(POST + 'Mine.\n')
  })

  it('a rename rewrites a kept buffer with unsaved edits in place, undoably, only while its text is what the rename read', async () => {
    const { store, disk, append } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    await store.open('a.md')
    append('![](p.png)\n')
    await store.open('b.md')
    const read = store.editorState('a.md')?.doc.toString() ?? ''
    expect(store.editKept('a.md', read + 'x', { from: 0, insert: 'no' }, 'input.rename')).toBe(false)
    const at = read.indexOf('p.png')
    expect(store.editKept('a.md', read, { from: at, to: at + 1, insert: 'q' }, 'input.rename')).toBe(true)
    expect(store.editorState('a.md')?.doc.toString()).toBe(POST + '![](q.png)\n')
    expect(disk.files.get('a.md')).toBe(POST)
    expect(store.getSnapshot().unsaved).toEqual(['a.md'])
    // Its own undo step: undo takes the rename's change back and keeps the typing.
    await store.open('a.md')
    const state = store.editorState('a.md')
    if (state) undo({ state, dispatch: (tr) => store.dispatch(tr) })
    expect(store.editorState('a.md')?.doc.toString()).toBe(POST + '![](p.png)\n')
  })

  it('a rename while the save is under way writes at the new name', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    append('Mine.\n')
    disk.hold = true
    const saving = store.save()
    disk.files.set('new.md', disk.files.get('a.md') ?? '')
    disk.files.delete('a.md')
    store.rename('a.md', 'new.md')
    disk.hold = false
    disk.release()
    expect(await saving).toBe(true)
    expect(state()).toBe('clean')
    expect(disk.files.get('new.md')).toBe(POST + 'Mine.\n')
    expect(disk.saves.map((s) => s.path)).toEqual(['a.md', 'new.md'])
  })

  it('forget and reset drop buffers', async () => {
    const { store, append } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    await store.open('a.md')
    append('x')
    await store.open('b.md')
    store.forget('a.md')
    expect(store.getSnapshot().unsaved).toEqual([])
    append('y')
    store.reset()
    expect(store.getSnapshot().path).toBeNull()
    expect(store.unsavedBuffers()).toEqual([])
  })
})

describe('BufferStore: read-only files', () => {
  it('cannot be saved; make writable opens it editable', async () => {
    const { store, disk, append, state } = setUp()
    disk.readOnly.set('a.md', 'a.md is read-only.')
    await store.open('a.md')
    expect(state()).toBe('read-only')
    expect(store.getSnapshot().readOnly).toBe('a.md is read-only.')
    expect(await store.save()).toBe(false)
    await store.makeWritable()
    expect(state()).toBe('clean')
    expect(store.getSnapshot().readOnly).toBeNull()
    append('Now.\n')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST + 'Now.\n')
  })
})

describe('BufferStore: the crash journal', () => {
  it('journals every unsaved buffer with its own line endings and the hash it was based on', async () => {
    const { store, append } = setUp({ 'a.md': POST, 'zh.md': CRLF_POST })
    let edits = 0
    store.onEdit(() => edits++)
    await store.open('zh.md')
    append('改。\r\n')
    await store.open('a.md')
    append('More.\n')
    expect(edits).toBe(2)
    expect(store.editCount()).toBe(2)
    expect(store.unsavedBuffers().sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: 'a.md', text: POST + 'More.\n', baseHash: hashOf(POST) },
      { path: 'zh.md', text: CRLF_POST + '改。\r\n', baseHash: hashOf(CRLF_POST) },
    ])
  })

  it('restores journaled buffers as unsaved edits; one whose file moved on conflicts on save', async () => {
    const { store, disk, state } = setUp({ 'a.md': POST + 'Theirs.\n', 'b.md': 'B\n', 'locked.md': 'L\n' })
    disk.unreadable.add('locked.md')
    await store.restore([
      { path: 'a.md', text: POST + 'Mine.\n', baseHash: hashOf(POST) },
      { path: 'b.md', text: 'B\nmore', baseHash: hashOf('B\n') },
      { path: 'locked.md', text: 'x', baseHash: hashOf('L\n') },
    ])
    expect(store.getSnapshot().path).toBe('a.md')
    expect(store.getSnapshot().unsaved).toEqual(['a.md', 'b.md'])
    expect(store.getSnapshot().message).toContain('locked.md')
    expect(await store.save()).toBe(false)
    expect(state()).toBe('conflict')
    expect(store.conflict()?.disk.text).toBe(POST + 'Theirs.\n')
    // The journal keeps no base text: nothing merges by itself against a base it cannot know.
    expect(store.conflict()?.base).toBeNull()
    await store.open('b.md')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('b.md')).toBe('B\nmore')
  })
})

describe('BufferStore: a file deleted on disk, saved again', () => {
  async function deleted(files: Record<string, string> = { 'a.md': POST }) {
    const setup = setUp(files)
    await setup.store.open('a.md')
    setup.disk.files.delete('a.md')
    await setup.store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(setup.state()).toBe('deleted')
    return setup
  }

  it('save recreates it, edited or not, with its byte order mark', async () => {
    const { store, disk, append, state } = await deleted({ 'a.md': '\uFEFF' + POST })
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe('\uFEFF' + POST)
    expect(state()).toBe('clean')
    append('More.\n')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe('\uFEFF' + POST + 'More.\n')
  })

  it('a save that finds no file fails and says so; once the watcher reports it deleted, saving writes it again', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    append('Mine.\n')
    disk.files.delete('a.md')
    expect(await store.save()).toBe(false)
    expect(state()).toBe('error')
    expect(store.getSnapshot().message).toContain('does not exist')
    expect(disk.files.has('a.md')).toBe(false)
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(state()).toBe('deleted')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST + 'Mine.\n')
  })

  it('save as writes under a new name and follows it; a taken name keeps it deleted and says why', async () => {
    const { store, disk, append, state } = await deleted({ 'a.md': POST, 'taken.md': 'theirs' })
    append('Mine.\n')
    expect(await store.saveAs('taken.md')).toBe(false)
    expect(state()).toBe('deleted')
    expect(store.getSnapshot().message).toContain('taken.md')
    expect(disk.files.get('taken.md')).toBe('theirs')
    expect(await store.saveAs('kept/a.md')).toBe(true)
    expect(store.getSnapshot().path).toBe('kept/a.md')
    expect(state()).toBe('clean')
    expect(disk.files.get('kept/a.md')).toBe(POST + 'Mine.\n')
    expect(disk.files.has('a.md')).toBe(false)
  })

  it('close drops the buffer', async () => {
    const { store } = await deleted()
    store.forget('a.md')
    expect(store.getSnapshot().path).toBeNull()
    expect(store.unsavedBuffers()).toEqual([])
  })
})

describe('BufferStore: the crash journal and deleted files', () => {
  it('a journaled buffer whose file is gone comes back as deleted, text and line endings kept, and saves again', async () => {
    const { store, disk, state } = setUp({})
    await store.restore([{ path: 'gone.md', text: CRLF_POST + '未保存。\r\n', baseHash: hashOf(CRLF_POST) }])
    expect(store.getSnapshot().path).toBe('gone.md')
    expect(state()).toBe('deleted')
    expect(store.getSnapshot().eol).toBe('\r\n')
    expect(store.getSnapshot().unsaved).toEqual(['gone.md'])
    expect(store.unsavedBuffers()).toEqual([{ path: 'gone.md', text: CRLF_POST + '未保存。\r\n', baseHash: hashOf(CRLF_POST) }])
    expect(await store.save()).toBe(true)
    expect(disk.files.get('gone.md')).toBe(CRLF_POST + '未保存。\r\n')
    expect(state()).toBe('clean')
  })

  it('a deleted buffer with edits stays in the journal while another article is shown', async () => {
    const { store, disk, append } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    await store.open('a.md')
    append('Mine.\n')
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    await store.open('b.md')
    expect(store.unsavedBuffers().map((b) => b.path)).toEqual(['a.md'])
    await store.open('a.md')
    expect(store.getSnapshot().state).toBe('deleted')
    expect(store.getSnapshot().text).toBe(POST + 'Mine.\n')
  })
})

describe('BufferStore: the rarer moves', () => {
  it('undo back to the base during a save, in a conflict and while deleted changes nothing the state says', async () => {
    const saving = setUp()
    await saving.store.open('a.md')
    saving.append('x')
    saving.disk.hold = true
    const written = saving.store.save()
    saving.undoOnce()
    expect(saving.state()).toBe('saving')
    saving.disk.release()
    await written
    // What was written was the edit; the text is the original again: dirty against the new base.
    expect(saving.state()).toBe('dirty')
    expect(saving.disk.files.get('a.md')).toBe(POST + 'x')

    const conflict = setUp()
    await conflict.store.open('a.md')
    conflict.append('Mine.\n')
    conflict.disk.files.set('a.md', POST + 'Theirs.\n')
    await conflict.store.save()
    expect(conflict.state()).toBe('conflict')
    conflict.undoOnce()
    expect(conflict.state()).toBe('conflict')
    conflict.append('Again.\n')
    expect(conflict.state()).toBe('conflict')

    const deleted = setUp()
    await deleted.store.open('a.md')
    deleted.append('w')
    deleted.disk.files.delete('a.md')
    await deleted.store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(deleted.state()).toBe('deleted')
    deleted.undoOnce()
    expect(deleted.state()).toBe('deleted')
    // Gone again in a later batch: still deleted, nothing else happens.
    await deleted.store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(deleted.state()).toBe('deleted')
  })

  it('after a failed save: undo to the base is clean, saving retries, and a delete on disk says deleted', async () => {
    const { store, disk, append, undoOnce, state } = setUp()
    await store.open('a.md')
    append('x')
    disk.failNext = new FolioError({ code: 'IO', path: 'a.md', message: 'disk full', reason: 'io', params: { doing: 'save', path: 'a.md', errno: 'ENOSPC' } })
    await store.save()
    expect(state()).toBe('error')
    undoOnce()
    expect(state()).toBe('clean')
    append('y')
    disk.failNext = new FolioError({ code: 'IO', path: 'a.md', message: 'disk full', reason: 'io', params: { doing: 'save', path: 'a.md', errno: 'ENOSPC' } })
    await store.save()
    expect(state()).toBe('error')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST + 'y')
    append('z')
    disk.failNext = new FolioError({ code: 'IO', path: 'a.md', message: 'disk full', reason: 'io', params: { doing: 'save', path: 'a.md', errno: 'ENOSPC' } })
    await store.save()
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(state()).toBe('deleted')
  })

  it('a read-only file follows changes on disk and can be deleted; a clean one that turns read-only locks', async () => {
    const { store, disk, state } = setUp({ 'a.md': POST, 'b.md': 'B\n' })
    disk.readOnly.set('a.md', 'a.md is read-only.')
    await store.open('a.md')
    disk.files.set('a.md', POST + 'Theirs.\n')
    await store.diskChanged({ added: [], changed: ['a.md'], removed: [] })
    expect(state()).toBe('read-only')
    await settle()
    expect(store.getSnapshot().text).toBe(POST + 'Theirs.\n')
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(state()).toBe('deleted')

    await store.open('b.md')
    disk.files.set('b.md', 'B changed\n')
    disk.readOnly.set('b.md', 'b.md is read-only.')
    await store.diskChanged({ added: [], changed: ['b.md'], removed: [] })
    expect(state()).toBe('read-only')
    expect(store.getSnapshot().readOnly).toBe('b.md is read-only.')
    expect(store.getSnapshot().text).toBe('B changed\n')
  })

  it('a file deleted while its conflict is open is deleted, and saving again recreates it from mine', async () => {
    const { store, disk, append, state } = setUp()
    await store.open('a.md')
    append('Mine.\n')
    disk.files.set('a.md', POST + 'Theirs.\n')
    await store.save()
    expect(state()).toBe('conflict')
    disk.files.delete('a.md')
    await store.diskChanged({ added: [], changed: [], removed: ['a.md'] })
    expect(state()).toBe('deleted')
    expect(store.getSnapshot().conflict).toBeNull()
    expect(await store.save()).toBe(true)
    expect(disk.files.get('a.md')).toBe(POST + 'Mine.\n')
  })
})
