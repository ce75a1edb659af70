/**
 * The typed IPC boundary: one ipcMain.handle channel per INVOKE entry. Every call checks its sender
 * first, then goes through dispatch() (run-time argument validation, typed error envelopes), so the
 * renderer is treated as untrusted input. The only main-process file that touches ipcMain.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { EVENTS, INVOKE, type EventApi, type EventName, type InvokeApi, type InvokeMethod } from '../../shared/contract'
import { said, type Envelope } from '../../shared/errors'
import { dispatch } from '../handlers'

/** The web contents allowed to call us: our main window's, while it exists. */
export type TrustedContents = () => WebContents | null

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', ...said('sender-refused') },
}

/**
 * Only the top frame of our own window is trusted: not another webContents (a devtools extension,
 * a window we did not create) and not a subframe of ours (the preview iframe).
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedContents): boolean {
  const contents = trusted()
  if (contents === null || contents.isDestroyed() || event.sender !== contents) return false
  // The frame without a parent is the top one; frame objects are not compared by identity
  // because Electron may hand out a new WebFrameMain for the same frame after a process swap.
  return event.senderFrame !== null && event.senderFrame.parent === null
}

export function setupIpc(handlers: InvokeApi, trusted: TrustedContents): void {
  for (const method of Object.keys(INVOKE) as InvokeMethod[]) {
    ipcMain.handle(INVOKE[method], (event, ...args: unknown[]) => (isTrustedSender(event, trusted) ? dispatch(handlers, method, args) : FORBIDDEN))
  }
}

/** Sends contract events to our window only; dropped while no window is there to hear them. */
export function createEmitter(trusted: TrustedContents): <E extends EventName>(event: E, payload: EventApi[E]) => void {
  return (event, payload) => {
    const contents = trusted()
    if (contents !== null && !contents.isDestroyed()) contents.send(EVENTS[event], payload)
  }
}
