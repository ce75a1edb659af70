import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { raceGuard } from './races'
import { tempDir } from './helpers'

/** Full count (3,000) runs in `npm run bench:faults`. */
const ROUNDS = 300

describe('the guard raced by a folder swapped for a symlink', () => {
  it('never reads a file outside the folder', async () => {
    const base = await tempDir()
    const tally = await raceGuard(join(base, 'site'), join(base, 'outside'), ROUNDS)
    console.log(`guard race: held ${tally.tried - tally.leaks}/${tally.tried} (read inside ${tally.read}, refused ${tally.refused}, leaks ${tally.leaks})`)
    expect(tally.leaks).toBe(0)
    expect(tally.tried).toBe(ROUNDS)
  }, 120_000)
})
