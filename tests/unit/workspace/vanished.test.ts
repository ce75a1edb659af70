import { access, rm } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { copySite, open } from './helpers'

describe('a folder that vanishes while open', () => {
  it('New article says so and does not make the folder again', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    await rm(root, { recursive: true })
    await expect(ws.create({ title: 'after' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer exists.*Nothing was created/) })
    await expect(access(root)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
