/**
 * window.folio bound to the real main-process handler table (electron/handlers.ts) in the test's
 * own process, as tests/e2e/harness.ts binds it in the page: every call goes through the
 * contract's argument checks and comes back in the envelope the preload passes on. For tests in
 * the node environment (the handlers' modules do not load under jsdom): `window` is then an
 * object holding only `folio`, all renderer/bridge.ts reads of it.
 */
import { createHandlers, dispatch, isInvokeMethod, type Handlers } from '../../../electron/handlers'
import { settingsStore } from '../../../electron/settings/store'
import type { WireApi } from '../../../shared/contract'

interface Global {
  window?: { folio?: WireApi }
}

export function bindRealBridge(): { handlers: Handlers; unbind(): Promise<void> } {
  const handlers = createHandlers({ settings: settingsStore(null), trash: async () => undefined, emit: () => undefined, watch: false })
  const folio = new Proxy({} as WireApi, {
    get: (_, method) => {
      if (typeof method !== 'string' || !isInvokeMethod(method)) return undefined
      return (...args: unknown[]) => dispatch(handlers, method, args)
    },
  })
  const global = globalThis as Global
  global.window = { folio }
  return {
    handlers,
    unbind: async () => {
      delete global.window
      await handlers.dispose()
    },
  }
}
