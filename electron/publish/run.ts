/**
 * Runs the writer's publish command in the site folder through their shell, streaming its
 * output, until it exits or is stopped. One at a time per folder.
 */
import { spawnGroup } from '../system/process-group'
import { streamText } from '../system/stream-text'

export interface PublishRun {
  done: Promise<{ code: number | null; output: string }>
  /** Ends the command and what it started; resolves once they are gone. */
  stop(): Promise<void>
}

const DRAIN_MS = 2_000

/** What is kept of the output for the result; the live stream shows all of it. */
const KEPT_OUTPUT = 200_000

export function runPublish(command: string, cwd: string, onOutput: (text: string) => void): PublishRun {
  const group = spawnGroup(command, [], {
    cwd,
    shell: true,
    env: { ...process.env, FORCE_COLOR: '0', CI: process.env['CI'] ?? '' },
  })
  const { child } = group
  let output = ''
  const take = (text: string) => {
    output = (output + text).slice(-KEPT_OUTPUT)
    onOutput(text)
  }
  child.stdout.on('data', streamText(take))
  child.stderr.on('data', streamText(take))
  const done = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, output: `${output}\n${error.message}` }))
    child.on('close', (code) => resolve({ code, output }))
    // A background child (a dev server, an ssh master) can hold the output open after the command
    // itself ended: its exit status is the answer, once what it printed has drained.
    child.on('exit', (code) => setTimeout(() => resolve({ code, output }), DRAIN_MS).unref())
  })
  return { done, stop: () => group.stop() }
}
