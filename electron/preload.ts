/**
 * Builds window.folio from the contract and nothing else: one named function per INVOKE entry and
 * `on(event, listener)` for EVENTS. ipcRenderer itself never crosses the bridge, so the page can
 * reach no channel the contract does not name. Bundled to one CommonJS file (sandboxed preload).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { EVENTS, INVOKE, type DroppedFile, type EventApi, type EventName, type InvokeMethod, type WireApi } from '../shared/contract'

function invoker<M extends InvokeMethod>(method: M): WireApi[M] {
  const channel = INVOKE[method]
  // The main process validates the arguments; the cast only restores the contract's signature.
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as WireApi[M]
}

function on<E extends EventName>(event: E, listener: (payload: EventApi[E]) => void): () => void {
  if (!Object.hasOwn(EVENTS, event)) throw new TypeError(`Unknown Folio event: ${String(event)}`)
  const channel = EVENTS[event]
  // Only the payload reaches the page: the IPC event object would expose `sender`.
  const wrapped = (_event: IpcRendererEvent, payload: EventApi[E]): void => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

/** Only the path of a File the page holds: one it was handed by a drop or paste (or an input), never one it names. */
function pathForFile(file: DroppedFile): string {
  try {
    return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0])
  } catch {
    // Not a File (the page passed something else): no path, the bytes go instead.
    return ''
  }
}

function buildWireApi(): WireApi {
  const methods = Object.fromEntries((Object.keys(INVOKE) as InvokeMethod[]).map((method) => [method, invoker(method)]))
  return { ...(methods as { [M in InvokeMethod]: WireApi[M] }), on, pathForFile }
}

contextBridge.exposeInMainWorld('folio', buildWireApi())
