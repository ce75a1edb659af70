import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))

describe('taxonomy benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/bench/taxonomy.bench.ts'], {
      cwd: REPO,
      env: { ...process.env, BENCH_SMALL: '1' },
    })
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    const rows = lines.slice(1)
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
