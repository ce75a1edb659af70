/**
 * Fault benchmark: the races of tests/unit/workspace at full count (the unit tests run them
 * reduced), printed as held/tried. Not a timing: every round must hold, and the exit code says
 * whether one did not.
 *   npm run bench:faults        (BENCH_SMALL=1: the unit tests' counts)
 * Races:
 *   save vs rename-replace   another program renames a new file over the article 0–3 ms into a save
 *   save vs in-place write   another program truncates and writes the article 0–3 ms into a save
 *   guard vs symlink swap    another program swaps a subfolder for a link out while articles in it are read
 *   kill during saves        a saving process is SIGKILLed mid-save; every file must be whole old or whole new
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatTally, raceGuard, raceKills, raceSaves, type RaceTally } from '../unit/workspace/races'

const SMALL = process.env.BENCH_SMALL === '1'
const SAVE_ROUNDS = SMALL ? 100 : 1_000
const GUARD_ROUNDS = SMALL ? 300 : 3_000
// Kill points spread over a 200-save loop: 3 in small mode (as the unit test), 220 in full.
const KILL_POINTS = Array.from({ length: SMALL ? 3 : 220 }, (_, i) => 20 + ((i * 37) % 170))

async function inTempFolder<T>(fn: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'folio-faults-'))
  try {
    return await fn(folder)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

const results: [string, RaceTally][] = []
for (const mode of ['rename', 'inplace'] as const) {
  const tally = await inTempFolder((folder) => raceSaves(folder, SAVE_ROUNDS, mode))
  const name = `save vs ${mode === 'rename' ? 'rename-replace' : 'in-place write'}`
  console.log(formatTally(name, tally))
  results.push([name, tally])
}
const guard = await inTempFolder((folder) => raceGuard(join(folder, 'site'), join(folder, 'outside'), GUARD_ROUNDS))
console.log(
  `guard vs symlink swap: held ${guard.tried - guard.leaks}/${guard.tried} (read inside ${guard.read}, refused ${guard.refused}, leaks ${guard.leaks})`,
)
const kills = await inTempFolder((folder) => raceKills(folder, KILL_POINTS))
console.log(
  `kill during saves: held ${kills.tried * 7 - kills.torn}/${kills.tried * 7} files after ${kills.tried} kills (saves completed ${kills.saved}, torn ${kills.torn}, temp files left ${kills.leftovers})`,
)
const failed = results.filter(([, t]) => t.held !== t.tried || t.leftovers > 0).map(([name]) => [name])
if (guard.leaks > 0) failed.push(['guard vs symlink swap'])
if (kills.torn > 0) failed.push(['kill during saves'])
if (failed.length > 0) {
  console.error(`did not hold: ${failed.map(([name]) => name).join(', ')}`)
  process.exitCode = 1
}
