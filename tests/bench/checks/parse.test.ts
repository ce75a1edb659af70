import { describe, expect, it } from 'vitest'
import { runSmall } from '../support'

describe('hostile headers benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { header, rows } = await runSmall('tests/bench/parse.bench.ts')
    expect(header).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    const metrics = rows.map((r) => r.trim().split(/\s{2,}/)[0])
    for (const expected of [
      'yaml, 5000 keys',
      'yaml growth, 5000 vs 625 keys',
      'toml growth, 5000 vs 625 keys',
      'json growth, 5000 vs 625 keys',
      'yaml growth, 2500 vs 625 aliases',
      'alias bomb (1650 B, 9^9 leaves)',
      'JSON nested 500 deep',
    ]) {
      expect(metrics).toContain(expected)
    }
    expect(metrics.some((m) => m?.startsWith('folio check,'))).toBe(true)
    expect(metrics.some((m) => m?.startsWith('folio set,'))).toBe(true)
    expect(metrics.some((m) => m?.startsWith('open the folder (index),'))).toBe(true)
    for (const row of rows) expect(row).toMatch(/\d+\.\d\s+\d+\.\d\s+\d+\.\d\d\s/)
  }, 180_000)
})
