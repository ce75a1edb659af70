/**
 * The writer's agreement to run a site's own server, through window.folio bound to the real
 * handler table and settings store: kept per folder in the writer's settings, listed once,
 * sorted, and never granted for a folder that was not agreed to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../../electron/handlers'
import { isTrusted, trust } from '../../../../renderer/siteserver/consent'
import { bindRealBridge } from '../real-bridge'

let bridge: ReturnType<typeof bindRealBridge>
let handlers: Handlers
beforeEach(() => {
  bridge = bindRealBridge()
  handlers = bridge.handlers
})
afterEach(() => bridge.unbind())

describe('site server consent', () => {
  it('trusts no folder until the writer agrees, then that folder only', async () => {
    expect(await isTrusted('/home/writer/blog')).toBe(false)
    await trust('/home/writer/blog')
    expect(await isTrusted('/home/writer/blog')).toBe(true)
    expect(await isTrusted('/home/writer/blog/source')).toBe(false)
    expect(await isTrusted('/home/writer')).toBe(false)
  })

  it('keeps each folder once, sorted, in the writer’s settings beside what was there', async () => {
    await trust('/home/writer/随笔')
    await trust('/home/writer/blog')
    await trust('/home/writer/随笔')
    expect((await handlers.getSettings()).settings.siteServerFolders).toEqual(['/home/writer/blog', '/home/writer/随笔'])
  })

  it('says what went wrong when the main process is not there', async () => {
    delete (globalThis as { window?: { folio?: unknown } }).window?.folio
    await expect(isTrusted('/x')).rejects.toThrow('window.folio is missing')
  })
})
