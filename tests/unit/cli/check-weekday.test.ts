/**
 * `folio check` names a weekday written beside a day that falls on another, with file and line,
 * in text and JSON, on a folder generated as the benchmarks make them (a third of its posts carry
 * RFC 2822 dates with a weekday, one in seven of them a day late).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CheckRow, main } from '../../../electron/cli'
import { generateSite, postPath } from '../../bench/generate-site'
import { tempDir } from '../workspace/helpers'

const COUNT = 40
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

async function run(...argv: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: () => undefined, cwd: '/' })
  return { code, out }
}

/** What the check must find, worked out here from the files' bytes with the platform's calendar. */
function expectedMismatches(root: string): { path: string; line: number; written: string; actual: string }[] {
  const found: { path: string; line: number; written: string; actual: string }[] = []
  for (let i = 0; i < COUNT; i++) {
    const path = postPath(i)
    const lines = readFileSync(join(root, path), 'utf8').split('\n')
    const at = lines.findIndex((l) => l.startsWith('date: '))
    const m = /^date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) ([A-Z][a-z]{2}) (\d{4}) /.exec(lines[at] ?? '')
    if (!m) continue
    const actual = DAY_NAMES[new Date(Date.UTC(Number(m[4]), MONTHS.indexOf(m[3] ?? ''), Number(m[2]))).getUTCDay()] ?? ''
    const written = DAY_NAMES.find((d) => d.startsWith(m[1] ?? '')) ?? ''
    if (written !== actual) found.push({ path, line: at + 1, written, actual })
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1))
}

describe('folio check: a weekday that is not the day', () => {
  it('is a warning with file and line, in the text output and as a JSON row, and fails nothing', async () => {
    const root = join(await tempDir('folio-weekday-'), 'site')
    generateSite(root, COUNT)
    const expected = expectedMismatches(root)
    // The generated folder holds two slips (posts 0 and 21) among a dozen RFC dates whose weekday is
    // right, which must not be named.
    expect(expected.map((e) => e.path)).toEqual([postPath(0), postPath(21)].sort())

    const json = await run('check', root, '--json', '--no-cache')
    const rows = (JSON.parse(json.out.join('\n')) as CheckRow[]).filter((r) => r.rule === 'weekday-mismatch')
    expect(rows.map((r) => ({ path: r.path, line: r.line, severity: r.severity }))).toEqual(
      expected.map((e) => ({ path: e.path, line: e.line, severity: 'warning' })),
    )
    for (const [i, r] of rows.entries()) {
      const e = expected[i]
      expect(r.message).toBe(`date says ${e?.written}, but that day is a ${e?.actual}; it is kept as written. Correct the day or the weekday.`)
      expect(r.column).toBeNull()
    }

    const text = await run('check', root, '--no-cache')
    expect(text.code).toBe(0)
    expect(json.code).toBe(0)
    expect(text.out.filter((l) => l.includes(' but that day is a '))).toEqual(rows.map((r) => `${r.path}:${r.line}: warning: ${r.message}`))
  })
})
