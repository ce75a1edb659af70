import { describe, expect, it } from 'vitest'
import { formatTally, raceSaves } from './races'
import { tempDir } from './helpers'

/** Full counts (1,000 each) run in `npm run bench:faults`. */
const ROUNDS = 100

describe('a save raced by another program writing the same file', () => {
  it.each(['rename', 'inplace'] as const)('%s writes: no silent overwrite', async (mode) => {
    const tally = await raceSaves(await tempDir(), ROUNDS, mode)
    console.log(formatTally(`save race (${mode})`, tally))
    expect(tally.silent).toBe(0)
    expect(tally.clobbered).toBe(0)
    expect(tally.held).toBe(tally.tried)
    expect(tally.leftovers).toBe(0)
  }, 120_000)
})
