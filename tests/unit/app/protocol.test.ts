import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'
import { ASSET_BASE, registerSchemes, RENDERER_CSP, RENDERER_URL, serveAsset, serveRenderer, setupProtocols } from '../../../electron/app/protocol'
import { protocol } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
let base: string
let root: string
let workspace: Workspace

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-protocol-'))
  root = join(base, 'site')
  const outside = join(base, 'outside')
  await mkdir(join(root, 'images'), { recursive: true })
  await mkdir(outside)
  await writeFile(join(root, 'post.md'), '---\ntitle: Post\n---\n![a](images/a b.png)\n')
  await writeFile(join(root, 'images', 'a b.png'), PNG)
  await writeFile(join(root, 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(join(outside, 'secret.txt'), 'secret')
  await symlink(join(outside, 'secret.txt'), join(root, 'images', 'leak.png'))
  await symlink(outside, join(root, 'elsewhere'))
  await symlink('a b.png', join(root, 'images', 'alias.png'))
  workspace = await openWorkspace({ root, trash: async () => undefined, watch: false })
})

afterAll(async () => {
  await workspace.close()
  await rm(base, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => serveAsset(new Request(url, { method }), () => workspace)

describe('folio-asset: protocol', () => {
  it('serves a file of the open folder with its MIME type, read-only headers and no sniffing', async () => {
    const response = await get(`${ASSET_BASE}images/a%20b.png`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG)
    expect((await get(`${ASSET_BASE}images/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml')
  })

  it('follows a symlink that stays inside the folder', async () => {
    expect((await get(`${ASSET_BASE}images/alias.png`)).status).toBe(200)
  })

  it.each([
    ['a symlinked file pointing outside', 'images/leak.png'],
    ['a symlinked folder pointing outside', 'elsewhere/secret.txt'],
    ['an encoded parent path', '%2E%2E%2Foutside%2Fsecret.txt'],
    ['an absolute path', '%2Fetc%2Fpasswd'],
    ['a backslash path', '..%5Coutside%5Csecret.txt'],
  ])('refuses %s', async (_what, path) => {
    const response = await get(`${ASSET_BASE}${path}`)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('secret')
  })

  it('resolves dot segments like any URL, inside the folder', async () => {
    // %2E%2E is a '..' segment to the URL parser: it climbs to /outside/secret.txt under the root.
    const response = await get(`${ASSET_BASE}images/%2E%2E/%2E%2E/outside/secret.txt`)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('answers 404 for what is not a file, another host or no open folder', async () => {
    expect((await get(`${ASSET_BASE}missing.png`)).status).toBe(404)
    expect((await get(`${ASSET_BASE}images`)).status).toBe(404)
    expect((await get(ASSET_BASE)).status).toBe(404)
    expect((await get('folio-asset://other/images/a%20b.png')).status).toBe(404)
    const closed = await serveAsset(new Request(`${ASSET_BASE}images/a%20b.png`), () => null)
    expect(closed.status).toBe(404)
  })

  it('is read-only', async () => {
    expect((await get(`${ASSET_BASE}images/a%20b.png`, 'POST')).status).toBe(405)
    expect((await get(`${ASSET_BASE}images/a%20b.png`, 'PUT')).status).toBe(405)
    const head = await get(`${ASSET_BASE}images/a%20b.png`, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(PNG.length))
  })

  it('answers byte ranges, so a video in the preview can seek', async () => {
    const video = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
    await writeFile(join(root, 'images', 'clip.mp4'), video)
    const ranged = (range: string) => serveAsset(new Request(`${ASSET_BASE}images/clip.mp4`, { headers: { range } }), () => workspace)
    const middle = await ranged('bytes=100-199')
    expect(middle.status).toBe(206)
    expect(middle.headers.get('content-range')).toBe('bytes 100-199/1000')
    expect(middle.headers.get('content-length')).toBe('100')
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(video.subarray(100, 200))
    const open = await ranged('bytes=900-')
    expect(open.headers.get('content-range')).toBe('bytes 900-999/1000')
    expect(Buffer.from(await open.arrayBuffer())).toEqual(video.subarray(900))
    const tail = await ranged('bytes=-10')
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(video.subarray(990))
    const past = await ranged('bytes=5000-')
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe('bytes */1000')
    const whole = await get(`${ASSET_BASE}images/clip.mp4`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(video)
  })
})

describe('app: protocol', () => {
  let rendererDir: string

  beforeAll(async () => {
    rendererDir = join(base, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>')
    await writeFile(join(rendererDir, 'assets', 'main.js'), 'console.log(1)')
    await writeFile(join(base, 'private.txt'), 'private')
  })

  it('serves the renderer with the CSP header', async () => {
    const response = await serveRenderer(new Request(RENDERER_URL), rendererDir)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(RENDERER_CSP).toContain("script-src 'self'")
    expect(RENDERER_CSP).toContain("object-src 'none'")
    const script = await serveRenderer(new Request('app://folio/assets/main.js'), rendererDir)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it("the page's own meta policy says the same as the header (the srcdoc preview inherits both)", async () => {
    const html = await readFile(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors is ignored in a meta policy; everything else must match, media-src included.
    expect(meta).toBe(RENDERER_CSP.replace("; frame-ancestors 'none'", ''))
    expect(RENDERER_CSP).toContain("media-src 'self' folio-asset:")
  })

  it('serves nothing outside the renderer folder', async () => {
    for (const url of ['app://folio/%2E%2E/private.txt', 'app://folio/..%2Fprivate.txt', 'app://other/index.html']) {
      expect((await serveRenderer(new Request(url), rendererDir)).status, url).toBe(404)
    }
  })

  it('registers both schemes as privileged and handles them', () => {
    registerSchemes()
    expect(protocol.privileged.map((entry) => entry.scheme)).toEqual(['app', 'folio-asset'])
    expect(protocol.privileged.every((entry) => entry.privileges.standard && entry.privileges.secure)).toBe(true)
    setupProtocols(rendererDir, () => workspace)
    expect([...protocol.handlers.keys()]).toEqual(['app', 'folio-asset'])
  })
})
