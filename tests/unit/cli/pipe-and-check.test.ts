/**
 * `folio check --json` rows, and a closed pipe (`folio taxonomy DIR | head`) ending the command
 * quietly. The process test runs the command's real entry (electron/cli-main.ts) under tsx.
 */
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CheckRow, main } from '../../../electron/cli'
import { tempDir } from '../workspace/helpers'

const REPO = new URL('../../../', import.meta.url).pathname

async function site(files: Record<string, string>): Promise<string> {
  const root = join(await tempDir('folio-check-'), 'site')
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true })
    await writeFile(join(root, rel), text)
  }
  return root
}

async function run(...argv: string[]): Promise<{ code: number; out: string[] }> {
  return runIn(false, ...argv)
}

/** The command with its output into a pipe, or into a terminal (`tty`). */
async function runIn(tty: boolean, ...argv: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: () => undefined, cwd: '/', tty })
  return { code, out }
}

describe('folio check --json', () => {
  it('gives one row per finding with path, line, column, severity, rule and message, and the same exit status', async () => {
    const root = await site({
      'ok.md': '---\ntitle: fine\n---\n',
      'broken.md': '---\ntitle: x\n  author: y\n---\n',
      'open.md': '---\n# note\ntitle: x\n',
    })
    const text = await run('check', root)
    const json = await run('check', root, '--json')
    expect(json.code).toBe(text.code)
    expect(json.code).toBe(1)
    const rows = JSON.parse(json.out.join('\n')) as CheckRow[]
    const errors = rows.filter((r) => r.severity === 'error')
    expect(errors).toEqual([
      { path: 'broken.md', line: 3, column: 3, severity: 'error', rule: 'syntax', message: expect.stringMatching(/^Key "author" is indented more/) as string },
      { path: 'open.md', line: 1, column: 1, severity: 'error', rule: 'unterminated', message: 'The header has no closing fence' },
    ])
    // The text output says the same, one line per row, as before.
    expect(text.out.filter((l) => !/ (?:warning|note): /.test(l))).toEqual(errors.map((r) => `${r.path}:${r.line}: ${r.message}`))
    expect((await run('check', join(root, 'none'), '--json')).code).toBe(1)
  })

  it('writes a row per line into a pipe and indents in a terminal, the same array either way', async () => {
    const files: Record<string, string> = {}
    // More rows than one written chunk (256), a broken header every third file.
    for (let i = 0; i < 600; i++)
      files[`p${String(i).padStart(3, '0')}.md`] = i % 3 === 0 ? `---\ntitle: x\n  author: y\n---\n` : `---\ntitle: 第 ${i} 篇\n---\n正文\n`
    const root = await site(files)
    const piped = await run('check', root, '--json')
    const rows = JSON.parse(piped.out.join('\n')) as CheckRow[]
    expect(rows.filter((r) => r.severity === 'error')).toHaveLength(200)
    expect(piped.out.join('\n')).toBe(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`)
    const terminal = await runIn(true, 'check', root, '--json')
    expect(terminal.code).toBe(1)
    expect(terminal.out.join('\n')).toBe(JSON.stringify(rows, null, 2))
    // A clean folder is an empty array either way.
    const clean = await site({ 'ok.md': '---\ntitle: fine\n---\nbody\n' })
    expect((await run('check', clean, '--json')).out).toEqual(['[]'])
  })
})

describe('a closed pipe', () => {
  it('ends `folio taxonomy DIR | head` quietly, without an EPIPE stack trace', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 3000; i++) files[`p${i}.md`] = `---\ntitle: p${i}\ntags: [tag-${i}, 标签-${i}]\n---\n`
    const root = await site(files)
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron/cli-main.ts'), 'taxonomy', root], { cwd: REPO })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // Read one chunk, then close the pipe as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(stderr).not.toMatch(/EPIPE|Error/)
    expect(code).toBe(0)
  }, 120_000)
})
