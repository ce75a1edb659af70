import { describe, expect, it } from 'vitest'
import { runSmall } from '../support'

describe('workspace benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { header, rows } = await runSmall('tests/bench/workspace.bench.ts')
    expect(header).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual([
      'cold index, 500 files',
      'same, fs/promises baseline',
      'warm re-open from cache',
      'same, fs/promises baseline',
      'app re-open: every row and the schema',
      'stat of every file',
      'stat of every file and folder, no listing',
      'search, first results',
      'first search after re-open',
    ])
    for (const row of rows) expect(row).toMatch(/\d+\.\d\s+\d+\.\d\s+\d+\.\d\d\s/)
  }, 120_000)
})
