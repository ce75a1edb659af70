/**
 * The one write path: ArticleStore.edit on real files, raced by a second process that writes the
 * file between the edit's read and its write, directly and through the `folio` command.
 */
import { spawnSync } from 'node:child_process'
import { chmod, lstat, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import { createArticleStore } from '../../../electron/workspace/article-store'
import { hashBytes } from '../../../electron/workspace/encoding'
import { createGuard } from '../../../electron/workspace/guard'
import { FolioError } from '../../../shared/errors'
import { tempDir } from './helpers'

/** Another program writing the file: a separate Node process, finished before this returns. */
function otherProgramWrites(abs: string, text: string, how: 'inplace' | 'rename'): void {
  const script =
    how === 'inplace'
      ? `require('fs').writeFileSync(process.argv[1], process.argv[2])`
      : `const fs = require('fs'); fs.writeFileSync(process.argv[1] + '.swp', process.argv[2]); fs.renameSync(process.argv[1] + '.swp', process.argv[1])`
  const r = spawnSync(process.execPath, ['-e', script, abs, text], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
}

const ARTICLE = '---\ntitle: 旧标题\ntags: [a]\n---\n正文\n'

async function folder(files: Record<string, string | Uint8Array> = { 'post.md': ARTICLE }): Promise<string> {
  const dir = await tempDir('folio-store-')
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
  return dir
}

async function rejection(promise: Promise<unknown>): Promise<FolioError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof FolioError)) throw new Error(`expected a FolioError, got ${String(error)}`)
  return error
}

describe('ArticleStore.edit', () => {
  it('applies a change to the text on disk, keeping BOM, CRLF and mode; an unchanged text writes nothing', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\r\ntitle: 甲\r\n---\r\n正文\r\n')])
    const dir = await folder({ 'crlf.md': bytes })
    await chmod(join(dir, 'crlf.md'), 0o640)
    const store = createArticleStore(await createGuard(dir))
    const same = await store.edit('crlf.md', (text) => text)
    expect(same.changed).toBe(false)
    expect(same.hash).toBe(hashBytes(bytes))
    const edited = await store.edit('crlf.md', (text) => {
      expect(text).toBe('---\r\ntitle: 甲\r\n---\r\n正文\r\n')
      return text.replace('甲', '乙')
    })
    expect(edited.changed).toBe(true)
    const after = await readFile(join(dir, 'crlf.md'))
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(after.subarray(3).toString('utf8')).toBe('---\r\ntitle: 乙\r\n---\r\n正文\r\n')
    expect(edited.hash).toBe(hashBytes(after))
    expect((await stat(join(dir, 'crlf.md'))).mode & 0o777).toBe(0o640)
  })

  it.each(['inplace', 'rename'] as const)('never overwrites a file another program wrote (%s) between the read and the write', async (how) => {
    const dir = await folder()
    const abs = join(dir, 'post.md')
    const theirs = ARTICLE.replace('正文', '别人的修改')
    const store = createArticleStore(await createGuard(dir), { beforeWrite: async (path) => otherProgramWrites(path, theirs, how) })
    const error = await rejection(store.edit('post.md', (text) => text.replace('旧标题', '新标题')))
    expect(error.code).toBe('CONFLICT')
    expect(error.path).toBe('post.md')
    expect(error.message).toMatch(/post\.md was changed on disk by another program/)
    expect(await readFile(abs, 'utf8')).toBe(theirs)
  })

  it('refuses a base the disk no longer holds, and paths outside the folder', async () => {
    const dir = await folder()
    const store = createArticleStore(await createGuard(join(dir)))
    const stale = await rejection(store.edit('post.md', 'replaced\n', hashBytes(new TextEncoder().encode('something else'))))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toMatch(/since it was opened/)
    expect((await rejection(store.edit('../post.md', 'x'))).code).toBe('OUTSIDE_ROOT')
    expect(await readFile(join(dir, 'post.md'), 'utf8')).toBe(ARTICLE)
  })

  it('edits the target of a symlink inside the folder and keeps the link', async () => {
    const dir = await folder()
    await symlink('post.md', join(dir, 'link.md'))
    const store = createArticleStore(await createGuard(dir))
    await store.edit('link.md', (text) => text.replace('旧标题', '新标题'))
    expect((await lstat(join(dir, 'link.md'))).isSymbolicLink()).toBe(true)
    expect(await readlink(join(dir, 'link.md'))).toBe('post.md')
    expect(await readFile(join(dir, 'post.md'), 'utf8')).toBe(ARTICLE.replace('旧标题', '新标题'))
  })

  it('passes the change’s own error through untouched and writes nothing', async () => {
    const dir = await folder()
    const store = createArticleStore(await createGuard(dir))
    const refusal = new FolioError({
      code: 'HEADER_PARSE',
      message: 'the header does not parse',
      reason: 'header-unparsed',
      params: { line: 2, detail: 'unclosed quote' },
    })
    await expect(
      store.edit('post.md', () => {
        throw refusal
      }),
    ).rejects.toBe(refusal)
    expect(await readFile(join(dir, 'post.md'), 'utf8')).toBe(ARTICLE)
  })
})

describe('folio set raced by another program', () => {
  it('reports the file, leaves the other program’s bytes, exits 1, and still edits the other files', async () => {
    const dir = await folder({ 'raced.md': ARTICLE, 'calm.md': ARTICLE })
    const theirs = ARTICLE.replace('正文', '另一个程序写的')
    const out: string[] = []
    const err: string[] = []
    const code = await main(['set', 'raced.md', 'calm.md', 'title=新标题'], {
      cwd: dir,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      beforeWrite: async (abs) => {
        if (abs.endsWith('raced.md')) otherProgramWrites(abs, theirs, 'rename')
      },
    })
    expect(code).toBe(1)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^folio: raced\.md: changed on disk by another program while folio was editing it/)
    expect(out).toEqual(['updated calm.md'])
    expect(await readFile(join(dir, 'raced.md'), 'utf8')).toBe(theirs)
    expect(await readFile(join(dir, 'calm.md'), 'utf8')).toBe(ARTICLE.replace('旧标题', '新标题'))
  })
})
