/**
 * Registers our URL schemes with Electron. What they answer lives in serve-protocol.ts (plain
 * Node, shared with the e2e harness and tests/shell); this file is only the Electron wiring.
 */
import { protocol } from 'electron'
import { APP_SCHEME, ASSET_SCHEME, serveAsset, serveRenderer, type AssetRoot } from './serve-protocol'

export * from './serve-protocol'

/** Must run before app `ready`: privileged schemes get fetch, a secure context and a real origin. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: Vite's module script tags carry `crossorigin`, so the page loads its own code in CORS mode.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    // stream: media elements read the asset protocol in ranges (seeking a video).
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ])
}

export function setupProtocols(rendererDir: string, current: () => AssetRoot | null): void {
  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, rendererDir))
  protocol.handle(ASSET_SCHEME, (request) => serveAsset(request, current))
}
