import { describe, expect, it } from 'vitest'
import { formatTally, raceSaves } from './races'
import { tempDir } from './helpers'

/** Full counts (1,000 each) run in `npm run bench:faults`. */
const ROUNDS = 100
/**
 * The last check and the rename are two system calls, and another process's rename can still
 * land between them: POSIX has no compare-and-rename, and Linux's renameat2(RENAME_EXCHANGE),
 * which would close the gap, is not reachable from Node. Measured: 0 to 1 in 1,000 on a quiet
 * machine, up to 4 in 100 in a loaded test run (the whole unit suite in parallel on 2 cores).
 * Before saves re-checked, 45 in 100 were lost: a bound of 10 still fails that, and no longer
 * fails on the load of the run.
 */
const RESIDUAL = 10

describe('a save raced by another program writing the same file', () => {
  it.each(['rename', 'inplace'] as const)(
    '%s writes: a conflict, not a silent overwrite (but for the two-call window)',
    async (mode) => {
      const tally = await raceSaves(await tempDir(), ROUNDS, mode)
      console.log(formatTally(`save race (${mode})`, tally))
      expect(tally.silent).toBeLessThanOrEqual(RESIDUAL)
      expect(tally.clobbered).toBe(0)
      expect(tally.held + tally.silent).toBe(tally.tried)
      expect(tally.leftovers).toBe(0)
    },
    120_000,
  )
})
