/** The writer's publish command, run for real through the shell in a temp site folder. */
import { readFileSync } from 'node:fs'
import { readFile, realpath, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPublish } from '../../../electron/publish/run'
import { tempDir, waitFor } from '../workspace/helpers'

/** A folder holding `script.js`; returns the folder. */
async function siteWith(script: string): Promise<string> {
  const dir = await tempDir('folio-publish-run-')
  await writeFile(join(dir, 'script.js'), script)
  return dir
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('runPublish', () => {
  it('runs the command in the site folder, streams stdout and stderr, and gives the exit status', async () => {
    const dir = await siteWith("console.log('built in ' + process.cwd()); console.error('警告: 1 draft skipped'); process.exit(3)")
    const streamed: string[] = []
    const run = runPublish('node script.js', dir, (text) => streamed.push(text))
    const { code, output } = await run.done
    expect(code).toBe(3)
    expect(output).toContain(`built in ${await realpath(dir)}`)
    expect(output).toContain('警告: 1 draft skipped')
    expect(streamed.join('')).toBe(output)
  })

  it('keeps a character whose bytes arrive in two pieces whole (Chinese output)', async () => {
    const dir = await siteWith(
      "const b = Buffer.from('部署完成\\n'); process.stdout.write(b.subarray(0, 4)); setTimeout(() => process.stdout.write(b.subarray(4)), 300)",
    )
    const streamed: string[] = []
    const { code, output } = await runPublish('node script.js', dir, (text) => streamed.push(text)).done
    expect(code).toBe(0)
    expect(output).toBe('部署完成\n')
    expect(streamed.join('')).toBe('部署完成\n')
  })

  it('keeps the last 200,000 characters of a long output', async () => {
    const dir = await siteWith("process.stdout.write('x'.repeat(300000) + 'END')")
    const { output } = await runPublish('node script.js', dir, () => undefined).done
    expect(output).toHaveLength(200_000)
    expect(output.endsWith('xEND')).toBe(true)
  })

  it('answers with the exit status when a background job it started holds the output open', async () => {
    const dir = await siteWith(
      "require('child_process').spawn('sleep', ['30'], { stdio: 'inherit', detached: false }).unref(); console.log('served'); process.exit(0)",
    )
    const run = runPublish('node script.js', dir, () => undefined)
    try {
      const { code, output } = await run.done
      expect(code).toBe(0)
      expect(output).toBe('served\n')
    } finally {
      await run.stop()
    }
  })

  it('stop ends the command and what it started, and done then resolves', async () => {
    const dir = await siteWith(
      "const c = require('child_process').spawn('sleep', ['60'], { stdio: 'ignore' }); require('fs').writeFileSync('bg.pid', String(c.pid)); setInterval(() => {}, 1000)",
    )
    const run = runPublish('node script.js', dir, () => undefined)
    const pidFile = join(dir, 'bg.pid')
    await waitFor(() => {
      try {
        return readFileSync(pidFile, 'utf8') !== ''
      } catch {
        return false
      }
    })
    const background = Number(await readFile(pidFile, 'utf8'))
    expect(alive(background)).toBe(true)
    await run.stop()
    expect(alive(background)).toBe(false)
    const { code } = await run.done
    expect(code).not.toBe(0)
  })

  it('reports a command the shell cannot find with a non-zero status and the shell’s words', async () => {
    const dir = await tempDir('folio-publish-run-')
    const { code, output } = await runPublish('folio-no-such-deploy-tool --now', dir, () => undefined).done
    expect(code).toBe(127)
    expect(output).toMatch(/folio-no-such-deploy-tool.*not found/)
  })
})
