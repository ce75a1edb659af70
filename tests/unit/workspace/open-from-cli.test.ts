import { mkdir, readFile, realpath, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { FolioError } from '../../../shared/errors'
import { openFromCommandLine } from '../../../electron/workspace/open-from-cli'
import { copySite, tempDir } from './helpers'

async function opened(dirArg: string, cwd: string): ReturnType<typeof openFromCommandLine> {
  const result = await openFromCommandLine(dirArg, cwd)
  onTestFinished(() => result.workspace.close())
  return result
}

describe('openFromCommandLine', () => {
  it('resolves the folder against the shell’s working folder, through links, and lists its articles', async () => {
    const root = await copySite('hexo')
    const shell = await tempDir('folio-cli-cwd-')
    await symlink(root, join(shell, '博客'))
    const { workspace, dir } = await opened('博客', shell)
    expect(dir).toBe(await realpath(root))
    expect((await workspace.list()).map((a) => a.path)).toContain('source/_posts/2024-03-01-hello-hexo.md')
  })

  it('never deletes a file: the trash refuses, and the file stays', async () => {
    const root = await copySite('hexo')
    const { workspace } = await opened(root, '/')
    const post = 'source/_posts/2024-03-01-hello-hexo.md'
    const before = await readFile(join(root, post))
    const error = await workspace.trash(post).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FolioError)
    expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'cli-no-trash' })
    expect((await readFile(join(root, post))).equals(before)).toBe(true)
  })

  it('does not watch: a file added later is not listed by itself', async () => {
    const root = await copySite('plain')
    const { workspace } = await opened(root, '/')
    const count = (await workspace.list()).length
    await mkdir(join(root, 'later'), { recursive: true })
    await writeFile(join(root, 'later/new.md'), '---\ntitle: New\n---\n')
    // Long enough for a watcher on this machine to have reported it.
    await new Promise((r) => setTimeout(r, 1_500))
    expect((await workspace.list()).length).toBe(count)
  })

  it('names a folder that does not exist, as it was typed', async () => {
    const shell = await tempDir('folio-cli-cwd-')
    const error = await openFromCommandLine('没有/这个', shell).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FolioError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '没有/这个: no such folder; check the path' })
    await expect(stat(join(shell, '没有'))).rejects.toThrow(/ENOENT/)
  })
})
