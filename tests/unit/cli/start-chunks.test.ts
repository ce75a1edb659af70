/**
 * What each built entry of the main side loads at start (electron.vite.config.ts groups the
 * chunks): every `folio` command starts on cli.js and its small command chunk, without the index
 * command's body; the app and the worker threads load no code only the command line needs.
 * Read off the built out/main (tests/unit/built-main.ts builds it when stale).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const OUT = new URL('../../../out/main/', import.meta.url).pathname

/** The files an entry loads before it runs: its static imports, and theirs (dynamic import() left out). */
function loadedAtStart(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(OUT, file), 'utf8')
    for (const [, spec] of code.matchAll(/(?:^|[\s;}])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["']\.\/([^"']+)["']/g)) visit(spec!)
  }
  visit(entry)
  return [...seen]
}

describe('what the built entries load at start', () => {
  it('a folio command: cli.js and its command chunk, not the index command', () => {
    const files = loadedAtStart('cli.js')
    expect(files[0]).toBe('cli.js')
    expect(files.some((f) => f.startsWith('cli-command-'))).toBe(true)
    expect(files.filter((f) => f !== 'cli.js' && !f.startsWith('cli-command-'))).toEqual([])
  })

  it.each(['main.js', 'index-worker.js', 'sanitize-worker.js'])('%s: no code only the command line needs', (entry) => {
    const files = loadedAtStart(entry)
    expect(files.length).toBeGreaterThan(1)
    expect(files.filter((f) => f.startsWith('cli'))).toEqual([])
  })
})
