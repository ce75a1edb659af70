/**
 * A past version or a merge put into the shown article through the real BufferStore (over the
 * in-memory disk of the buffer tests): one undoable edit, in the file's own line endings, that
 * leaves the lines that did not change (and a cursor on them) where they were.
 */
import { undo } from '@codemirror/commands'
import type { TransactionSpec } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { BufferStore } from '../../../../renderer/buffers/buffer-store'
import { replaceShownText } from '../../../../renderer/git/replace-text'
import { FakeDisk } from '../buffers/fake-disk'

const NOW = '---\r\ntitle: 旅行笔记\r\n---\r\n\r\n第一天。\r\n第二天。\r\n'
const PAST = '---\ntitle: 旅行\n---\n\n第一天。\n'

function setUp(files: Record<string, string> = { 'posts/trip.md': NOW }) {
  const disk = new FakeDisk(files)
  const store = new BufferStore(disk, {
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    label: 'Editor',
    rules: { site: 'plain' },
    textDelayMs: 0,
    later: (run) => run(),
  })
  const state = () => store.editorState(store.getSnapshot().path ?? '')
  return { disk, store, state }
}

describe('replaceShownText', () => {
  it('does nothing and says so when no article is shown', () => {
    const { store } = setUp()
    expect(replaceShownText(store, PAST)).toBe(false)
    expect(store.getSnapshot().path).toBeNull()
  })

  it('writes the past version in the file’s own CRLF endings, whatever endings it came with', async () => {
    const { store, disk } = setUp()
    await store.open('posts/trip.md')
    expect(replaceShownText(store, PAST)).toBe(true)
    expect(store.getSnapshot().state).toBe('dirty')
    expect(await store.save()).toBe(true)
    expect(disk.files.get('posts/trip.md')).toBe(PAST.replace(/\n/g, '\r\n'))
  })

  it('is one step of undo, back to the text as it was', async () => {
    const { store, state } = setUp()
    await store.open('posts/trip.md')
    replaceShownText(store, PAST)
    const current = state()
    if (!current) throw new Error('no buffer')
    undo({ state: current, dispatch: (tr) => store.dispatch(tr) })
    expect(state()?.doc.toString()).toBe(NOW.replace(/\r\n/g, '\n'))
    expect(store.getSnapshot().state).toBe('clean')
  })

  it('changes only the lines that differ: a cursor on an unchanged line stays on it', async () => {
    const { store, state } = setUp()
    await store.open('posts/trip.md')
    const firstDay = state()?.doc.line(5)
    if (!firstDay) throw new Error('no buffer')
    store.dispatch({ selection: { anchor: firstDay.from + 2 } })
    const before = state()
    const sent: TransactionSpec[] = []
    const dispatch = store.dispatch.bind(store)
    store.dispatch = (spec) => (sent.push(spec), dispatch(spec))
    replaceShownText(store, '---\r\ntitle: 旅行\r\n---\r\n\r\n第一天。\r\n第二天。\r\n第三天。\r\n')
    const replaced: [string, string][] = []
    before
      ?.changes(sent[0]?.changes)
      .iterChanges(
        (fromA, toA, _fromB, _toB, inserted) => void replaced.push([before.sliceDoc(fromA, toA), inserted.sliceString(0, inserted.length, before.lineBreak)]),
      )
    expect(replaced).toEqual([
      ['title: 旅行笔记\r\n', 'title: 旅行\r\n'],
      ['', '第三天。\r\n'],
    ])
    const after = state()
    expect(after?.doc.line(5).text).toBe('第一天。')
    expect(after?.selection.main.head).toBe((after?.doc.line(5).from ?? -1) + 2)
  })
})
