import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))

describe('workspace benchmark', () => {
  it('runs in small mode and prints its table of ratios', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/bench/workspace.bench.ts'], {
      cwd: REPO,
      env: { ...process.env, BENCH_SMALL: '1' },
    })
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^metric\s+ours ms\s+baseline ms\s+ratio/)
    const rows = lines.slice(1)
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual([
      'cold index, 500 files',
      'same, sync baseline',
      'warm re-open from cache',
      'same, sync baseline',
      'search, first results',
      'first search after re-open',
    ])
    for (const row of rows) expect(row).toMatch(/\d+\.\d\s+\d+\.\d\s+\d+\.\d\d\s/)
  }, 120_000)
})
