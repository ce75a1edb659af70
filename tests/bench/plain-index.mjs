// The plain baselines of tests/bench/index.bench.ts, as their own Node process (no TypeScript,
// no Folio code): list the folder, read every post and, with `yaml`, parse each header with the
// yaml package. Prints how many posts and header keys it saw, so the work cannot be skipped.
//   node tests/bench/plain-index.mjs DIR raw|yaml
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { parse } from 'yaml'

const [dir, mode] = process.argv.slice(2)
let posts = 0
let keys = 0
for (const name of readdirSync(dir, { recursive: true })) {
  if (!name.endsWith('.md')) continue
  posts++
  if (mode === 'raw') {
    keys += readFileSync(join(dir, name)).length > 0 ? 1 : 0
    continue
  }
  const text = readFileSync(join(dir, name), 'utf8')
  const start = text.indexOf('---\n')
  const end = text.indexOf('\n---', start + 4)
  if (start === -1 || end === -1) continue
  keys += Object.keys(parse(text.slice(start + 4, end)) ?? {}).length
}
process.stdout.write(JSON.stringify({ posts, keys }) + '\n')
