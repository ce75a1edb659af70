/**
 * The README's table "what Folio reads, per generator" is generated from shared/sites; this test
 * fails when they drift. `UPDATE_README=1 npx vitest run tests/unit/sites/readme.test.ts` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readmeTable, SITES } from '../../../shared/sites'

const README = new URL('../../../README.md', import.meta.url)
const START = '<!-- sites-table: generated from shared/sites by tests/unit/sites/readme.test.ts (UPDATE_README=1) -->'
const END = '<!-- /sites-table -->'

describe('README table of site rules', () => {
  it('matches what shared/sites generates', () => {
    const text = readFileSync(README, 'utf8')
    const from = text.indexOf(START)
    const to = text.indexOf(END)
    expect(from, 'the README has the table markers').toBeGreaterThan(-1)
    const wanted = `${text.slice(0, from + START.length)}\n${readmeTable()}\n${text.slice(to)}`
    if (process.env.UPDATE_README === '1') writeFileSync(README, wanted)
    expect(readFileSync(README, 'utf8')).toBe(wanted)
  })

  it('has a row per generator, each naming where articles live, the headers read and the taxonomy rule', () => {
    const rows = readmeTable().split('\n').slice(2)
    expect(rows).toHaveLength(SITES.length)
    for (const [i, site] of SITES.entries()) expect(rows[i]?.startsWith(`| ${site.name} |`)).toBe(true)
  })
})
