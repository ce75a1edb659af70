/**
 * Runs the writer's publish command in the site folder through their shell, streaming its
 * output, until it exits or is stopped. One at a time per folder.
 */
import { spawn } from 'node:child_process'

export interface PublishRun {
  done: Promise<{ code: number | null; output: string }>
  stop(): void
}

const DRAIN_MS = 2_000
const STOP_GRACE_MS = 3_000

/** What is kept of the output for the result; the live stream shows all of it. */
const KEPT_OUTPUT = 200_000

export function runPublish(command: string, cwd: string, onOutput: (text: string) => void): PublishRun {
  const child = spawn(command, {
    cwd,
    shell: true,
    // Its own process group, so Stop ends what the command started too (a build's children).
    detached: process.platform !== 'win32',
    env: { ...process.env, FORCE_COLOR: '0', CI: process.env['CI'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    output = (output + text).slice(-KEPT_OUTPUT)
    onOutput(text)
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const done = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, output: `${output}\n${error.message}` }))
    child.on('close', (code) => resolve({ code, output }))
    // A background child (a dev server, an ssh master) can hold the output open after the command
    // itself ended: its exit status is the answer, once what it printed has drained.
    child.on('exit', (code) => setTimeout(() => resolve({ code, output }), DRAIN_MS).unref())
  })
  const signal = (name: NodeJS.Signals): void => {
    if (child.pid === undefined) return
    try {
      if (process.platform === 'win32') child.kill(name)
      else process.kill(-child.pid, name)
    } catch {
      // The whole group is gone already.
    }
  }
  return {
    done,
    stop() {
      // The group, even when the shell itself has ended: what it started may still run.
      signal('SIGTERM')
      setTimeout(() => signal('SIGKILL'), STOP_GRACE_MS).unref()
    },
  }
}
