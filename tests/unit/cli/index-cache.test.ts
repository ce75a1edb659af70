/**
 * `folio index` and `folio check` reuse the app's index cache (in the profile folder, never in
 * the site): a file keeps its summary while its path, size and mtime stay, and any change to
 * one of them, a new file or a deleted one is seen on the next run. Beside it the command keeps
 * its listing (the entries it wrote), which answers only while nothing its checks depend on
 * changed: the files, the schema file, the clock passing a scheduled date. The real command, on
 * a temporary site, with a profile folder of its own.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const REPO = new URL('../../../', import.meta.url).pathname
const BIN = join(REPO, 'bin/folio.js')

const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

function temp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `folio-cache-${name}-`))
  temps.push(dir)
  return dir
}

function folio(profile: string, ...args: string[]) {
  return folioIn({}, profile, ...args)
}

function folioIn(env: Record<string, string>, profile: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env, FOLIO_USER_DATA: profile } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const post = (title: string, body = '正文。\n') => `---\ntitle: ${title}\ndate: 2024-01-02 03:04:05\ntags: [a, b]\n---\n${body}`

/** Every path under dir, for "nothing was written into the site". */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort()
}

function site(): string {
  const dir = temp('site')
  mkdirSync(join(dir, '2024'))
  writeFileSync(join(dir, '2024/one.md'), post('One'))
  writeFileSync(join(dir, '2024/two.md'), post('Two', 'two words\n'))
  writeFileSync(join(dir, 'bad-bytes.md'), Buffer.concat([Buffer.from(post('Bad', 'line six\n')), Buffer.from([0xc3, 0x28, 0x0a])]))
  writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(post('Wide'), 'utf16le')]))
  // Written a while ago, as a site's files are: a stamp read within its mtime's tick is kept by no cache.
  const before = new Date(Date.now() - 60_000)
  for (const name of ['2024/one.md', '2024/two.md', 'bad-bytes.md', 'utf16.md']) utimesSync(join(dir, name), before, before)
  return dir
}

const titles = (stdout: string) => (JSON.parse(stdout) as { path: string; title: string | null }[]).map((e) => `${e.path}=${e.title}`)

describe('the index cache of the folio command', () => {
  it('gives a second run the same answer from the profile folder, writing nothing into the site', () => {
    const dir = site()
    const profile = temp('profile')
    const before = tree(dir)
    const cold = folio(profile, 'index', dir, '--json')
    expect(cold.code, cold.stderr).toBe(0)
    // The app's index cache and the command's listing, one file each.
    expect(readdirSync(join(profile, 'index-cache')).map((f) => f.split('-')[0])).toEqual(['index', 'listing'])
    expect(tree(dir)).toEqual(before)
    const warm = folio(profile, 'index', dir, '--json')
    expect(warm.stdout).toBe(cold.stdout)
    // The bytes' verdicts come from the cache too.
    const rows = JSON.parse(warm.stdout) as { path: string; error: { code: string; line: number } | null }[]
    expect(rows.find((r) => r.path === 'bad-bytes.md')?.error).toMatchObject({ code: 'invalid-utf8', line: 7 })
    expect(rows.find((r) => r.path === 'utf16.md')?.error).toMatchObject({ code: 'utf-16', line: 1 })
    expect(folio(profile, 'index', dir, '--json', '--no-cache').stdout).toBe(cold.stdout)
    const check = folio(profile, 'check', dir)
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('bad-bytes.md:7: The file is not valid UTF-8')
  })

  it('reads a file again when its size or mtime changed, and sees files added and deleted', () => {
    const dir = site()
    const profile = temp('profile')
    // Whole seconds, so setting a time back gives the very mtime the cache holds.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    for (const name of ['2024/one.md', '2024/two.md']) utimesSync(join(dir, name), mtime, mtime)
    folio(profile, 'index', dir, '--json')
    const one = join(dir, '2024/one.md')
    // Same size and mtime: the cache answers (what a cache keyed by size and mtime cannot see)…
    writeFileSync(one, post('Uno'))
    utimesSync(one, mtime, mtime)
    expect(titles(folio(profile, 'index', dir, '--json').stdout)).toContain('2024/one.md=One')
    // …and --no-cache reads every file.
    expect(titles(folio(profile, 'index', dir, '--json', '--no-cache').stdout)).toContain('2024/one.md=Uno')
    // Another mtime, the same size.
    utimesSync(one, new Date(mtime.getTime() + 5000), new Date(mtime.getTime() + 5000))
    expect(titles(folio(profile, 'index', dir, '--json').stdout)).toContain('2024/one.md=Uno')
    // Another size, the same mtime.
    const two = join(dir, '2024/two.md')
    writeFileSync(two, post('Second', 'two words and more\n'))
    utimesSync(two, mtime, mtime)
    unlinkSync(join(dir, 'utf16.md'))
    writeFileSync(join(dir, '2024/three.md'), post('Three'))
    expect(titles(folio(profile, 'index', dir, '--json').stdout)).toEqual(['2024/one.md=Uno', '2024/three.md=Three', '2024/two.md=Second', 'bad-bytes.md=Bad'])
    // And what the last run wrote is what the next one reads.
    expect(folio(profile, 'index', dir, '--json').stdout).toBe(folio(profile, 'index', dir, '--json', '--no-cache').stdout)
  })

  it('never trusts a stamp read as it was made: a file changed again within the same mtime tick is read again', () => {
    const dir = site()
    const profile = temp('profile')
    const one = join(dir, '2024/one.md')
    // An mtime the read does not come well after (a second-granular filesystem, a clock ahead):
    // a write of the same size in the same tick leaves it as it was.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000)
    utimesSync(one, mtime, mtime)
    expect(titles(folio(profile, 'index', dir, '--json').stdout)).toContain('2024/one.md=One')
    writeFileSync(one, post('Uno'))
    utimesSync(one, mtime, mtime)
    // Neither the listing nor the index cache answers for it.
    expect(titles(folio(profile, 'index', dir, '--json').stdout)).toContain('2024/one.md=Uno')
    expect(folio(profile, 'check', dir).stdout).toBe(folio(profile, 'check', dir, '--no-cache').stdout)
  })

  it('never trusts the schema file stamp read within its mtime tick', () => {
    const dir = site()
    const profile = temp('profile')
    const schema = join(dir, '.folio/schema.yml')
    mkdirSync(join(dir, '.folio'))
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000)
    writeFileSync(schema, 'keys:\n  author: { required: true }\n')
    utimesSync(schema, mtime, mtime)
    expect(folio(profile, 'check', dir).stdout).toMatch(/^2024\/one\.md: warning: author is missing/m)
    // The same size, another key, the same mtime.
    writeFileSync(schema, 'keys:\n  series: { required: true }\n')
    utimesSync(schema, mtime, mtime)
    const again = folio(profile, 'check', dir).stdout
    expect(again).toMatch(/^2024\/one\.md: warning: series is missing/m)
    expect(again).not.toContain('author is missing')
  })

  it('reads every file when the caches are damaged, and repairs them', () => {
    const dir = site()
    const profile = temp('profile')
    const cold = folio(profile, 'index', dir, '--json').stdout
    const [index, listing] = readdirSync(join(profile, 'index-cache')).map((f) => join(profile, 'index-cache', f))
    // A damaged listing alone: the index cache answers, and the listing is written again.
    writeFileSync(listing!, '{"key": nonsense\n{"path":"x"}')
    expect(folio(profile, 'index', dir, '--json').stdout).toBe(cold)
    expect(readFileSync(listing!, 'utf8')).toContain('bad-bytes.md')
    for (const file of [index!, listing!]) writeFileSync(file, '{"key": nonsense')
    expect(folio(profile, 'index', dir, '--json').stdout).toBe(cold)
    expect(readFileSync(index!, 'utf16le')).toContain('bad-bytes.md')
    expect(readFileSync(listing!, 'utf8')).toContain('bad-bytes.md')
  })

  it('gives a subfolder its entries from the listing, and names what it left out on every run', () => {
    const dir = site()
    const profile = temp('profile')
    symlinkSync(join(dir, 'nowhere.md'), join(dir, '2024/dangling.md'))
    const cold = folio(profile, 'index', dir, '--json')
    expect(cold.stderr).toMatch(/^folio: warning: Skipped a link that leads nowhere \(2024\/dangling\.md\)/m)
    const warm = folio(profile, 'index', dir, '--json')
    expect(warm.stdout).toBe(cold.stdout)
    expect(warm.stderr).toBe(cold.stderr)
    const sub = folio(profile, 'index', join(dir, '2024'), '--json')
    expect(titles(sub.stdout)).toEqual(['one.md=One', 'two.md=Two'])
    expect(sub.stdout).toBe(folio(profile, 'index', join(dir, '2024'), '--json', '--no-cache').stdout)
  })

  it('works the checks out again when the schema file changes or a scheduled date passes', async () => {
    const dir = site()
    const profile = temp('profile')
    const check = () => folio(profile, 'check', dir).stdout
    expect(check()).not.toContain('author is missing')
    mkdirSync(join(dir, '.folio'))
    writeFileSync(join(dir, '.folio/schema.yml'), 'keys:\n  author: { required: true }\n')
    expect(check()).toMatch(/^2024\/one\.md: warning: author is missing/m)
    unlinkSync(join(dir, '.folio/schema.yml'))
    expect(check()).not.toContain('author is missing')
    // A post dated three seconds from now is scheduled until then, and no longer after.
    const soon = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000)
    writeFileSync(join(dir, 'soon.md'), `---\ntitle: Soon\ndate: ${soon.toISOString()}\n---\nbody\n`)
    expect(check()).toMatch(/^soon\.md: note: date is in the future/m)
    expect(check()).toMatch(/^soon\.md: note: date is in the future/m)
    await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 100))
    expect(check()).not.toContain('soon.md')
  })

  it('works dates out again when the system zone changes', () => {
    const dir = site()
    const profile = temp('profile')
    // Three hours ahead of UTC's wall clock, written without a zone: past in Shanghai (UTC+8), future in New York.
    const wall = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
    writeFileSync(join(dir, 'zoned.md'), `---\ntitle: Zoned\ndate: ${wall}\n---\nbody\n`)
    const check = (tz: string) => folioIn({ TZ: tz }, profile, 'check', dir).stdout
    expect(check('Asia/Shanghai')).not.toContain('zoned.md')
    expect(check('Asia/Shanghai')).not.toContain('zoned.md')
    expect(check('America/New_York')).toMatch(/^zoned\.md: note: date is in the future/m)
    expect(check('Asia/Shanghai')).not.toContain('zoned.md')
  })

  it('writes the stored answer of an unchanged folder as it is, into a pipe and a file alike', () => {
    const dir = site()
    const profile = temp('profile')
    const cold = folio(profile, 'index', dir, '--json').stdout
    const out = join(temp('out'), 'index.json')
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" index "${dir}" --json > "${out}"`], {
      env: { ...process.env, FOLIO_USER_DATA: profile },
      timeout: 60_000,
    })
    expect(r.status).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(cold)
    expect(cold.endsWith('\n]\n')).toBe(true)
    // An empty folder: the empty list, from the listing too.
    const empty = temp('empty')
    expect(folio(profile, 'index', empty, '--json').stdout).toBe('[]\n')
    expect(folio(profile, 'index', empty, '--json').stdout).toBe('[]\n')
  })
})
