/**
 * The log file on real folders: entries, rotation, and the failures that must reach it (the crash
 * journal, the settings, the page's errors through the contract).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openSettings } from '../../../electron/settings/store'
import { createHandlers, dispatch } from '../../../electron/handlers'
import { log, useLogger } from '../../../electron/log/log'
import { createFileLogger, LOG_FILE, type Logger } from '../../../electron/log/logger'
import { createCrashJournal } from '../../../electron/recovery/crash-journal'

let base: string
let previous: Logger | null = null

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-log-'))
})
afterEach(async () => {
  if (previous) useLogger(previous)
  previous = null
  await rm(base, { recursive: true, force: true })
})

/** Makes `log` write into a fresh folder under base; returns the log file's path. */
function logInto(dir = join(base, 'logs')): string {
  const logger = createFileLogger(dir)
  previous = useLogger(logger)
  return join(dir, LOG_FILE)
}

describe('the log file', () => {
  it('appends one entry per failure: time, level, scope, message, then the stack indented', async () => {
    const dir = join(base, 'logs')
    const logger = createFileLogger(dir, { now: () => new Date('2026-01-02T03:04:05.000Z') })
    logger.error('journal', 'Could not write\nthe journal', new Error('ENOSPC: no space left on device'))
    logger.warn('watcher', 'stopped watching')
    await logger.flush()
    const text = await readFile(join(dir, LOG_FILE), 'utf8')
    const lines = text.split('\n')
    expect(lines[0]).toBe('2026-01-02T03:04:05.000Z ERROR [journal] Could not write the journal')
    expect(lines[1]).toBe('    Error: ENOSPC: no space left on device')
    expect(lines[2]).toMatch(/^ {8}at /)
    expect(text).toContain('2026-01-02T03:04:05.000Z WARN [watcher] stopped watching\n')
  })

  it('rotates past its size and keeps a bounded number of old files', async () => {
    const dir = join(base, 'logs')
    const logger = createFileLogger(dir, { maxBytes: 400, keep: 2 })
    for (let i = 0; i < 60; i++) logger.error('save', `failure number ${i} ${'x'.repeat(40)}`)
    await logger.flush()
    expect((await readdir(dir)).sort()).toEqual(['folio.1.log', 'folio.2.log', 'folio.log'])
    const current = await readFile(join(dir, LOG_FILE), 'utf8')
    expect(current).toContain('failure number 59 ')
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(400)
    expect(await readFile(join(dir, 'folio.1.log'), 'utf8')).not.toContain('failure number 59 ')
    // The oldest entries are gone; nothing was written twice.
    const all = (await Promise.all(['folio.2.log', 'folio.1.log', 'folio.log'].map((n) => readFile(join(dir, n), 'utf8')))).join('')
    const numbers = [...all.matchAll(/failure number (\d+) /g)].map((m) => Number(m[1]))
    expect(numbers).toEqual(numbers.slice().sort((a, b) => a - b))
    expect(numbers.at(-1)).toBe(59)
    expect(numbers[0]).toBeGreaterThan(0)
  })

  it('says on stderr what it could not write, and goes on', async () => {
    await writeFile(join(base, 'not-a-folder'), '')
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const logger = createFileLogger(join(base, 'not-a-folder'))
      logger.error('settings', 'Could not save the settings')
      await logger.flush()
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /could not write the log .*not-a-folder[\s\S]*ERROR \[settings\] Could not save the settings/,
      )
    } finally {
      stderr.mockRestore()
    }
  })
})

describe('failures that must not be silent', () => {
  it('a crash journal that cannot be written', async () => {
    const file = logInto()
    await writeFile(join(base, 'recovery'), 'a file where the journal folder should be')
    const journal = createCrashJournal({ dir: join(base, 'recovery'), debounceMs: 10 })
    journal.record('/site', [{ path: 'a.md', text: 'unsaved', baseHash: 'h' }])
    await expect(journal.flush()).rejects.toThrow()
    await log.flush()
    expect(await readFile(file, 'utf8')).toMatch(/ERROR \[journal\] Could not write the crash journal .*recovery/)
  })

  it('a settings file that cannot be written', async () => {
    const file = logInto()
    await writeFile(join(base, 'userData'), 'a file where the profile folder should be')
    const settings = await openSettings(join(base, 'userData', 'settings.json'))
    await settings.addRecent('/site')
    await settings.flush()
    await log.flush()
    expect(await readFile(file, 'utf8')).toMatch(/ERROR \[settings\] Could not save the settings to .*settings\.json/)
    // Nothing is lost in memory: the next launch may lose it, this one keeps it.
    expect(settings.get().recentFolders).toEqual(['/site'])
  })

  it('an error of the page, through the contract, and a report of the wrong shape is refused', async () => {
    const file = logInto()
    const handlers = createHandlers({ trash: async () => undefined, emit: () => undefined, watch: false })
    const ok = await dispatch(handlers, 'reportError', [
      { source: 'window', message: 'TypeError: boom', stack: 'TypeError: boom\n    at render (App.tsx:1:1)' },
    ])
    expect(ok.ok).toBe(true)
    const tooLong = await dispatch(handlers, 'reportError', [{ source: 'window', message: 'x'.repeat(10_001) }])
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    const extra = await dispatch(handlers, 'reportError', [{ source: 'window', message: 'm', path: '/etc/passwd' }])
    expect(extra.ok).toBe(false)
    await log.flush()
    const text = await readFile(file, 'utf8')
    expect(text).toMatch(/ERROR \[page:window\] TypeError: boom\n {4}TypeError: boom\n {8}at render/)
    expect(text.match(/ERROR/g)).toHaveLength(1)
    await handlers.dispose()
  })
})
