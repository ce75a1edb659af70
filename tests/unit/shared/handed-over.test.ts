import { describe, expect, it } from 'vitest'
import { handedOverFiles } from '../../../shared/handed-over'

describe('handedOverFiles', () => {
  it('lets an insert name only files handed over, and refuses any other path with FORBIDDEN', () => {
    const files = handedOverFiles()
    files.add('/home/writer/Pictures/海边.jpg')
    expect(files.check([{ name: '海边.jpg', file: '/home/writer/Pictures/海边.jpg' }])).toEqual({
      ok: true,
      uploads: [{ name: '海边.jpg', file: '/home/writer/Pictures/海边.jpg' }],
    })
    const refused = files.check([
      { name: 'a.jpg', file: '/home/writer/Pictures/海边.jpg' },
      { name: 'id_rsa', file: '/home/writer/.ssh/id_rsa' },
    ])
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('FORBIDDEN')
      expect(refused.error.message).toContain('/home/writer/.ssh/id_rsa')
    }
    // A path that is not a string is refused too; an upload of bytes names no file.
    expect(files.check([{ name: 'x', file: { toString: () => '/etc/passwd' } }]).ok).toBe(false)
    expect(files.check([{ name: 'shot.png', bytes: new Uint8Array([1, 2]) }]).ok).toBe(true)
    files.add('')
    expect(files.check([{ name: 'x', file: '' }]).ok).toBe(false)
  })

  it('checks copies, so a getter cannot change the path after the check', () => {
    const files = handedOverFiles()
    files.add('/ok.png')
    let reads = 0
    const sly = {
      name: 'ok.png',
      get file() {
        reads += 1
        return reads === 1 ? '/ok.png' : '/home/writer/.ssh/id_rsa'
      },
    }
    const checked = files.check([sly])
    expect(checked).toEqual({ ok: true, uploads: [{ name: 'ok.png', file: '/ok.png' }] })
  })

  it('forgets the oldest of more than a thousand', () => {
    const files = handedOverFiles()
    for (let i = 0; i <= 1000; i++) files.add(`/drop/${i}.png`)
    expect(files.check([{ file: '/drop/0.png' }]).ok).toBe(false)
    expect(files.check([{ file: '/drop/1.png' }]).ok).toBe(true)
    expect(files.check([{ file: '/drop/1000.png' }]).ok).toBe(true)
  })
})
