/**
 * The site's server answers on this computer only and ends with Folio, even when Folio's main
 * process is killed: real processes, real sockets. The server is a small Node program that
 * listens the way Eleventy's dev server does (a port, no host) and starts a child of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { endLeftover, lifetimeFiles, pidFileIn, recordGroup } from '../../../electron/siteserver/lifetime'
import { startServer, type RunningServer } from '../../../electron/siteserver/server'
import { endGroup, groupAlive, spawnGroup } from '../../../electron/system/process-group'

const temps: string[] = []
const servers: RunningServer[] = []
const processes: ChildProcess[] = []
const groups: number[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop()
  for (const p of processes.splice(0)) p.kill('SIGKILL')
  for (const pid of groups.splice(0)) await endGroup(pid)
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-lifetime-'))
  temps.push(dir)
  return dir
}

/** Listens as Eleventy's dev server does: a port and no address (every address), then one asked for 0.0.0.0. */
const SERVER = `
const { createServer } = require('node:http')
const { spawn } = require('node:child_process')
const { writeFileSync } = require('node:fs')
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
writeFileSync('child.pid', String(child.pid))
const port = Number(process.argv[2])
const server = createServer((request, response) => response.end('ok'))
server.listen(port, () => {
  console.log('ADDRESS ' + server.address().address)
  const other = createServer()
  other.listen(0, '0.0.0.0', () => console.log('OTHER ' + other.address().address))
})
`

const until = async (check: () => boolean, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  return check()
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

it.skipIf(process.platform === 'win32')(
  'holds a Node server that asks for every address to 127.0.0.1',
  async () => {
    const root = temp()
    writeFileSync(join(root, 'server.js'), SERVER)
    let log = ''
    const running = await startServer({
      cwd: root,
      command: { tool: 'eleventy', program: process.execPath, args: (port) => ['server.js', String(port)], display: 'server', shell: false },
      onOutput: (text) => (log += text),
      lifetime: await lifetimeFiles(join(root, 'state')),
    })
    servers.push(running)
    expect(await running.ready).toBe(true)
    expect(await until(() => log.includes('OTHER'), 20_000)).toBe(true)
    expect(log).toContain('ADDRESS 127.0.0.1')
    expect(log).toContain('OTHER 127.0.0.1')
    // The pid file names the group while it runs, and goes with it.
    const pidFile = pidFileIn(join(root, 'state'))
    expect(await until(() => readFileSafe(pidFile) !== null, 10_000)).toBe(true)
    expect(JSON.parse(readFileSafe(pidFile)!).pid).toBe(running.pid)
    await running.stop()
    expect(readFileSafe(pidFile)).toBeNull()
  },
  60_000,
)

function readFileSafe(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

it.skipIf(process.platform === 'win32')(
  'ends the server and its children when the main process is killed',
  async () => {
    const root = temp()
    writeFileSync(join(root, 'server.js'), SERVER)
    const main = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./support/main-that-dies.ts', import.meta.url)), root, join(root, 'server.js'), join(root, 'state')],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: fileURLToPath(new URL('../../../', import.meta.url)) },
    )
    processes.push(main)
    let out = ''
    main.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    expect(await until(() => /READY \d+/.test(out), 60_000)).toBe(true)
    const group = Number(/READY (\d+)/.exec(out)![1])
    groups.push(group)
    expect(await until(() => readFileSafe(join(root, 'child.pid')) !== null, 10_000)).toBe(true)
    const child = Number(readFileSafe(join(root, 'child.pid')))
    expect(groupAlive(group)).toBe(true)
    main.kill('SIGKILL')
    // The watchdog sees its pipe close and ends the group: the server and what it started.
    expect(await until(() => !groupAlive(group), 15_000)).toBe(true)
    expect(alive(child)).toBe(false)
  },
  120_000,
)

it.skipIf(process.platform === 'win32')(
  'at start, ends a server group a killed run left in the pid file, and only that command',
  async () => {
    const root = temp()
    const pidFile = pidFileIn(root)
    const left = spawnGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: root })
    groups.push(left.child.pid!)
    await recordGroup(pidFile, left.child.pid!)
    expect(await endLeftover(pidFile, endGroup)).toBe(left.child.pid)
    expect(groupAlive(left.child.pid!)).toBe(false)
    expect(readFileSafe(pidFile)).toBeNull()

    // A pid reused by an unrelated program is left alone.
    const other = spawnGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: root })
    groups.push(other.child.pid!)
    writeFileSync(pidFile, JSON.stringify({ pid: other.child.pid, command: 'hugo server --buildDrafts' }))
    expect(await endLeftover(pidFile, endGroup)).toBeNull()
    expect(groupAlive(other.child.pid!)).toBe(true)
  },
  60_000,
)
