import { beforeEach, describe, expect, it } from 'vitest'
import { vi } from 'vitest'
import { EVENTS, INVOKE, INVOKE_ARGUMENTS, type InvokeApi, type InvokeMethod } from '../../../shared/contract'
import { createEmitter, setupIpc, type TrustedContents } from '../../../electron/app/ipc'
import { FakeWebContents, ipcMain } from './fake-electron'
import { recording, validArgs } from '../shared/invoke-arguments'

vi.mock('electron', () => import('./fake-electron'))

const methods = Object.keys(INVOKE) as InvokeMethod[]

let calls: Array<[InvokeMethod, unknown[]]>
let ours: FakeWebContents

const recordingHandlers = (): InvokeApi => recording((method, args) => calls.push([method, args]))

const call = (channel: string, event: object, ...args: unknown[]): unknown => {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler(event, ...args)
}

beforeEach(() => {
  ipcMain.handlers.clear()
  calls = []
  ours = new FakeWebContents()
  setupIpc(recordingHandlers(), (() => ours) as unknown as TrustedContents)
})

describe('setupIpc', () => {
  it('registers one channel per contract method, each with argument checks', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE).sort())
    expect(new Set(Object.values(INVOKE)).size).toBe(methods.length)
    expect(Object.keys(INVOKE_ARGUMENTS).sort()).toEqual([...methods].sort())
  })

  it.each(methods)('%s reaches its handler from our window', async (method) => {
    const envelope = await call(INVOKE[method], { sender: ours, senderFrame: ours.mainFrame }, ...validArgs[method])
    expect(envelope).toEqual({ ok: true, value: method })
    expect(calls).toEqual([[method, validArgs[method]]])
  })

  it.each(methods)('%s rejects a sender that is not our window', async (method) => {
    const stranger = new FakeWebContents()
    // Even the top frame of another web contents: a devtools extension, a window we did not make.
    const envelope = await call(INVOKE[method], { sender: stranger, senderFrame: stranger.mainFrame }, ...validArgs[method])
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(calls).toEqual([])
  })

  it.each(methods)('%s rejects a subframe of our window (the preview)', async (method) => {
    const envelope = await call(INVOKE[method], { sender: ours, senderFrame: { name: 'preview iframe', parent: ours.mainFrame } }, ...validArgs[method])
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(calls).toEqual([])
  })

  it('rejects everyone once our window is gone', async () => {
    ours.destroyed = true
    const envelope = await call(INVOKE.getFolder, { sender: ours, senderFrame: ours.mainFrame })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('validates arguments at run time before calling the handler', async () => {
    const trusted = { sender: ours, senderFrame: ours.mainFrame }
    expect(await call(INVOKE.readArticle, trusted, 42)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(await call(INVOKE.setUnsaved, trusted, ['a.md', 7])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(await call(INVOKE.journalUnsaved, trusted, [{ path: 'a.md' }])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(await call(INVOKE.getFolder, trusted, 'extra')).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(calls).toEqual([])
  })
})

describe('createEmitter', () => {
  it('sends contract events to our window on their channel', () => {
    const emit = createEmitter((() => ours) as unknown as TrustedContents)
    emit('menuCommand', { command: 'save' })
    expect(ours.sent).toEqual([[EVENTS.menuCommand, { command: 'save' }]])
  })

  it('drops events while the window is gone', () => {
    const emit = createEmitter((() => null) as unknown as TrustedContents)
    expect(() => emit('contentChanged', { added: [], changed: [], removed: [] })).not.toThrow()
  })
})
