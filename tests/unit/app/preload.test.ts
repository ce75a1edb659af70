import { beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENTS, INVOKE, type InvokeMethod, type WireApi } from '../../../shared/contract'
import { contextBridge, ipcRenderer } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

let folio: WireApi

beforeAll(async () => {
  await import('../../../electron/preload')
  folio = contextBridge.exposed.get('folio') as WireApi
})

describe('preload', () => {
  it('exposes only window.folio: the contract methods, on() and pathForFile()', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['folio'])
    expect(Object.keys(folio).sort()).toEqual([...Object.keys(INVOKE), 'on', 'pathForFile'].sort())
    for (const value of Object.values(folio)) expect(typeof value).toBe('function')
  })

  it.each(Object.keys(INVOKE) as InvokeMethod[])('%s invokes its own channel', async (method) => {
    ipcRenderer.invoked.length = 0
    const fn = folio[method] as (...args: unknown[]) => Promise<unknown>
    await fn('x', 1)
    expect(ipcRenderer.invoked).toEqual([[INVOKE[method], ['x', 1]]])
  })

  it('hands listeners the payload only and returns an unsubscribe function', () => {
    const seen: unknown[] = []
    const off = folio.on('menuCommand', (payload) => seen.push(payload))
    ipcRenderer.emit(EVENTS.menuCommand, { sender: 'ipc event' }, { command: 'save' })
    off()
    ipcRenderer.emit(EVENTS.menuCommand, { sender: 'ipc event' }, { command: 'find' })
    expect(seen).toEqual([{ command: 'save' }])
    expect(ipcRenderer.listenerCount(EVENTS.menuCommand)).toBe(0)
  })

  it("gives a dropped file's path, and '' for anything without one instead of throwing", () => {
    const dropped = { name: '海边.jpg', size: 3, type: 'image/jpeg', path: '/home/me/Pictures/海边.jpg' }
    expect(folio.pathForFile(dropped)).toBe('/home/me/Pictures/海边.jpg')
    expect(folio.pathForFile({ name: 'image.png', size: 3, type: 'image/png' })).toBe('')
  })

  it('sends to insertImages only files pathForFile handed out, so the page cannot have main read one it names', async () => {
    const dropped = { name: '海边.jpg', size: 3, type: 'image/jpeg', path: '/home/me/Pictures/海边.jpg' }
    const path = folio.pathForFile(dropped)
    ipcRenderer.invoked.length = 0
    const refused = await folio.insertImages('source/_posts/a.md', [
      { name: '海边.jpg', file: path },
      { name: 'id_rsa', file: '/home/me/.ssh/id_rsa' },
    ])
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('/home/me/.ssh/id_rsa') } })
    expect(ipcRenderer.invoked).toEqual([])
    // What was checked is what is sent: a getter cannot give one path to the check and another to main.
    let reads = 0
    const sly = {
      name: 'a.jpg',
      get file() {
        return reads++ === 0 ? path : '/etc/shadow'
      },
    }
    await folio.insertImages('source/_posts/a.md', [sly, { name: 'shot.png', data: 'iVBO' }])
    expect(ipcRenderer.invoked).toEqual([
      [
        INVOKE.insertImages,
        [
          'source/_posts/a.md',
          [
            { name: 'a.jpg', file: path },
            { name: 'shot.png', data: 'iVBO' },
          ],
        ],
      ],
    ])
  })

  it('hands over the files chosen in the open dialog (pickImages), so "Insert image…" may insert them', async () => {
    const invoke = ipcRenderer.invoke
    ipcRenderer.invoke = async (channel: string, ...args: unknown[]) =>
      channel === INVOKE.pickImages ? { ok: true, value: ['/home/me/Pictures/选的.png'] } : invoke.call(ipcRenderer, channel, ...args)
    try {
      expect(await folio.pickImages()).toEqual({ ok: true, value: ['/home/me/Pictures/选的.png'] })
      ipcRenderer.invoked.length = 0
      expect(await folio.insertImages('source/_posts/a.md', [{ name: '', file: '/home/me/Pictures/选的.png' }])).toEqual({
        ok: true,
        value: INVOKE.insertImages,
      })
      expect(await folio.insertImages('source/_posts/a.md', [{ name: '', file: '/home/me/Pictures/other.png' }])).toMatchObject({ ok: false })
    } finally {
      ipcRenderer.invoke = invoke
    }
  })

  it('refuses events the contract does not name', () => {
    const on = folio.on as (event: string, listener: () => void) => () => void
    expect(() => on('ipc:raw', () => undefined)).toThrow(/Unknown Folio event/)
    expect(() => on('toString', () => undefined)).toThrow(/Unknown Folio event/)
  })
})
