// @vitest-environment jsdom
/**
 * The workbench's dialog queue as pure transitions: which dialog is shown, which wait their turn,
 * which are refused, and which are answered as cancelled when they go away unanswered.
 */
import { act, createElement, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import type { Conflict } from '../../../../renderer/buffers/buffer-store'
import type { UnsavedAnswer } from '../../../../renderer/buffers/UnsavedQuestion'
import type { MediaSettings } from '../../../../shared/contract'
import {
  cancel,
  closed,
  NO_DIALOGS,
  opened,
  useDialogState,
  type Dialog,
  type DialogQueue,
  type DialogState,
} from '../../../../renderer/workbench/dialog-state'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const conflict = (mine: string): Dialog => ({
  kind: 'conflict',
  conflict: { path: 'posts/a.md', base: 'base\n', mine, disk: { text: 'disk\n', hash: 'h' } } satisfies Conflict,
})
const recovery: Dialog = { kind: 'recovery', recovered: { root: '/site', savedAt: 0, buffers: [{ path: 'posts/a.md', text: 'x', baseHash: 'h' }] } }

/** An unsaved question that records the answers it is given. */
function unsavedAsk(answers: UnsavedAnswer[]): Dialog {
  return { kind: 'unsaved', paths: ['posts/a.md'], answer: (choice) => answers.push(choice) }
}
function imageAsk(purpose: 'insert' | 'edit', answers: Array<MediaSettings | null>): Dialog {
  return { kind: 'image-settings', purpose, answer: (saved) => answers.push(saved) }
}

/** Opens each dialog in turn, nothing holding, and gives the queue and everything dropped. */
function openAll(dialogs: Dialog[], from: DialogQueue = NO_DIALOGS) {
  const dropped: Dialog[] = []
  let queue = from
  for (const dialog of dialogs) {
    const step = opened(queue, dialog, false)
    queue = step.queue
    dropped.push(...step.dropped)
  }
  return { queue, dropped }
}

describe('opening a dialog', () => {
  it('shows it when none is shown, and replaces an ordinary dialog with another', () => {
    const quick: Dialog = { kind: 'quick-open' }
    const palette: Dialog = { kind: 'command-palette' }
    expect(opened(NO_DIALOGS, quick, false)).toEqual({ queue: { shown: quick, waiting: [] }, dropped: [] })
    expect(openAll([quick, palette])).toEqual({ queue: { shown: palette, waiting: [] }, dropped: [quick] })
  })

  it('refuses an ordinary dialog while the shown one holds (a move under way, its Undo)', () => {
    const move: Dialog = { kind: 'move', from: 'a.md', to: 'b.md' }
    const queue = { shown: move, waiting: [] }
    const step = opened(queue, { kind: 'quick-open' }, true)
    expect(step.queue).toBe(queue)
    expect(step.dropped).toEqual([{ kind: 'quick-open' }])
  })

  it('keeps recovery, a conflict, the unsaved question and a merge in place against shortcuts', () => {
    for (const shown of [recovery, conflict('mine\n'), unsavedAsk([]), imageAsk('insert', []), { kind: 'git-merge', path: 'a.md' } satisfies Dialog]) {
      const queue = { shown, waiting: [] }
      expect(opened(queue, { kind: 'quick-open' }, false).queue, shown.kind).toBe(queue)
    }
  })

  it('lets a shortcut replace the image settings opened on their own (nothing waits on them)', () => {
    const answers: Array<MediaSettings | null> = []
    const edit = imageAsk('edit', answers)
    const { queue, dropped } = openAll([edit, { kind: 'settings' }])
    expect(queue.shown).toEqual({ kind: 'settings' })
    dropped.forEach(cancel)
    expect(answers).toEqual([null])
  })

  it('queues a conflict that arrives while another dialog is shown, never drops it', () => {
    const settings: Dialog = { kind: 'settings' }
    const clash = conflict('mine\n')
    const { queue, dropped } = openAll([settings, clash])
    expect(queue).toEqual({ shown: settings, waiting: [clash] })
    expect(dropped).toEqual([])
    // Also behind a dialog that holds, and behind recovery.
    expect(opened({ shown: { kind: 'move', from: 'a', to: 'b' }, waiting: [] }, clash, true).queue.waiting).toEqual([clash])
    expect(opened({ shown: recovery, waiting: [] }, clash, true).queue).toEqual({ shown: recovery, waiting: [clash] })
  })

  it('brings a shown or waiting conflict up to date in its place when a newer one comes', () => {
    const first = conflict('one\n')
    const second = conflict('two\n')
    expect(openAll([first, second]).queue).toEqual({ shown: second, waiting: [] })
    const behind = openAll([{ kind: 'export' }, first, unsavedAsk([]), second]).queue
    expect(behind.shown).toEqual({ kind: 'export' })
    expect(behind.waiting.map((d) => d.kind)).toEqual(['conflict', 'unsaved'])
    expect(behind.waiting[0]).toBe(second)
  })

  it('answers an earlier unsaved question Cancel when a newer one takes its place', () => {
    const answers: UnsavedAnswer[] = []
    const { queue, dropped } = openAll([unsavedAsk(answers), unsavedAsk(answers)])
    expect(queue.waiting).toEqual([])
    dropped.forEach(cancel)
    expect(answers).toEqual(['cancel'])
  })

  it('gives the first insert null when a second insert asks for the settings again', () => {
    const answers: Array<MediaSettings | null> = []
    const first = imageAsk('insert', answers)
    const second = imageAsk('insert', answers)
    const { queue, dropped } = openAll([first, second])
    expect(queue.shown).toBe(second)
    dropped.forEach(cancel)
    expect(answers).toEqual([null])
  })
})

describe('closing a dialog', () => {
  it('shows the next waiting one in the order they came', () => {
    const clash = conflict('mine\n')
    const ask = unsavedAsk([])
    const { queue } = openAll([recovery, clash, ask])
    const afterRecovery = closed(queue, 'recovery')
    expect(afterRecovery).toEqual({ queue: { shown: clash, waiting: [ask] }, dropped: [] })
    expect(closed(afterRecovery.queue, 'conflict').queue).toEqual({ shown: ask, waiting: [] })
  })

  it('leaves a dialog of another kind shown since alone', () => {
    const queue = { shown: { kind: 'move', from: 'a', to: 'b' } satisfies Dialog, waiting: [] }
    expect(closed(queue, 'article-menu')).toEqual({ queue, dropped: [] })
    expect(closed(queue, 'article-menu').queue).toBe(queue)
  })

  it('takes a waiting conflict out of line when it ended elsewhere', () => {
    const { queue } = openAll([{ kind: 'export' }, conflict('mine\n')])
    const step = closed(queue, 'conflict')
    expect(step.queue).toEqual({ shown: { kind: 'export' }, waiting: [] })
    expect(step.dropped.map((d) => d.kind)).toEqual(['conflict'])
  })

  it("shows an insert's settings question waiting behind image settings opened on their own once those are saved", () => {
    const answers: Array<MediaSettings | null> = []
    const insert = imageAsk('insert', answers)
    // The insert asked while the palette was shown; the palette then opened the settings on their own.
    const { queue, dropped } = openAll([{ kind: 'command-palette' }, insert, imageAsk('edit', [])])
    expect(queue.waiting).toEqual([insert])
    expect(dropped.map((d) => d.kind)).toEqual(['command-palette'])
    const step = closed(queue, 'image-settings')
    expect(step).toEqual({ queue: { shown: insert, waiting: [] }, dropped: [] })
    expect(answers).toEqual([])
  })

  it('answers a waiting question Cancel when it is taken out of line', () => {
    const answers: UnsavedAnswer[] = []
    const { queue } = openAll([recovery, unsavedAsk(answers)])
    closed(queue, 'unsaved').dropped.forEach(cancel)
    expect(answers).toEqual(['cancel'])
    expect(closed(NO_DIALOGS, 'recovery').queue).toBe(NO_DIALOGS)
  })
})

describe('useDialogState', () => {
  /** The hook mounted under StrictMode; `state()` is its latest render. */
  function mounted() {
    let latest: DialogState | null = null
    const Probe = () => {
      latest = useDialogState()
      return null
    }
    const root = createRoot(document.createElement('div'))
    act(() => root.render(createElement(StrictMode, null, createElement(Probe))))
    const state = (): DialogState => {
      if (!latest) throw new Error('not rendered')
      return latest
    }
    return { state, unmount: () => act(() => root.unmount()) }
  }

  it('answers an unsaved question Cancel when a newer one comes, and the newer with the choice made', async () => {
    const { state, unmount } = mounted()
    let first!: Promise<string>
    let second!: Promise<string>
    act(() => {
      first = state().askUnsaved(['posts/a.md'])
    })
    act(() => {
      second = state().askUnsaved(['posts/a.md', 'posts/b.md'])
    })
    expect(await first).toBe('cancel')
    const shown = state().dialog
    expect(shown?.kind === 'unsaved' && shown.paths).toEqual(['posts/a.md', 'posts/b.md'])
    act(() => {
      if (shown?.kind === 'unsaved') shown.answer('save')
      state().close('unsaved')
    })
    expect(await second).toBe('save')
    expect(state().dialog).toBeNull()
    unmount()
  })

  it('refuses a shortcut while a shown dialog holds, and takes it once the hold lets go', () => {
    const { state, unmount } = mounted()
    act(() => state().open({ kind: 'move', from: 'a.md', to: 'b.md' }))
    const letGo = state().holder.hold()
    act(() => state().open({ kind: 'quick-open' }))
    expect(state().dialog?.kind).toBe('move')
    letGo()
    act(() => state().open({ kind: 'quick-open' }))
    expect(state().dialog?.kind).toBe('quick-open')
    unmount()
  })

  it('gives focus back to where it was before the first dialog once the queue is empty', () => {
    const { state, unmount } = mounted()
    const button = document.body.appendChild(document.createElement('button'))
    button.focus()
    act(() => state().open({ kind: 'settings' }))
    act(() => state().open(conflict('mine\n')))
    button.blur()
    act(() => state().close('settings'))
    expect(state().dialog?.kind).toBe('conflict')
    expect(document.activeElement).toBe(document.body)
    act(() => state().close('conflict'))
    expect(document.activeElement).toBe(button)
    button.remove()
    unmount()
  })
})
