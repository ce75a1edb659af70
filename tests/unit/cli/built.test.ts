/**
 * The BUILT `folio` command (out/main/cli.js, which vitest's global setup keeps fresh): its
 * version, its message when the build is missing, and that it runs with nothing but package.json's
 * runtime `dependencies` installed (no tsx, nothing the bundler inlined), sanitizing a large
 * export on the built worker thread (out/main/sanitize-worker.js) that the app's main process
 * loads the same way.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const REPO = new URL('../../../', import.meta.url).pathname
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> }

const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

function temp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `folio-built-${name}-`))
  temps.push(dir)
  return dir
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * An install of the built app as a user's machine has it (electron-builder.yml's `files`):
 * out/main, package.json, the export themes and node_modules holding only the runtime
 * dependencies (linked to the repository's copies).
 */
function runtimeOnlyInstall(): string {
  const root = temp('install')
  for (const part of ['out/main', 'package.json', 'resources/themes']) cpSync(join(REPO, part), join(root, part), { recursive: true })
  mkdirSync(join(root, 'node_modules'))
  for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(REPO, 'node_modules', dep), join(root, 'node_modules', dep))
  return root
}

/** A Hexo site with `count` posts, mixed Chinese and English, some with raw HTML to sanitize. */
function hexoSite(count: number): string {
  const root = temp('site')
  writeFileSync(join(root, '_config.yml'), 'title: 旅行笔记\nauthor: 林间\nlanguage: zh-CN\nurl: https://example.com\n')
  mkdirSync(join(root, 'source/_posts'), { recursive: true })
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const html = i % 3 === 0 ? '\n<div class="note" onclick="steal()">提示：<script>alert(1)</script>带上雨伞。</div>\n' : ''
    writeFileSync(
      join(root, 'source/_posts', `2024-05-${day}-post-${i}.md`),
      `---\ntitle: 第 ${i} 天：京都的小巷\ndate: 2024-05-${day} 09:30:00\ntags: [旅行, Kyoto]\ncategories: [游记]\n---\n\n` +
        `早上沿着鸭川走到三条，再去锦市场。Walked along the Kamo river in the morning.\n${html}\n` +
        `## 路线\n\n- 三条大桥\n- 锦市场\n- 先斗町\n`,
    )
  }
  return root
}

/** Loaded before the command: counts worker threads and the replies they send back. */
const OBSERVE_WORKERS = `
import { writeFileSync } from 'node:fs'
let workers = 0, replies = 0
process.on('worker', (worker) => { workers++; worker.on('message', () => replies++) })
process.on('exit', () => writeFileSync(process.env.FOLIO_WORKER_REPORT, JSON.stringify({ workers, replies })))
`

describe('the built folio command', () => {
  it('prints the version from package.json', () => {
    const r = run([join(REPO, 'bin/folio.js'), '--version'], REPO)
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it('says to run the build when out/ is missing, without a stack trace', () => {
    const checkout = temp('checkout')
    cpSync(join(REPO, 'bin'), join(checkout, 'bin'), { recursive: true })
    const r = run([join(checkout, 'bin/folio.js'), '--version'], checkout)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^folio: the command line is not built yet \(.*out\/main\/cli\.js is missing\): run `npm run build` in .* first\.\n$/)
  })

  it('indexes a site with only the runtime dependencies installed', () => {
    const install = runtimeOnlyInstall()
    const site = temp('hexo')
    cpSync(join(REPO, 'tests/fixtures/sites/hexo'), site, { recursive: true })
    const r = run([join(install, 'out/main/cli.js'), 'index', site, '--json'], site)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const titles = (JSON.parse(r.stdout) as { title: string | null }[]).map((e) => e.title)
    expect(titles).toContain('Travel notes from Kyoto')
  })

  /** `folio export . --format site` of a generated site of 80 posts; what the worker threads did. */
  function exportSite(install: string) {
    const site = hexoSite(80)
    const out = temp('out')
    const observer = join(temp('observer'), 'observe.mjs')
    writeFileSync(observer, OBSERVE_WORKERS)
    const report = join(out, '..', 'workers.json')
    temps.push(report)
    const r = spawnSync(process.execPath, ['--import', observer, join(install, 'out/main/cli.js'), 'export', '.', '--format', 'site', '--out', out], {
      cwd: site,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, FOLIO_WORKER_REPORT: report },
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    // Whichever thread sanitized a page, the script is gone and the text is kept.
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))
    const all = pages.map((p) => readFileSync(join(out, p), 'utf8')).join('\n')
    expect(all).toContain('带上雨伞')
    expect(all).not.toMatch(/<script>alert|onclick=/)
    return JSON.parse(readFileSync(report, 'utf8')) as { workers: number; replies: number }
  }

  it.skipIf(availableParallelism() < 2)(
    'exports a large site on the built sanitizer worker thread',
    () => {
      const install = runtimeOnlyInstall()
      expect(existsSync(join(install, 'out/main/sanitize-worker.js'))).toBe(true)
      const { workers, replies } = exportSite(install)
      expect(workers).toBeGreaterThan(0)
      expect(replies).toBeGreaterThan(0)
    },
    200_000,
  )

  it.skipIf(availableParallelism() < 2)(
    'finishes the export on its own thread when a worker cannot load',
    () => {
      const install = runtimeOnlyInstall()
      writeFileSync(join(install, 'out/main/sanitize-worker.js'), "throw new Error('this worker cannot load')\n")
      const { workers, replies } = exportSite(install)
      expect(workers).toBeGreaterThan(0)
      expect(replies).toBe(0)
    },
    200_000,
  )
})
