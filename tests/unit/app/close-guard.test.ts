import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setupCloseGuard, type CloseGuard } from '../../../electron/app/close-guard'
import { confirmUnsaved, type CloseChoice } from '../../../electron/app/dialogs'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import type { EventApi, EventName } from '../../../shared/contract'
import { app, BrowserWindow, dialog } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

let window: BrowserWindow
let guard: CloseGuard
let unsaved: string[]
let choices: CloseChoice[]
let asked: number[]
let saveRequests: number
let discards: number

const settle = () => new Promise((resolve) => setImmediate(resolve))

beforeEach(() => {
  window = new BrowserWindow({})
  unsaved = []
  choices = []
  asked = []
  saveRequests = 0
  discards = 0
  app.quits = 0
  app.listeners.delete('before-quit')
  guard = setupCloseGuard(window as never, {
    unsaved: () => unsaved,
    confirm: async (count) => {
      asked.push(count)
      return choices.shift() ?? 'cancel'
    },
    requestSave: () => saveRequests++,
    discard: async () => {
      discards++
      unsaved = []
    },
    saveTimeoutMs: 1000,
  })
})

afterEach(() => vi.useRealTimers())

describe('close guard', () => {
  it('closes without asking when everything is saved, clearing the journal', async () => {
    window.close()
    await settle()
    expect(asked).toEqual([])
    expect(discards).toBe(1)
    expect(window.destroyed).toBe(true)
  })

  it('Cancel keeps the window and the unsaved work', async () => {
    unsaved = ['a.md', 'b.md']
    choices = ['cancel']
    window.close()
    await settle()
    expect(asked).toEqual([2])
    expect(window.destroyed).toBe(false)
    expect(discards).toBe(0)
  })

  it("Don't Save discards the work and closes", async () => {
    unsaved = ['a.md']
    choices = ['discard']
    window.close()
    await settle()
    expect(discards).toBe(1)
    expect(window.destroyed).toBe(true)
  })

  it('Save asks the renderer to save and closes once nothing is unsaved', async () => {
    unsaved = ['a.md', 'b.md']
    choices = ['save']
    window.close()
    await settle()
    expect(saveRequests).toBe(1)
    expect(window.destroyed).toBe(false)
    guard.unsavedChanged(['b.md'])
    await settle()
    expect(window.destroyed).toBe(false)
    unsaved = []
    guard.unsavedChanged([])
    await settle()
    expect(window.destroyed).toBe(true)
  })

  it('stays open when saving does not finish in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    unsaved = ['a.md']
    choices = ['save']
    window.close()
    await vi.advanceTimersByTimeAsync(1500)
    guard.unsavedChanged([])
    await vi.advanceTimersByTimeAsync(10)
    expect(window.destroyed).toBe(false)
  })

  it('asks once however often close is pressed while the question is open', async () => {
    unsaved = ['a.md']
    choices = ['cancel']
    window.close()
    window.close()
    await settle()
    expect(asked).toEqual([1])
  })

  it('on quit, asks too, then resumes the quit', async () => {
    unsaved = ['a.md']
    choices = ['discard']
    app.emit('before-quit')
    window.close()
    await settle()
    expect(app.quits).toBe(1)
  })

  it('a cancelled quit is forgotten: a later plain close does not quit', async () => {
    unsaved = ['a.md']
    choices = ['cancel', 'discard']
    app.emit('before-quit')
    window.close()
    await settle()
    expect(app.quits).toBe(0)
    window.close()
    await settle()
    expect(app.quits).toBe(0)
    expect(window.destroyed).toBe(true)
  })
})

/**
 * The page as the close finds it: one key typed into a clean article's form, its text edit still
 * waiting for the paint, so its last report says nothing is unsaved. Asked, it makes the edit and
 * answers; `answers` false is a page that never does (hung or gone).
 */
function pageWithAKeyWaiting(answers: boolean): { table: Handlers; asks: number[] } {
  const asks: number[] = []
  const table: Handlers = createHandlers({
    trash: async () => undefined,
    watch: false,
    emit: <E extends EventName>(event: E, payload: EventApi[E]) => {
      if (event !== 'reportUnsaved') return
      const { ask } = payload as EventApi['reportUnsaved']
      asks.push(ask)
      // A report sent before the ask arrives first, and is not the answer.
      void table.setUnsaved([])
      if (answers) setTimeout(() => void table.answerUnsaved(ask, ['posts/typed.md']), 5)
    },
  })
  void table.setUnsaved([])
  return { table, asks }
}

describe('close guard with the page asked first', () => {
  it('a window closed right after a key typed into a clean article asks to save it', async () => {
    const { table, asks } = pageWithAKeyWaiting(true)
    const closing = new BrowserWindow({})
    setupCloseGuard(closing as never, {
      unsaved: async () => (await table.unsavedNow()) ?? table.unsaved(),
      confirm: async (count) => {
        asked.push(count)
        return 'cancel'
      },
      requestSave: () => saveRequests++,
      discard: async () => void discards++,
    })
    expect(table.unsaved()).toEqual([])
    closing.close()
    await vi.waitFor(() => expect(asked).toEqual([1]))
    expect(asks).toEqual([1])
    expect(closing.destroyed).toBe(false)
    expect(discards).toBe(0)
    await table.dispose()
  })

  it('a page that does not answer is given up on after the wait, its last report kept', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { table } = pageWithAKeyWaiting(false)
    const answer = table.unsavedNow(1000)
    let got: readonly string[] | null | undefined
    void answer.then((paths) => (got = paths))
    await vi.advanceTimersByTimeAsync(999)
    expect(got).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(got).toBeNull()
    expect(table.unsaved()).toEqual([])
    await table.dispose()
  })

  it('answers are matched to their ask: an old answer does not settle a new one', async () => {
    const { table } = pageWithAKeyWaiting(false)
    const first = table.unsavedNow(10_000)
    const second = table.unsavedNow(10_000)
    await table.answerUnsaved(2, ['b.md'])
    expect(await second).toEqual(['b.md'])
    await table.answerUnsaved(1, ['a.md'])
    expect(await first).toEqual(['a.md'])
    await table.dispose()
  })
})

describe('confirmUnsaved', () => {
  it.each([
    [0, 'save'],
    [1, 'discard'],
    [2, 'cancel'],
  ] as const)('button %i means %s', async (response, choice) => {
    dialog.answers.push({ response, checkboxChecked: false })
    expect(await confirmUnsaved(new BrowserWindow({}) as never, 3, 'en')).toBe(choice)
    const options = dialog.calls.at(-1)?.options
    expect(options).toMatchObject({ buttons: ['Save', "Don't Save", 'Cancel'], cancelId: 2, defaultId: 0 })
    expect(options?.message).toContain('3 articles')
  })

  it('asks in Chinese', async () => {
    dialog.answers.push({ response: 2, checkboxChecked: false })
    await confirmUnsaved(new BrowserWindow({}) as never, 1, 'zh-CN')
    expect(dialog.calls.at(-1)?.options).toMatchObject({ buttons: ['保存', '不保存', '取消'] })
  })
})
