/**
 * The renderer's only way to the main process: window.folio (installed by the preload in
 * Electron, by tests/e2e/harness.ts in Chromium), unwrapped so failures throw FolioError.
 */
import type { EventApi, EventName, InvokeApi, InvokeMethod, WireApi } from '../shared/contract'
import { INVOKE } from '../shared/contract'
import { FolioError, said } from '../shared/errors'

declare global {
  interface Window {
    folio?: WireApi
  }
}

function wire(): WireApi {
  if (!window.folio) {
    throw new FolioError({ code: 'IO', ...said('not-connected') })
  }
  return window.folio
}

function unwrap<M extends InvokeMethod>(method: M): InvokeApi[M] {
  const call = async (...args: unknown[]) => {
    const fn = wire()[method] as (...a: unknown[]) => ReturnType<WireApi[M]>
    const envelope = await fn(...args)
    if (envelope.ok) return envelope.value
    throw new FolioError(envelope.error)
  }
  return call as unknown as InvokeApi[M]
}

export const folio: InvokeApi = Object.fromEntries((Object.keys(INVOKE) as InvokeMethod[]).map((method) => [method, unwrap(method)])) as unknown as InvokeApi

/** Where a dropped or pasted file is on disk; '' when it has no file behind it (see WireApi.pathForFile). */
export function pathForFile(file: File): string {
  return window.folio?.pathForFile(file) ?? ''
}

export function onMainEvent<E extends EventName>(event: E, listener: (payload: EventApi[E]) => void): () => void {
  return wire().on(event, listener)
}
