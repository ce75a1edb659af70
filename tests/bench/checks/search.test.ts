import { describe, expect, it } from 'vitest'
import { runSmall } from '../support'

describe('search benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { header, rows } = await runSmall('tests/bench/search.bench.ts')
    expect(header).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual([
      'search "阿里云", 1000 posts: first page + total',
      'first grouped results',
      'total count',
      expect.stringMatching(/^replace preview, \d+ articles$/),
      'same, against the plain baseline',
      'quick open, 10000 titles: per keystroke',
      'same, against the frame budget',
      'keystroke p95',
      'slowest keystroke',
      'keystroke p95, CPU time',
      'slowest keystroke, CPU time',
      'slowest slice after a keystroke',
      'whole list, median',
      'whole list, p95',
      'whole list, slowest',
      'whole list p95, CPU time',
      'opening (recent first, the first rows listed)',
      'opening, CPU time',
      'index made in idle time, whole',
      'index made in idle time, longest step',
      'same, CPU time',
      'index after one rename, whole',
      'pinyin of every Chinese title, in idle time',
    ])
    for (const row of rows) expect(row).toMatch(/\d+\.\d\s+\d+\.\d\s+\d+\.\d\d\s/)
  }, 300_000)
})
