/**
 * The real `folio` command (node bin/folio.js) on temporary copies of the fixture sites.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'

const REPO = new URL('../../../', import.meta.url).pathname
const BIN = join(REPO, 'bin/folio.js')
const SITES = join(REPO, 'tests/fixtures/sites')

const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

/** A writable copy of a fixture site (fixtures may be read-only on disk). */
function copySite(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `folio-cli-${name}-`))
  temps.push(dir)
  cpSync(join(SITES, name), dir, { recursive: true })
  makeWritable(dir)
  return dir
}

function makeWritable(dir: string): void {
  spawnSync('chmod', ['-R', 'u+w', dir])
}

function folio(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface Entry {
  path: string
  format: string
  title: string | null
  date: string | null
  tags: string[]
  categories: string[][]
  draft: boolean
  words: number
  error: null | { code: string; message: string; line: number }
  checks: { code: string; key: string; severity: string; line: number | null; message: string }[]
}

describe('folio index', () => {
  it('lists every article of a plain folder as JSON, with errors for bad bytes', () => {
    const dir = copySite('plain')
    const r = folio(dir, 'index', '.', '--json')
    expect(r.code).toBe(0)
    const entries = JSON.parse(r.stdout) as Entry[]
    const byPath = Object.fromEntries(entries.map((e) => [e.path, e]))
    expect(Object.keys(byPath)).not.toContain('.hidden/secret.md')
    expect(Object.keys(byPath).every((p) => !p.includes('\\') && !p.startsWith('/'))).toBe(true)
    expect(byPath['zaker-news.txt']).toMatchObject({
      format: 'yaml',
      title: '史无前例，阿里云或将空降 M7 级高管',
      date: 'Tue, 01 Mar 2022 04:51:00 GMT',
      error: null,
    })
    expect(byPath['zaker-news.txt']?.words).toBeGreaterThan(100)
    expect(byPath['notes/latin1.md']?.error).toMatchObject({ code: 'invalid-utf8', line: expect.any(Number) })
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(['categories', 'checks', 'date', 'draft', 'error', 'format', 'path', 'tags', 'title', 'words'].sort())
    }
  })

  it('lists a Hexo site with its broken header and drafts', () => {
    const dir = copySite('hexo')
    const entries = JSON.parse(folio(dir, 'index', dir, '--json').stdout) as Entry[]
    const broken = entries.find((e) => e.path.endsWith('2021-01-01-broken.md'))
    expect(broken?.error).toMatchObject({ code: 'syntax', line: expect.any(Number) })
    const fenceless = entries.find((e) => e.path.endsWith('travel-notes.md'))
    expect(fenceless).toMatchObject({ title: 'Travel notes from Kyoto', error: null })
    expect(entries.some((e) => e.draft)).toBe(true)
  })

  it('writes JSON an entry per line into a pipe, and indented in a terminal, the same array either way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cli-layout-'))
    temps.push(dir)
    // More than one chunk of entries (the command writes 256 at a time).
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `p${String(i).padStart(3, '0')}.md`), `---\ntitle: 第 ${i} 篇\ntags: [a, "b"]\n---\n正文 text ${i}\n`)
    const piped = folio(dir, 'index', '.', '--json')
    expect(piped.code).toBe(0)
    const entries = JSON.parse(piped.stdout) as Entry[]
    expect(entries).toHaveLength(300)
    expect(piped.stdout).toBe(`[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`)
    const lines: string[] = []
    const code = await main(['index', '.', '--json'], { out: (line) => lines.push(line), err: () => undefined, cwd: dir, tty: true })
    expect(code).toBe(0)
    expect(lines.join('\n')).toBe(JSON.stringify(entries, null, 2))
  })

  it('prints one line per article without --json', () => {
    const dir = copySite('jekyll')
    const r = folio(dir, 'index', '.')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/_posts\/2023-11-05-no-date-in-header\.markdown\tyaml\t.*\t标题里没有日期/)
  })
})

describe('folio check', () => {
  it('prints path:line: message and exits 1 when a header is broken', () => {
    const dir = copySite('hexo')
    const r = folio(dir, 'check', '.')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^source\/_posts\/2021-01-01-broken\.md:\d+: .+$/m)
  })

  it('lists field checks as warnings and notes after the errors, without changing the exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cli-checks-'))
    temps.push(dir)
    const write = (name: string, text: string) => {
      mkdirSync(join(dir, name, '..'), { recursive: true })
      writeFileSync(join(dir, name), text)
    }
    write('.folio/schema.yml', 'keys:\n  author: { required: true }\n')
    write('long.md', `---\ntitle: ${'长'.repeat(31)}\nauthor: Ada\n---\nbody\n`)
    write('later.md', '---\ntitle: Later\nauthor: Ada\ndate: Tue, 01 Jan 2999 09:00:00 GMT\n---\nbody\n')
    write('anonymous.md', '---\ntitle: Anonymous\n---\nbody\n')
    let r = folio(dir, 'check', '.')
    expect(r.stdout.trim().split('\n').sort()).toEqual([
      'anonymous.md: warning: author is missing; articles in this collection have one. Add it.',
      'later.md: note: date is in the future: the article is scheduled and most generators leave it out until then.',
      'long.md:2: warning: title is 31 characters long; search results cut it after about 30. Shorten it.',
    ])
    expect(r.code).toBe(0)

    write('twice.md', '---\ntitle: One\nauthor: Ada\ntitle: Two\ntitle: Three\n---\nbody\n')
    r = folio(dir, 'check', '.')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^twice\.md:4: .+$/m)
    expect(r.stdout).toMatch(/^twice\.md:5: warning: title appears more than once/m)
    expect(r.stdout).not.toMatch(/^twice\.md:4: warning/m)
    const entries = JSON.parse(folio(dir, 'index', '.', '--json').stdout) as { path: string; checks: { code: string; key: string }[] }[]
    expect(entries.find((e) => e.path === 'anonymous.md')?.checks).toEqual([
      { code: 'missing-required', key: 'author', severity: 'warning', line: null, message: expect.stringContaining('author is missing') },
    ])
  })

  it('exits 0 on a clean folder', () => {
    const r = folio(copySite('hugo'), 'check', '.')
    expect(r.stdout).toBe('')
    expect(r.code).toBe(0)
  })
})

describe('folio set / unset', () => {
  it('sets a string value changing exactly one line, keeping BOM and CRLF', () => {
    const dir = copySite('plain')
    const files = ['zaker-news.txt', 'notes/crlf.md', 'notes/bom.md']
    const before = files.map((f) => readFileSync(join(dir, f)))
    const r = folio(dir, 'set', ...files, 'author=Folio 编辑: 张三')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    files.forEach((f, i) => {
      const after = readFileSync(join(dir, f))
      const a = (before[i] as Buffer).toString('utf8').split('\n')
      const b = after.toString('utf8').split('\n')
      const changed = b.length === a.length ? b.filter((l, j) => l !== a[j]) : b.filter((l) => !a.includes(l))
      expect(changed, f).toHaveLength(1)
      expect(changed[0], f).toMatch(/^author: 'Folio 编辑: 张三'\r?$/)
    })
    expect(readFileSync(join(dir, 'notes/bom.md')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const crlf = readFileSync(join(dir, 'notes/crlf.md'), 'utf8')
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('setting what a value already reads as writes nothing; a date-looking string is quoted', () => {
    const dir = copySite('plain')
    const file = join(dir, 'typed.md')
    const text = '---\ntitle: 1092\nversion: 1.10\nflag: true\n---\nbody\n'
    writeFileSync(file, text)
    const same = folio(dir, 'set', 'typed.md', 'title=1092', 'version=1.10', 'flag=true')
    expect(same.stdout).toBe('')
    expect(same.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(folio(dir, 'set', 'typed.md', 'title=2024-01-01').code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe("---\ntitle: '2024-01-01'\nversion: 1.10\nflag: true\n---\nbody\n")
  })

  it('sets typed values with --json, and unset removes a key', () => {
    const dir = copySite('hugo')
    const file = 'content/posts/yaml-draft.md'
    expect(folio(dir, 'set', file, '--json', 'draft=false', '--json', 'tags=["yaml","测试"]').code).toBe(0)
    const text = readFileSync(join(dir, file), 'utf8')
    expect(text).toContain('draft: false\n')
    expect(text).toContain('tags:\n  - yaml\n  - 测试\n')
    expect(folio(dir, 'unset', file, 'tags').code).toBe(0)
    expect(readFileSync(join(dir, file), 'utf8')).not.toContain('tags')
    const toml = 'content/posts/toml-post.md'
    expect(folio(dir, 'set', toml, '--json', 'draft=true').code).toBe(0)
    expect(readFileSync(join(dir, toml), 'utf8')).toContain('draft = true\n')
  })

  it('leaves a broken or non-UTF-8 file untouched, says why on one line, and edits the others', () => {
    const plain = copySite('plain')
    const hexo = copySite('hexo')
    const broken = join(hexo, 'source/_posts/2021-01-01-broken.md')
    const latin1 = join(plain, 'notes/latin1.md')
    const good = join(hexo, 'source/_posts/2024-03-01-hello-hexo.md')
    const bytes = [readFileSync(broken), readFileSync(latin1)]
    const r = folio(plain, 'set', broken, latin1, good, 'title=新标题')
    expect(r.code).not.toBe(0)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('2021-01-01-broken.md')
    expect(lines[0]).toMatch(/does not parse/)
    expect(lines[1]).toContain('latin1.md')
    expect(lines[1]).toMatch(/UTF-8/)
    expect(readFileSync(broken)).toEqual(bytes[0])
    expect(readFileSync(latin1)).toEqual(bytes[1])
    expect(readFileSync(good, 'utf8')).toContain('title: 新标题\n')
  })

  it("edits a fenceless Hexo header in a Hexo site and keeps the file's mode", () => {
    const dir = copySite('hexo')
    const file = join(dir, 'source/_posts/2023-12-24-travel-notes.md')
    chmodSync(file, 0o640)
    const before = readFileSync(file, 'utf8')
    expect(folio(dir, 'set', file, 'title=京都旅行').code).toBe(0)
    const after = readFileSync(file, 'utf8')
    expect(after).toBe(before.replace('title: Travel notes from Kyoto', 'title: 京都旅行'))
    expect(statSync(file).mode & 0o777).toBe(0o640)
  })

  it('adds a block to a file without a header, and refuses a read-only file', () => {
    const dir = copySite('plain')
    const file = join(dir, 'new.md')
    writeFileSync(file, '正文\n')
    expect(folio(dir, 'set', 'new.md', 'title=新').code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: 新\n---\n正文\n')
    chmodSync(file, 0o444)
    const r = folio(dir, 'set', 'new.md', 'title=改')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/new\.md.*read-only/)
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: 新\n---\n正文\n')
  })

  it('reports usage errors with status 2', () => {
    const dir = copySite('plain')
    expect(folio(dir, 'set', 'notes/bom.md').code).toBe(2)
    expect(folio(dir, 'frobnicate').code).toBe(2)
    expect(folio(dir, 'help').code).toBe(0)
  })
})
