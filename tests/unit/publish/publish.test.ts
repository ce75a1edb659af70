/** Publishing through the handler table: suggestions read from the site, the writer's command run for real. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, type Handlers } from '../../../electron/handlers'

const temps: string[] = []
const opened: Handlers[] = []
afterEach(async () => {
  for (const h of opened.splice(0)) await h.dispose()
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

function hexoSite(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-publish-'))
  temps.push(dir)
  writeFileSync(join(dir, '_config.yml'), config)
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ dependencies: { hexo: '^7.0.0' }, scripts: { build: "node -e \"require('fs').writeFileSync('BUILT', '')\"" } }),
  )
  mkdirSync(join(dir, 'source/_posts'), { recursive: true })
  writeFileSync(join(dir, 'source/_posts/a.md'), '---\ntitle: A\n---\nBody\n')
  return dir
}

async function app(dir: string, output: string[] = []): Promise<Handlers> {
  const h = createHandlers({
    trash: async () => {},
    watch: false,
    emit: (event, payload) => {
      if (event === 'publishOutput') output.push((payload as { text: string }).text)
    },
  })
  opened.push(h)
  await h.openFolder(dir)
  return h
}

describe('publish', () => {
  it('suggests what fits the site from its own files, and runs none of it', async () => {
    const dir = hexoSite('title: Blog\ndeploy:\n  type: git\n')
    const h = await app(dir)
    const suggested = await h.publishSuggestions()
    expect(suggested.map((s) => s.command)).toEqual(['npx hexo generate --deploy', 'npm run build'])
    expect(suggested[1]?.why).toContain('writeFileSync')
    expect(existsSync(join(dir, 'BUILT'))).toBe(false)
    const noDeploy = await app(hexoSite('title: Blog\n'))
    expect((await noDeploy.publishSuggestions())[0]?.command).toBe('npx hexo generate')
  })

  it('runs the chosen command in the site folder with its output and exit status', async () => {
    const dir = hexoSite('title: Blog\n')
    const output: string[] = []
    const h = await app(dir, output)
    expect(await h.runPublish('npm run build --silent && echo 已发布')).toEqual({ code: 0, output: expect.stringContaining('已发布') })
    expect(existsSync(join(dir, 'BUILT'))).toBe(true)
    expect(output.join('')).toContain('已发布')
    const failed = await h.runPublish('echo "deploy: no remote configured" >&2; exit 3')
    expect(failed).toEqual({ code: 3, output: expect.stringContaining('no remote configured') })
  })

  it('stops a command that hangs, with what it started, and refuses a second run meanwhile', async () => {
    const h = await app(hexoSite('title: Blog\n'))
    const running = h.runPublish('sleep 30 & sleep 30; echo never')
    await new Promise((r) => setTimeout(r, 300))
    await expect(h.runPublish('echo second')).rejects.toThrow(/still running/)
    await h.cancelPublish()
    const result = await running
    expect(result.code).not.toBe(0)
    expect(result.output).not.toContain('never')
  })
})
