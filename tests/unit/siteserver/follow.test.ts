/**
 * Following saves on a server without live reload of its own (Hexo's), and ending everything a
 * server started. The server here is a small Node program written by the test that renders
 * source/_posts/<name>.md at Hexo's default permalink on each request, as hexo-server does, and
 * starts a child process of its own (as a watcher would).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import type { SiteServerPage } from '../../../shared/contract'
import { createSiteServerService, type SiteServerService } from '../../../electron/siteserver/service'
import { workspaceSite } from '../../../electron/siteserver/workspace-site'
import { groupAlive } from '../../../electron/system/process-group'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'

const temps: string[] = []
const services: SiteServerService[] = []
const workspaces: Workspace[] = []
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop()
  for (const w of workspaces.splice(0)) await w.close()
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

/** The app's own folder for the server's pid file and preload (userData/siteserver in the app), removed after the test; without one they go to a shared temp folder. */
function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-siteserver-state-'))
  temps.push(dir)
  return dir
}

const SERVER = `
const { createServer } = require('node:http')
const { readFileSync, writeFileSync } = require('node:fs')
const { spawn } = require('node:child_process')
const port = Number(process.argv[2])
// A child of its own, like a file watcher: it must end with the server.
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
writeFileSync('child.pid', String(child.pid))
createServer((request, response) => {
  const match = /^\\/\\d{4}\\/\\d{2}\\/\\d{2}\\/([^/]+)\\/$/.exec(request.url)
  if (!match) { response.writeHead(request.url === '/' ? 200 : 404); response.end('home'); return }
  try {
    const text = readFileSync('source/_posts/' + decodeURIComponent(match[1]) + '.md', 'utf8')
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<article>' + text.split('---').pop() + '</article>')
  } catch { response.writeHead(404); response.end('no such post') }
}).listen(port, '127.0.0.1', () => console.log('INFO  Hexo is running at http://127.0.0.1:' + port + '/ . Press Ctrl+C to stop.'))
`

it('tells the page when a save changed the served article, and stops the server with its children', async () => {
  const root = mkdtempSync(join(tmpdir(), 'folio-follow-'))
  temps.push(root)
  writeFileSync(join(root, '_config.yml'), 'title: 博客\ntimezone: Asia/Shanghai\n')
  writeFileSync(join(root, 'package.json'), JSON.stringify({ dependencies: { hexo: '^7.0.0' } }))
  mkdirSync(join(root, 'source', '_posts'), { recursive: true })
  writeFileSync(join(root, 'source', '_posts', '旅行.md'), '---\ntitle: 旅行\ndate: 2024-03-05 10:00:00\n---\n去京都。\n')
  writeFileSync(join(root, 'server.js'), SERVER)
  const ws = await openWorkspace({ root, trash: async () => {} })
  workspaces.push(ws)
  const reloads: { path: string; page: SiteServerPage }[] = []
  const service = createSiteServerService({
    ...workspaceSite(ws),
    stateDir: stateDir(),
    onOutput: () => undefined,
    onState: () => undefined,
    onReload: (path, page) => reloads.push({ path, page }),
    detect: () => ({
      kind: 'ready',
      command: {
        tool: 'hexo',
        program: process.execPath,
        args: (port) => ['server.js', String(port)],
        display: 'hexo server --draft',
        shell: false,
      },
    }),
  })
  services.push(service)
  const state = await service.start()
  expect(state.status).toBe('running')
  const origin = state.status === 'running' ? state.origin : ''
  const path = 'source/_posts/旅行.md'
  expect(await service.page(path)).toEqual({ url: `${origin}/2024/03/05/${encodeURIComponent('旅行')}/`, exact: true })

  // A save that changes the page: the panel is told to show it again (Hexo has no live reload).
  const before = await ws.read(path)
  await ws.save(path, before.text.replace('去京都。', '去京都，看红叶。'), before.hash)
  service.saved(path)
  await expect.poll(() => reloads.length, { timeout: 15_000 }).toBe(1)
  expect(reloads[0]).toEqual({ path, page: { url: `${origin}/2024/03/05/${encodeURIComponent('旅行')}/`, exact: true } })

  // A new date moves the page: told at once, with its new address.
  const again = await ws.read(path)
  await ws.save(path, again.text.replace('2024-03-05 10:00:00', '2024-04-01 23:30:00'), again.hash)
  service.saved(path)
  await expect.poll(() => reloads.length, { timeout: 15_000 }).toBe(2)
  expect(reloads[1]?.page.url).toBe(`${origin}/2024/04/01/${encodeURIComponent('旅行')}/`)

  const pid = service.pid() ?? 0
  const child = Number(readFileSync(join(root, 'child.pid'), 'utf8'))
  expect(groupAlive(pid)).toBe(true)
  await service.stop()
  expect(groupAlive(pid)).toBe(false)
  expect(() => process.kill(child, 0)).toThrow()
}, 60_000)
