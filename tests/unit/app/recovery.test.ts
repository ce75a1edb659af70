import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers, dispatch, type Handlers } from '../../../electron/handlers'
import { JOURNAL_FILE } from '../../../electron/recovery/crash-journal'
import { setupCrashRecovery } from '../../../electron/app/recovery'
import { BrowserWindow, FakeEvent } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

let base: string
let site: string
let journalDir: string
const opened: Handlers[] = []

function handlers(): Handlers {
  const table = createHandlers({ trash: async () => undefined, emit: () => undefined, watch: false, journalDir })
  opened.push(table)
  return table
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-recovery-'))
  site = join(base, 'site')
  journalDir = join(base, 'userData', 'recovery')
  await mkdir(site)
  await writeFile(join(site, 'a.md'), '---\ntitle: A\n---\nBody\n')
})

afterEach(async () => {
  for (const table of opened.splice(0)) await table.dispose()
  await rm(base, { recursive: true, force: true })
})

const buffer = { path: 'a.md', text: '---\ntitle: A\n---\nBody, edited but never saved\n', baseHash: 'abc' }

describe('crash journal through the handlers', () => {
  it('journals unsaved buffers after the debounce and offers them to the next launch', async () => {
    const first = handlers()
    const info = await first.openFolder(site)
    expect(await dispatch(first, 'journalUnsaved', [[buffer]])).toEqual({ ok: true, value: undefined })
    // Killed without any chance to flush: only the debounced write protects the text.
    await vi.waitFor(() => expect(existsSync(join(journalDir, JOURNAL_FILE))).toBe(true), { timeout: 5000 })

    const afterCrash = handlers()
    const recovered = await dispatch(afterCrash, 'takeRecovered', [])
    expect(recovered).toMatchObject({ ok: true, value: { root: info?.root, buffers: [buffer] } })
  })

  it('a reloaded renderer gets back what it journaled moments before crashing', async () => {
    const table = handlers()
    await table.openFolder(site)
    await table.journalUnsaved([buffer])
    expect((await table.takeRecovered())?.buffers).toEqual([buffer])
  })

  it('needs an open folder to journal, but not to clear', async () => {
    const table = handlers()
    expect(await dispatch(table, 'journalUnsaved', [[buffer]])).toMatchObject({ ok: false, error: { code: 'NO_FOLDER' } })
    expect(await dispatch(table, 'journalUnsaved', [[]])).toEqual({ ok: true, value: undefined })
  })

  it('discarding (the close guard) forgets the unsaved set and the journal', async () => {
    const seen: Array<readonly string[]> = []
    const table = createHandlers({ trash: async () => undefined, emit: () => undefined, watch: false, journalDir, onUnsavedChange: (p) => seen.push(p) })
    opened.push(table)
    await table.openFolder(site)
    await table.setUnsaved(['a.md'])
    await table.journalUnsaved([buffer])
    expect(table.unsaved()).toEqual(['a.md'])
    await table.discardUnsaved()
    expect(table.unsaved()).toEqual([])
    expect(seen).toEqual([['a.md'], []])
    expect(await table.takeRecovered()).toBeNull()
  })

  it('a close before the page answered recovery, or after it crashed, keeps the journal', async () => {
    const first = handlers()
    await first.openFolder(site)
    await first.journalUnsaved([buffer])
    await first.dispose()

    // The next page reports nothing unsaved and is offered the buffer; the window closes unanswered.
    const second = handlers()
    await second.setUnsaved([])
    expect((await second.takeRecovered())?.buffers).toEqual([buffer])
    await second.discardUnsaved()
    expect((await second.takeRecovered())?.buffers).toEqual([buffer])

    // Answered (it journals again), then the renderer crashes: the close keeps what it journaled.
    await second.openFolder(site)
    await second.journalUnsaved([buffer])
    await second.setUnsaved(['a.md'])
    second.pageGone()
    expect(second.unsaved()).toEqual([])
    await second.discardUnsaved()
    expect((await second.takeRecovered())?.buffers).toEqual([buffer])
  })
})

describe('render-process-gone', () => {
  it('reloads a crashed or killed renderer', () => {
    const window = new BrowserWindow({})
    setupCrashRecovery(window as never, { onGiveUp: () => undefined })
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 1 })
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'killed', exitCode: 9 })
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'clean-exit', exitCode: 0 })
    expect(window.webContents.reloads).toBe(2)
  })

  it('stops reloading a renderer that keeps crashing, and tells the user', () => {
    const window = new BrowserWindow({})
    let clock = 0
    let gaveUp = 0
    setupCrashRecovery(window as never, { onGiveUp: () => gaveUp++, maxReloads: 3, periodMs: 60_000, now: () => clock })
    for (let i = 0; i < 4; i++) window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'oom', exitCode: 1 })
    expect(window.webContents.reloads).toBe(3)
    expect(gaveUp).toBe(1)
    clock += 120_000
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 1 })
    expect(window.webContents.reloads).toBe(4)
  })
})
