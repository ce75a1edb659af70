/**
 * The link lint's worker client when the worker fails. The test runner has no Web Worker, so one
 * stands in for the two ways a real one fails: it cannot be made (a Content-Security-Policy that
 * refuses it throws in the constructor), or it errors while texts wait. The reading itself is
 * shared/assets' real textLinks in the window.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { textLinks } from '../../../../shared/assets/check'

const POST = '---\ntitle: Trip\n---\n\n![cover](trip/cover.png) [other](other.md)\n'

/** A worker that takes what it is posted and answers nothing; `fail` is what the browser does when it errors. */
class SilentWorker {
  static made: SilentWorker[] = []
  onmessage: ((event: unknown) => void) | null = null
  onerror: ((event: { preventDefault(): void }) => void) | null = null
  onmessageerror: (() => void) | null = null
  posted: unknown[] = []
  constructor() {
    SilentWorker.made.push(this)
  }
  postMessage(message: unknown): void {
    this.posted.push(message)
  }
  terminate(): void {}
  fail(): void {
    this.onerror?.({ preventDefault: () => undefined })
  }
}

class RefusedWorker {
  constructor() {
    throw new Error('Refused to create a worker: it violates the Content Security Policy directive "worker-src"')
  }
}

beforeEach(() => {
  vi.resetModules()
  SilentWorker.made = []
})
afterEach(() => {
  vi.unstubAllGlobals()
})

const client = () => import('../../../../renderer/links/link-client')

describe('linksInWorker', () => {
  it('reads the text in the window when no worker can be made', async () => {
    vi.stubGlobal('Worker', RefusedWorker)
    const { linksInWorker } = await client()
    expect(await linksInWorker(POST)).toEqual(textLinks(POST))
    expect(await linksInWorker(POST)).toEqual(textLinks(POST))
  })

  it('settles every waiting text when the worker fails, even one the window cannot read either', async () => {
    vi.stubGlobal('Worker', SilentWorker)
    const { linksInWorker } = await client()
    const unreadable = linksInWorker(null as unknown as string)
    const readable = linksInWorker(POST)
    expect(SilentWorker.made).toHaveLength(1)
    SilentWorker.made[0]?.fail()
    await expect(unreadable).rejects.toThrow()
    await expect(readable).resolves.toEqual(textLinks(POST))
    // The next text starts a new worker.
    void linksInWorker(POST)
    expect(SilentWorker.made).toHaveLength(2)
  })
})
