import { spawnSync } from 'node:child_process'
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { open, tempDir } from './helpers'

const CHILD = fileURLToPath(new URL('./as-user.child.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const NOBODY = 65534
const isRoot = process.getuid?.() === 0

interface Seen {
  list: { path: string; error: string | null }[]
  warnings: { path: string; message: string }[]
  saved: Record<string, string>
}

/** Runs the workspace as `nobody` over a folder it may enter. */
function asNobody(folder: string, saves: string[] = []): Seen {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, folder, ...saves], {
    cwd: REPO,
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: '/tmp' },
  })
  if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Seen
}

describe('permissions', () => {
  it('a read-only (444) file opens read-only with the reason, and a save is refused and changes nothing', async () => {
    const folder = await tempDir()
    const file = join(folder, 'locked.md')
    await writeFile(file, '---\ntitle: Locked\n---\n')
    await chmod(file, 0o444)
    const ws = await open(folder)
    const loaded = await ws.read('locked.md')
    expect(loaded.readOnly).toMatch(/locked\.md is read-only.*Make it writable/)
    await expect(ws.save('locked.md', 'changed', loaded.hash)).rejects.toMatchObject({ code: 'READ_ONLY', path: 'locked.md' })
    expect(await readFile(file, 'utf8')).toBe('---\ntitle: Locked\n---\n')
    expect((await stat(file)).mode & 0o777).toBe(0o444)
  })

  it('"make writable" adds the owner\'s write bit only (0444 becomes 0644), after which the file opens editable and saves', async () => {
    const folder = await tempDir()
    const file = join(folder, 'locked.md')
    await writeFile(file, '---\ntitle: Locked\n---\n')
    await chmod(file, 0o444)
    const ws = await open(folder)
    const before = await ws.read('locked.md')
    expect(before.canMakeWritable).toBe(true)
    const after = await ws.makeWritable('locked.md')
    expect((await stat(file)).mode & 0o7777).toBe(0o644)
    expect(after).toMatchObject({ readOnly: null, canMakeWritable: false, hash: before.hash, text: before.text })
    await ws.save('locked.md', '---\ntitle: Open\n---\n', after.hash)
    expect(await readFile(file, 'utf8')).toBe('---\ntitle: Open\n---\n')
    expect((await stat(file)).mode & 0o7777).toBe(0o644)

    await writeFile(join(folder, 'odd.md'), 'x\n')
    await chmod(join(folder, 'odd.md'), 0o4550)
    await ws.makeWritable('odd.md')
    expect((await stat(join(folder, 'odd.md'))).mode & 0o7777).toBe(0o4750)
  })

  it('"make writable" is not offered when the reason is the content, not the permissions', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]))
    await chmod(join(folder, 'latin1.md'), 0o444)
    const ws = await open(folder)
    const loaded = await ws.read('latin1.md')
    expect(loaded.readOnly).toMatch(/not valid UTF-8/)
    expect(loaded.canMakeWritable).toBe(false)
  })

  it.runIf(isRoot)(
    'as another user: "make writable" on a file it does not own is refused with the reason, and the mode stays',
    async () => {
      const folder = await tempDir()
      await chmod(folder, 0o777)
      await writeFile(join(folder, 'rootowned.md'), '---\ntitle: Root\n---\n')
      await chmod(join(folder, 'rootowned.md'), 0o444)
      const seen = asNobody(folder, ['+rootowned.md'])
      expect(seen.saved['rootowned.md']).toMatch(/^READ_ONLY: Could not make rootowned\.md writable: it belongs to another user \(uid 0\)/)
      expect((await stat(join(folder, 'rootowned.md'))).mode & 0o7777).toBe(0o444)
    },
    90_000,
  )

  it.runIf(isRoot)('a save keeps the owner, group and mode of a file owned by another user', async () => {
    const folder = await tempDir()
    const file = join(folder, 'theirs.md')
    await writeFile(file, '---\ntitle: Theirs\n---\n')
    await chown(file, 1234, 2345)
    await chmod(file, 0o640)
    const ws = await open(folder)
    const loaded = await ws.read('theirs.md')
    await ws.save('theirs.md', '---\ntitle: Theirs\n---\nedited\n', loaded.hash)
    const s = await stat(file)
    expect([s.uid, s.gid, s.mode & 0o7777]).toEqual([1234, 2345, 0o640])
    expect(await readFile(file, 'utf8')).toContain('edited')
  })

  it.runIf(isRoot)(
    'as another user: an unreadable file is an error row, an unreadable folder a warning, and a file owned by someone else is not taken over',
    async () => {
      const folder = await tempDir()
      await chmod(folder, 0o777)
      await writeFile(join(folder, 'fine.md'), '---\ntitle: Fine\n---\n')
      await writeFile(join(folder, 'secret.md'), '---\ntitle: Secret\n---\n')
      await chown(join(folder, 'secret.md'), NOBODY, NOBODY)
      await chmod(join(folder, 'secret.md'), 0o000)
      await mkdir(join(folder, 'closed'))
      await writeFile(join(folder, 'closed/inside.md'), '---\ntitle: Inside\n---\n')
      await chmod(join(folder, 'closed'), 0o700)
      await writeFile(join(folder, 'rootowned.md'), '---\ntitle: Root\n---\n')
      await chmod(join(folder, 'rootowned.md'), 0o666)

      const seen = asNobody(folder, ['rootowned.md'])
      expect(seen.list.find((a) => a.path === 'fine.md')?.error).toBeNull()
      expect(seen.list.find((a) => a.path === 'secret.md')?.error).toMatch(/permission denied|EACCES/)
      expect(seen.warnings).toEqual([
        expect.objectContaining({ path: 'closed', message: expect.stringMatching(/Could not list closed \(permission denied\)/) }),
      ])
      expect(seen.saved['rootowned.md']).toMatch(/^READ_ONLY: rootowned\.md belongs to another user/)
      const s = await stat(join(folder, 'rootowned.md'))
      expect(s.uid).toBe(0)
      expect(await readFile(join(folder, 'rootowned.md'), 'utf8')).toBe('---\ntitle: Root\n---\n')
    },
    90_000,
  )
})
