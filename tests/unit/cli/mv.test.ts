import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import type { CliIo } from '../../../electron/cli-command'
import { folderWith } from '../export/helpers'

async function run(args: string[], cwd: string): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), cwd }
  return { status: await main(args, io), out, err }
}

describe('folio mv', () => {
  it('prints the changed lines with --dry-run and writes nothing, then moves the post and rewrites its references', async () => {
    const root = await folderWith({
      'hugo.toml': 'title = "t"\n',
      'content/posts/a.md': '---\ntitle: A\ncover: /images/a.png\n---\nSee {{< ref "b" >}}.\n',
      'content/posts/b.md': '---\ntitle: B\n---\n',
      'static/images/a.png': 'png',
    })
    const dry = await run(['mv', 'content/posts/b.md', 'content/notes/b2.md', '--dry-run'], root)
    expect(dry).toEqual({
      status: 0,
      out: [
        '--- content/posts/a.md',
        '@@ line 5 @@',
        '-See {{< ref "b" >}}.',
        '+See {{< ref "b2" >}}.',
        '1 file would change; nothing was written (--dry-run).',
      ],
      err: [],
    })
    expect(await readFile(join(root, 'content/posts/a.md'), 'utf8')).toContain('{{< ref "b" >}}')

    const json = await run(['mv', '../static/images/a.png', '../static/img/cover.png', '--json'], join(root, 'content'))
    expect(json.status).toBe(0)
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({
      from: 'static/images/a.png',
      to: 'static/img/cover.png',
      applied: true,
      changed: ['content/posts/a.md'],
    })
    expect(await readFile(join(root, 'content/posts/a.md'), 'utf8')).toBe('---\ntitle: A\ncover: /img/cover.png\n---\nSee {{< ref "b" >}}.\n')
    expect(await stat(join(root, 'static/img/cover.png')).then(() => true)).toBe(true)
  })

  it('exits 2 with the usage for wrong arguments, and 1 naming the file for a taken name', async () => {
    const root = await folderWith({ 'a.md': '# A\n', 'b.md': '# B\n' })
    expect((await run(['mv', 'a.md'], root)).status).toBe(2)
    const taken = await run(['mv', 'a.md', 'b.md'], root)
    expect(taken.status).toBe(1)
    expect(taken.err[0]).toContain('Could not rename a.md to b.md')
  })
})
