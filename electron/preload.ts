/**
 * Builds window.folio from the contract and nothing else: one named function per INVOKE entry and
 * `on(event, listener)` for EVENTS. ipcRenderer itself never crosses the bridge, so the page can
 * reach no channel the contract does not name. Bundled to one CommonJS file (sandboxed preload).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { Envelope } from '../shared/errors'
import { handedOverFiles } from '../shared/handed-over'
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

/** The paths pathForFile (or the open dialog) gave out: the only files insertImages may name. */
const handedOver = handedOverFiles()

/** Only the path of a File the page holds: one it was handed by a drop or paste (or an input), never one it names. */
function pathForFile(file: DroppedFile): string {
  let path: string
  try {
    path = webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0])
  } catch {
    // Not a File (the page passed something else): no path, the bytes go instead.
    return ''
  }
  handedOver.add(path)
  return path
}

/** pickImages: the files the writer chose in the native open dialog are handed over too. */
const pickImages = (async (...args: unknown[]) => {
  const answer = (await ipcRenderer.invoke(INVOKE.pickImages, ...args)) as Envelope<string[] | null>
  if (answer.ok && Array.isArray(answer.value)) for (const path of answer.value) if (typeof path === 'string') handedOver.add(path)
  return answer
}) as WireApi['pickImages']

/** insertImages, sending only files pathForFile handed out (the uploads copied first, so what was checked is what is sent). */
const insertImages = ((articlePath: unknown, images: unknown, ...rest: unknown[]) => {
  const checked = handedOver.check(images)
  if (!checked.ok) return Promise.resolve(checked)
  return ipcRenderer.invoke(INVOKE.insertImages, articlePath, checked.uploads, ...rest)
}) as WireApi['insertImages']

function buildWireApi(): WireApi {
  const methods = Object.fromEntries((Object.keys(INVOKE) as InvokeMethod[]).map((method) => [method, invoker(method)]))
  return { ...(methods as { [M in InvokeMethod]: WireApi[M] }), insertImages, pickImages, on, pathForFile }
}

contextBridge.exposeInMainWorld('folio', buildWireApi())
