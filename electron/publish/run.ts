/**
 * Runs the writer's publish command in the site folder through their shell, streaming its
 * output, until it exits or is stopped. One at a time per folder.
 */
import { spawn } from 'node:child_process'

export interface PublishRun {
  done: Promise<{ code: number | null; output: string }>
  stop(): void
}

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
  })
  return {
    done,
    stop() {
      if (child.exitCode !== null || child.pid === undefined) return
      try {
        if (process.platform === 'win32') child.kill()
        else process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone between the check and the signal.
      }
    },
  }
}
