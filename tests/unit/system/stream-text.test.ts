import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { streamText } from '../../../electron/system/stream-text'

describe('streamText', () => {
  it('holds a character split across chunks until its last byte arrives', () => {
    const seen: string[] = []
    const take = streamText((text) => seen.push(text))
    const bytes = Buffer.from('部署完成', 'utf8')
    take(bytes.subarray(0, 4))
    take(bytes.subarray(4, 5))
    take(bytes.subarray(5))
    expect(seen.join('')).toBe('部署完成')
    expect(seen.join('')).not.toContain('\uFFFD')
  })

  it('keeps a real process writing Chinese one byte at a time whole', async () => {
    const script = `const b = Buffer.from('站点已生成：你好', 'utf8'); let i = 0; const t = setInterval(() => { if (i === b.length) { clearInterval(t); return } process.stdout.write(b.subarray(i, i + 1)); i++ }, 2)`
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] })
    let text = ''
    child.stdout.on(
      'data',
      streamText((part) => (text += part)),
    )
    await new Promise((resolve) => child.on('close', resolve))
    expect(text).toBe('站点已生成：你好')
  })
})
