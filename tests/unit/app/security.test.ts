import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { isSafeExternalUrl, setupSecurity } from '../../../electron/app/security'
import { app, FakeEvent, FakeWebContents, session, shell } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

let contents: FakeWebContents
/** The site's own server as the handlers table reports it. */
let siteOrigin: string | null = null

beforeAll(() => setupSecurity({ siteServerOrigin: () => siteOrigin }))

beforeEach(() => {
  siteOrigin = null
  shell.opened.length = 0
  contents = new FakeWebContents()
  app.emit('web-contents-created', new FakeEvent(), contents)
})

const flushPromises = () => new Promise((resolve) => setImmediate(resolve))

const UNSAFE = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'smb://server/share',
  'folio-asset://content/a.png',
  'app://folio/index.html',
  'vscode://file/x',
  'ms-msdt:/id',
  'http://',
  'not a url',
]

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/a?b', 'http://example.com', 'mailto:someone@example.com'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })
  it.each(UNSAFE)('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])('denies %s', (permission) => {
    const granted: boolean[] = []
    session.defaultSession.permissionRequestHandler?.(contents, permission, (ok) => granted.push(ok))
    expect(granted).toEqual([false])
    expect(session.defaultSession.permissionCheckHandler?.(contents, permission)).toBe(false)
  })
})

describe('navigation', () => {
  it('denies every top-level navigation and opens web links in the browser', async () => {
    const toWeb = new FakeEvent({ url: 'https://example.com/' })
    contents.emit('will-navigate', toWeb)
    const toFile = new FakeEvent({ url: 'file:///etc/passwd' })
    contents.emit('will-navigate', toFile)
    await flushPromises()
    expect(toWeb.defaultPrevented).toBe(true)
    expect(toFile.defaultPrevented).toBe(true)
    expect(shell.opened).toEqual(['https://example.com/'])
  })

  it.each(UNSAFE)('never hands %s to the OS', async (url) => {
    contents.emit('will-navigate', new FakeEvent({ url }))
    contents.emit('will-frame-navigate', new FakeEvent({ url, isMainFrame: false }))
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    await flushPromises()
    expect(shell.opened).toEqual([])
  })

  it('lets the preview frame load its srcdoc but not follow links', async () => {
    const srcdoc = new FakeEvent({ url: 'about:srcdoc', isMainFrame: false })
    contents.emit('will-frame-navigate', srcdoc)
    const link = new FakeEvent({ url: 'mailto:a@example.com', isMainFrame: false })
    contents.emit('will-frame-navigate', link)
    await flushPromises()
    expect(srcdoc.defaultPrevented).toBe(false)
    expect(link.defaultPrevented).toBe(true)
    expect(shell.opened).toEqual(['mailto:a@example.com'])
  })

  it('denies window.open, opening only http, https and mailto externally', async () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/x' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'http://example.com/y' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'about:blank' })).toEqual({ action: 'deny' })
    await flushPromises()
    expect(shell.opened).toEqual(['https://example.com/x', 'http://example.com/y'])
  })

  it('refuses <webview> tags', () => {
    const attach = new FakeEvent()
    contents.emit('will-attach-webview', attach)
    expect(attach.defaultPrevented).toBe(true)
  })

  it('frames exactly the running site server, and what its pages frame, nothing else on loopback', async () => {
    const top = { url: 'app://folio/index.html', parent: null }
    const siteFrame = { url: 'http://127.0.0.1:4000/posts/x/', parent: top }
    const navigate = (url: string, frame: object): FakeEvent => {
      const event = new FakeEvent({ url, isMainFrame: false, frame })
      contents.emit('will-frame-navigate', event)
      return event
    }
    expect(navigate('http://127.0.0.1:4000/posts/x/', { parent: top }).defaultPrevented).toBe(true)
    siteOrigin = 'http://127.0.0.1:4000'
    expect(navigate('http://127.0.0.1:4000/posts/x/', { parent: top }).defaultPrevented).toBe(false)
    expect(navigate('http://127.0.0.1:4001/', { parent: top }).defaultPrevented).toBe(true)
    expect(navigate('http://localhost:4000/', { parent: top }).defaultPrevented).toBe(true)
    // The theme's own embed inside the site's page.
    expect(navigate('https://www.youtube-nocookie.com/embed/x', { parent: siteFrame }).defaultPrevented).toBe(false)
    // A link the writer follows out of the site's page leaves for the browser.
    expect(navigate('https://github.com/', { parent: top }).defaultPrevented).toBe(true)
    await flushPromises()
    expect(shell.opened).toEqual(['http://127.0.0.1:4000/posts/x/', 'http://127.0.0.1:4001/', 'http://localhost:4000/', 'https://github.com/'])
  })

  it('lets the player of a clicked embed (a frame the renderer named) load web pages, and nothing else by that name', async () => {
    const top = { url: 'app://folio/index.html', parent: null, name: '' }
    const player = { url: 'https://www.youtube-nocookie.com/embed/x', parent: top, name: 'folio-embed' }
    const navigate = (url: string, frame: object): FakeEvent => {
      const event = new FakeEvent({ url, isMainFrame: false, frame })
      contents.emit('will-frame-navigate', event)
      return event
    }
    expect(navigate('https://www.youtube-nocookie.com/embed/x', player).defaultPrevented).toBe(false)
    // The player's own frames.
    expect(navigate('https://accounts.google.com/frame', { parent: player, name: '' }).defaultPrevented).toBe(false)
    expect(navigate('file:///etc/passwd', player).defaultPrevented).toBe(true)
    expect(navigate('https://example.com/', { parent: top, name: 'other' }).defaultPrevented).toBe(true)
    await flushPromises()
    expect(shell.opened).toEqual(['https://example.com/'])
  })

  it("does not take the site server's page for a player when its script names its window like one", async () => {
    siteOrigin = 'http://127.0.0.1:4000'
    const top = { url: 'app://folio/index.html', parent: null, name: '' }
    const renamedSite = { url: 'http://127.0.0.1:4000/posts/x/', parent: top, name: 'folio-embed' }
    const event = new FakeEvent({ url: 'https://phishing.example/', isMainFrame: false, frame: renamedSite })
    contents.emit('will-frame-navigate', event)
    expect(event.defaultPrevented).toBe(true)
    // A frame the site's page made, named like a player, is the site's business as before.
    const inside = new FakeEvent({ url: 'https://video.example/', isMainFrame: false, frame: { url: '', parent: renamedSite, name: 'folio-embed' } })
    contents.emit('will-frame-navigate', inside)
    expect(inside.defaultPrevented).toBe(false)
    await flushPromises()
    expect(shell.opened).toEqual(['https://phishing.example/'])
  })
})
