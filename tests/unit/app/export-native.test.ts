import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { INVOKE } from '../../../shared/contract'
import { chooseExportTarget, printToPdf, printWindowOptions, writeClipboard } from '../../../electron/app/export-native'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, clipboard, dialog, FakeSession, FakeWebContents, ipcMain } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

beforeEach(() => {
  dialog.calls.length = 0
  dialog.answers.length = 0
  clipboard.written.length = 0
})

describe('export in Electron', () => {
  it('asks for a file with the suggested name for one PDF, and for a folder otherwise', async () => {
    const window = new BrowserWindow({})
    dialog.answers.push({ canceled: false, filePath: '/home/me/Documents/你好.pdf' }, { canceled: true, filePaths: [] })
    const file = await chooseExportTarget(window as never, 'zh-CN', { kind: 'file', format: 'pdf', suggestedName: '你好.pdf' }, '/home/me/Documents')
    expect(file).toBe('/home/me/Documents/你好.pdf')
    expect(dialog.calls[0]).toEqual({
      kind: 'save',
      options: expect.objectContaining({ title: '导出文章', defaultPath: '/home/me/Documents/你好.pdf', filters: [{ name: 'PDF 文档', extensions: ['pdf'] }] }),
    })
    const folder = await chooseExportTarget(window as never, 'en', { kind: 'folder', format: 'site', suggestedName: 'blog' }, '/home/me/Documents')
    expect(folder).toBeNull()
    expect(dialog.calls[1]).toMatchObject({
      kind: 'open',
      options: { title: 'Choose a Folder for the Export', properties: expect.arrayContaining(['openDirectory', 'createDirectory']) },
    })
  })

  it('prints in a hidden, sandboxed window without JavaScript and always closes it', async () => {
    expect(printWindowOptions()).toMatchObject({
      show: false,
      webPreferences: { offscreen: true, sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true },
    })
    const before = BrowserWindow.instances.length
    const pdf = await printToPdf('<!doctype html><title>T</title><p>x</p>', { pageSize: 'Letter', landscape: true, pageNumbers: true })
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF-/)
    const printer = BrowserWindow.instances[before] as BrowserWindow
    expect(printer.visible).toBe(false)
    expect(printer.destroyed).toBe(true)
    // The page went through a temporary file (no data: URL size cap), gone after printing.
    const loaded = printer.loaded[0] as string
    expect(loaded).toMatch(/^file:\/\/.*folio-print-.*page\.html$/)
    await expect(readFile(fileURLToPath(loaded))).rejects.toThrow()
    expect(printer.webContents.printed[0]).toMatchObject({ pageSize: 'Letter', landscape: true, displayHeaderFooter: true, margins: { top: 0.709 } })

    // A printer that fails still closes its window.
    vi.spyOn(FakeWebContents.prototype, 'printToPDF').mockRejectedValueOnce(new Error('printing failed'))
    await expect(printToPdf('<p>x</p>', {})).rejects.toThrow('printing failed')
    expect(BrowserWindow.instances.at(-1)?.destroyed).toBe(true)
  })

  it('prints in a session of its own whose network is off unless remote content is allowed', async () => {
    let seen: { blocked: FakeSession; page: string; during: Record<string, boolean> } | null = null
    vi.spyOn(FakeWebContents.prototype, 'printToPDF').mockImplementationOnce(async function (this: FakeWebContents) {
      const printer = BrowserWindow.instances.find((w) => w.webContents === this) as BrowserWindow
      const blocked = (printer.options.webPreferences as { session: FakeSession }).session
      const page = printer.loaded[0] as string
      const during: Record<string, boolean> = {}
      for (const url of [
        page,
        'data:image/png;base64,AAAA',
        'https://tracker.example/pixel.png',
        'http://x.test/a.css',
        'file:///etc/passwd',
        'file:///home/me/.ssh/id_rsa',
        'ftp://x.test/a',
        'blob:null/1',
      ]) {
        during[url] = blocked.wouldCancel(url)
      }
      seen = { blocked, page, during }
      return Buffer.from('%PDF-1.4 fake')
    })
    await printToPdf('<img src="https://tracker.example/pixel.png">', {}, { remote: false })
    if (seen === null) throw new Error('did not print')
    const { blocked, page, during } = seen as { blocked: FakeSession; page: string; during: Record<string, boolean> }
    expect(blocked).toBeInstanceOf(FakeSession)
    expect(during).toEqual({
      [page]: false,
      'data:image/png;base64,AAAA': false,
      'https://tracker.example/pixel.png': true,
      'http://x.test/a.css': true,
      'file:///etc/passwd': true,
      'file:///home/me/.ssh/id_rsa': true,
      'ftp://x.test/a': true,
      'blob:null/1': true,
    })
    // Once printed, not even the page itself loads there any more.
    expect(blocked.wouldCancel(page)).toBe(true)

    await printToPdf('<p>x</p>', {}, { remote: true })
    const allowed = (BrowserWindow.instances.at(-1)?.options.webPreferences as { session: FakeSession }).session
    expect(allowed).not.toBe(blocked)
    expect(allowed.wouldCancel('https://images.example/cat.png')).toBe(false)
    expect(allowed.wouldCancel('file:///etc/passwd')).toBe(true)
    // Printing without saying uses the network-off printer.
    await printToPdf('<p>x</p>', {})
    expect((BrowserWindow.instances.at(-1)?.options.webPreferences as { session: FakeSession }).session).toBe(blocked)
  })

  it('writes HTML and plain text to the clipboard as one item', async () => {
    await writeClipboard({ html: '<section><p>你好</p></section>', text: '你好' })
    expect(clipboard.written).toHaveLength(1)
    expect(clipboard.written[0]?.[0]?.items).toEqual({ 'text/html': '<section><p>你好</p></section>', 'text/plain': '你好' })
  })
})

describe('export wired in main', () => {
  let base: string
  let window: BrowserWindow
  const argv = process.argv
  const invoke = (channel: string, ...args: unknown[]) =>
    ipcMain.handlers.get(channel)?.({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args)

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'folio-main-export-'))
    app.paths = { appData: join(base, 'appData'), documents: join(base, 'Documents') }
    const site = join(base, 'site')
    await mkdir(join(site, '_posts'), { recursive: true })
    await writeFile(join(site, '_config.yml'), 'title: Site\n')
    await writeFile(join(site, '_posts', '2024-01-01-hello.md'), '---\ntitle: Hello\n---\nHi from **Folio**.\n')
    app.appPath = join(base, 'app')
    process.argv = ['/usr/bin/electron', '.', site]
    await import('../../../electron/app/main')
    await vi.waitFor(() => expect(BrowserWindow.instances.some((w) => w.loaded.length > 0 && !w.destroyed)).toBe(true), { timeout: 15_000 })
    window = BrowserWindow.instances.find((w) => w.loaded.length > 0 && !w.destroyed) as BrowserWindow
    // The page pulls what the launch asked for and opens it, as the renderer does.
    const pending = (await invoke(INVOKE.takeOpenRequest)) as { value: { request: { folder: string } } }
    await invoke(INVOKE.openFolder, pending.value.request.folder)
  })

  afterAll(async () => {
    process.argv = argv
    app.emit('will-quit', { preventDefault: () => undefined })
    await rm(base, { recursive: true, force: true })
  })

  it('answers exportArticles with the native save dialog and the hidden-window printer', async () => {
    const target = join(base, 'out', 'hello.pdf')
    dialog.answers.push({ canceled: false, filePath: target })
    const envelope = await invoke(INVOKE.exportArticles, { id: 'x1', articles: ['_posts/2024-01-01-hello.md'], format: 'pdf' })
    expect(envelope).toMatchObject({ ok: true, value: { id: 'x1', target, exported: 1, failures: [] } })
    expect(dialog.calls[0]).toMatchObject({ kind: 'save', options: { defaultPath: join(base, 'Documents', 'Hello.pdf') } })
    expect(await readFile(target, 'latin1')).toBe('%PDF-1.4 fake')
    // Progress reached our window.
    expect(window.webContents.sent).toContainEqual(['export:progress', { id: 'x1', done: 1, total: 1, current: '_posts/2024-01-01-hello.md' }])
  })

  it('copies an article as rich text onto the system clipboard', async () => {
    expect(await invoke(INVOKE.copyRichText, '_posts/2024-01-01-hello.md')).toEqual({ ok: true, value: undefined })
    const item = clipboard.written[0]?.[0]
    expect(item?.items['text/html']).toContain('<strong')
    expect(item?.items['text/plain']).toBe('Hi from Folio.')
  })
})
