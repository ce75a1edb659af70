import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCrashJournal, JOURNAL_FILE } from '../../../electron/recovery/crash-journal'

let dir: string
const buffer = (path: string, text = `text of ${path}`) => ({ path, text, baseHash: `hash-${path}` })

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'folio-journal-')), 'recovery')
})

afterEach(async () => {
  vi.useRealTimers()
  await rm(join(dir, '..'), { recursive: true, force: true })
})

describe('crash journal', () => {
  it('writes only after the debounce, then a new process reads the buffers back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const journal = createCrashJournal({ dir, debounceMs: 500 })
    journal.record('/site', [buffer('a.md')])
    journal.record('/site', [buffer('a.md', 'newer'), buffer('b.md')])
    expect(journal.pending()).toBe(true)
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false)
    await vi.advanceTimersByTimeAsync(500)
    await journal.flush()
    expect(journal.pending()).toBe(false)
    vi.useRealTimers()

    // As after a crash or a kill: a fresh journal on the same folder offers the buffers back.
    const recovered = await createCrashJournal({ dir }).read()
    expect(recovered).toMatchObject({ root: '/site', buffers: [buffer('a.md', 'newer'), buffer('b.md')] })
    expect(typeof recovered?.savedAt).toBe('number')
  })

  it('still writes while typing never pauses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const journal = createCrashJournal({ dir, debounceMs: 800, maxWaitMs: 2000 })
    for (let i = 0; i < 10; i++) {
      journal.record('/site', [buffer('a.md', `draft ${i}`)])
      await vi.advanceTimersByTimeAsync(300)
    }
    await journal.flush()
    const onDisk = JSON.parse(await readFile(join(dir, JOURNAL_FILE), 'utf8')) as { buffers: Array<{ text: string }> }
    expect(onDisk.buffers[0]?.text).toBe('draft 9')
    vi.useRealTimers()
  })

  it('is readable by the user only (0600), even over a temp file a crash left with wider rights', async () => {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, `${JOURNAL_FILE}.${process.pid}.tmp`), 'left by a crash', { mode: 0o644 })
    const previous = process.umask(0o022)
    try {
      const journal = createCrashJournal({ dir, debounceMs: 10 })
      journal.record('/site', [buffer('a.md')])
      await journal.flush()
    } finally {
      process.umask(previous)
    }
    expect((await stat(join(dir, JOURNAL_FILE))).mode & 0o777).toBe(0o600)
  })

  it('an empty set or a discard removes the journal', async () => {
    const journal = createCrashJournal({ dir, debounceMs: 10 })
    journal.record('/site', [buffer('a.md')])
    await journal.flush()
    journal.record('', [])
    await journal.flush()
    expect(await journal.read()).toBeNull()

    journal.record('/site', [buffer('a.md')])
    await journal.clear()
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false)
  })

  it('read() sees what is still pending', async () => {
    const journal = createCrashJournal({ dir, debounceMs: 60_000 })
    journal.record('/site', [buffer('a.md')])
    expect((await journal.read())?.buffers).toEqual([buffer('a.md')])
  })

  it('a torn or foreign journal yields nothing instead of failing', async () => {
    const journal = createCrashJournal({ dir })
    journal.record('/site', [buffer('a.md')])
    await journal.flush()
    await writeFile(join(dir, JOURNAL_FILE), '{"root": "/site", "savedAt": 1, "buffers": [{"pa')
    expect(await journal.read()).toBeNull()
    await writeFile(join(dir, JOURNAL_FILE), JSON.stringify({ root: '/site', savedAt: 1, buffers: [{ path: 1 }, buffer('ok.md')] }))
    expect((await journal.read())?.buffers).toEqual([buffer('ok.md')])
  })
})
