import { describe, expect, it } from 'vitest'
import { runSmall } from '../support'

describe('schema benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { header, rows } = await runSmall('tests/bench/schema.bench.ts')
    expect(header).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual([
      'schema share of cold index, 500 files',
      'observing headers (while indexing)',
      'building the schema',
      'schema after a save',
    ])
    for (const row of rows) expect(row).toMatch(/\d+\.\d\s+\d+\.\d\s+\d+\.\d\d\s/)
  }, 180_000)
})
