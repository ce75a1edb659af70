/**
 * Every `folio` subcommand reads its arguments through electron/cli-command.ts: wrong arguments
 * exit 2 with the command's usage and touch nothing; right ones still run.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import { parseCommandArgs, UsageError, type CliIo } from '../../../electron/cli-command'
import { folderWith } from '../export/helpers'

async function run(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), cwd }
  return { status: await main(args, io), out: out.join('\n'), err: err.join('\n') }
}

const POST = '---\ntitle: 旧\ntags: [a]\n---\n正文\n'

describe('parseCommandArgs', () => {
  const spec = {
    usage: 'usage: folio demo DIR [--json]',
    options: { json: { type: 'boolean', default: false }, tag: { type: 'string', multiple: true } },
    positionals: { min: 1, max: 1 },
  } as const

  it('gives typed values, positionals and the tokens in command-line order', () => {
    const parsed = parseCommandArgs(['--tag', 'x', 'dir', '--json', '--tag=y'], spec)
    expect(parsed.values).toEqual({ json: true, tag: ['x', 'y'] })
    expect(parsed.positionals).toEqual(['dir'])
    expect(parsed.tokens.map((t) => t.kind)).toEqual(['option', 'positional', 'option', 'option'])
  })

  it('takes an argument that starts with a dash as a positional after --', () => {
    expect(parseCommandArgs(['--', '-dir'], spec).positionals).toEqual(['-dir'])
  })

  it('refuses unknown options, missing values and a wrong number of positionals, naming the usage', () => {
    for (const args of [['dir', '--jsn'], ['dir', '--tag'], [], ['a', 'b'], ['dir', '--json=yes']]) {
      let thrown: unknown
      try {
        parseCommandArgs(args, spec)
      } catch (error) {
        thrown = error
      }
      expect(thrown, args.join(' ')).toBeInstanceOf(UsageError)
      expect((thrown as Error).message).toContain('usage: folio demo DIR [--json]')
    }
  })
})

describe('folio usage errors', () => {
  const cases: [string, string[], RegExp][] = [
    ['index without a folder', ['index'], /usage: folio index DIR \[--json\]/],
    ['index with an unknown option', ['index', '.', '--jsn'], /Unknown option '--jsn'[\s\S]*usage: folio index/],
    ['check with two folders', ['check', '.', '.'], /usage: folio check DIR \[--links\] \[--json\]/],
    ['set without an edit', ['set', 'post.md'], /usage: folio set FILE\.\.\. KEY=VALUE/],
    ['set --json without KEY=', ['set', 'post.md', '--json', '[1]'], /--json needs KEY=JSON/],
    ['set --json with a value that is not JSON', ['set', 'post.md', '--json', 'tags=[1'], /--json tags=\[1: the value is not valid JSON/],
    ['set --json without its value', ['set', 'post.md', '--json'], /'--json <value>' argument missing[\s\S]*usage: folio set/],
    ['unset without a key', ['unset', 'post.md'], /usage: folio unset FILE\.\.\. KEY/],
    ['export with an unknown format', ['export', 'post.md', '--format', 'pdf', '--out', 'out'], /--format must be html, md or site[\s\S]*Usage: folio export/],
    ['export without --out', ['export', 'post.md', '--format', 'html'], /Give at least one PATH and --out DIR/],
    ['export of a site from two folders', ['export', '.', '.', '--format', 'site', '--out', 'out'], /--format site takes exactly one folder/],
    ['taxonomy with an option for a folder', ['taxonomy', '--all'], /Unknown option '--all'[\s\S]*usage: folio taxonomy DIR/],
    ['rename-value with three words', ['rename-value', '.', 'tags', 'a'], /usage: folio rename-value DIR KEY OLD NEW \[--dry-run\]/],
    ['mv with one path', ['mv', 'post.md'], /usage: folio mv OLD NEW \[--dry-run\] \[--json\]/],
    ['mv with an unknown option', ['mv', 'post.md', 'new.md', '--force'], /Unknown option '--force'/],
    ['status without a folder', ['status'], /usage: folio status DIR \[--json\]/],
  ]

  it.each(cases)('%s exits 2 with the usage and changes nothing', async (_name, args, message) => {
    const root = await folderWith({ 'post.md': POST })
    const r = await run(args, root)
    expect(r.status).toBe(2)
    expect(r.err).toMatch(/^folio: /)
    expect(r.err).toMatch(message)
    expect(r.out).toBe('')
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(POST)
  })

  it('still runs each form the usage names', async () => {
    const root = await folderWith({ 'post.md': POST })
    expect((await run(['set', 'post.md', 'title=新', '--json', 'tags=["a","b"]'], root)).status).toBe(0)
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe('---\ntitle: 新\ntags: [a, b]\n---\n正文\n')
    expect((await run(['unset', 'post.md', 'tags'], root)).status).toBe(0)
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe('---\ntitle: 新\n---\n正文\n')
    const index = await run(['index', '--json', '.'], root)
    expect(index.status).toBe(0)
    expect((JSON.parse(index.out) as { path: string }[]).map((e) => e.path)).toEqual(['post.md'])
    expect((await run(['rename-value', '.', 'title', '新', '新新', '--dry-run'], root)).status).toBe(0)
    expect((await run(['taxonomy', '.', '--json'], root)).status).toBe(0)
  })

  it('applies edits of one key in the order they were given', async () => {
    const root = await folderWith({ 'post.md': POST })
    expect((await run(['set', 'post.md', '--json', 'title=1', 'title=二'], root)).status).toBe(0)
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe('---\ntitle: 二\ntags: [a]\n---\n正文\n')
  })
})

describe('values that start with a dash, as folio has always read them', () => {
  it('renames a tag -1 and a key -draft is unset', async () => {
    const root = await folderWith({ 'post.md': '---\ntitle: 旧\ntags: [-1, b]\n-draft: yes\n---\n正文\n' })
    const renamed = await run(['rename-value', '.', 'tags', '-1', '--dry-run', 'minus-one'], root)
    expect(renamed.status).toBe(0)
    expect(renamed.out).toContain('+tags: [minus-one, b]')
    expect((await run(['rename-value', '.', 'tags', '-1', 'minus-one'], root)).status).toBe(0)
    expect((await run(['unset', 'post.md', '-draft'], root)).status).toBe(0)
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe('---\ntitle: 旧\ntags: [minus-one, b]\n---\n正文\n')
  })

  it('still reads the command’s own options wherever they stand, and refuses a wrong count', () => {
    const spec = {
      usage: 'usage: folio demo A B',
      options: { json: { type: 'boolean' }, tag: { type: 'string' } },
      positionals: { min: 2, max: 2 },
      dashedPositionals: true,
    } as const
    const parsed = parseCommandArgs(['-x', '--json', '--tag', '-t', '-y'], spec)
    expect(parsed.positionals).toEqual(['-x', '-y'])
    expect(parsed.values).toEqual({ json: true, tag: '-t' })
    expect(() => parseCommandArgs(['-x'], spec)).toThrow(UsageError)
  })
})
