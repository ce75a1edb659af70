import { describe, expect, it } from 'vitest'
import { runSmall } from '../support'

describe('taxonomy benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { header, rows } = await runSmall('tests/bench/taxonomy.bench.ts')
    expect(header).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual([
      'taxonomy, 500 files',
      'preview rename, 250 of 500',
      'same, against the budget',
      'full plan, 250 of 500',
      'apply rename, 250 of 500',
      'same, against the budget',
      'applied right after the preview',
      'undo, 250 of 500',
    ])
    for (const row of rows) expect(row).toMatch(/\d+\.\d\s+\d+\.\d\s+\d+\.\d\d\s/)
  }, 120_000)
})
