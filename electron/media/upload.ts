/**
 * Uploading an image to the writer's image host (图床) through their own command, the way PicGo
 * and PicList are used from a terminal: `picgo upload {file}`. The template is split into
 * arguments first and the file's path substituted into them afterwards, and the program is
 * started without a shell, so no file name can ever become part of a command line. The URL the
 * command prints is the answer; anything else is a failure shown with what the command said.
 * On Windows a `picgo.cmd` runs through cmd.exe with every argument escaped (windows-cmd.ts).
 */
import { spawn } from 'node:child_process'
import { isAbsolute, join } from 'node:path'
import { FolioError, type MessageParams } from '../../shared/errors'
import { findProgram } from '../system/find-program'
import { streamText } from '../system/stream-text'
import { batchCommand, isBatchFile, UnsafeArgumentError } from './windows-cmd'

/** An upload that has not answered by then is stuck (a login prompt, a dead network). */
export const UPLOAD_TIMEOUT_MS = 120_000
const KEPT_OUTPUT = 64 * 1024
/** How much of the output a failure message quotes. */
const SHOWN_OUTPUT = 1_500

/**
 * The template's words, shell-like: whitespace separates, '…' and "…" group (so a path with
 * spaces can be written). Backslashes are kept as they are: they are folder separators on Windows.
 */
export function splitCommand(template: string): string[] {
  const words: string[] = []
  let word: string | null = null
  let quote: '"' | "'" | null = null
  for (const ch of template) {
    if (quote) {
      if (ch === quote) quote = null
      else word += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      word ??= ''
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word)
      word = null
    } else word = (word ?? '') + ch
  }
  if (quote) throw badCommand(template, `a ${quote} quote is never closed`, quote)
  if (word !== null) words.push(word)
  return words
}

/** `quote`: the quote left open; without it the command is empty. */
function badCommand(template: string, why: string, quote?: string): FolioError {
  return new FolioError({
    code: 'BAD_ARGUMENT',
    message: `The upload command "${template}" cannot be run: ${why}. Correct it in Image settings.`,
    reason: 'upload-command',
    params: quote ? { command: template, quote } : { command: template },
  })
}

/** The program and its arguments for one file: `{file}` replaced wherever it is written, else the path appended. */
export function uploadArgv(template: string, file: string): string[] {
  const words = splitCommand(template)
  if (!words.length) throw badCommand(template, 'it is empty')
  const mentioned = words.some((w) => w.includes('{file}'))
  const argv = words.map((w) => w.replaceAll('{file}', file))
  return mentioned ? argv : [...argv, file]
}

/** The last http(s) URL the command printed on a line of its own (PicGo prints log lines first), else the last anywhere. */
export function printedUrl(output: string): string | null {
  const lines = output.split(/\r?\n/).map((l) => l.trim())
  for (let i = lines.length - 1; i >= 0; i--) if (/^https?:\/\/\S+$/i.test(lines[i] ?? '')) return lines[i] ?? null
  const anywhere = [...output.matchAll(/https?:\/\/[^\s"'<>]+/gi)]
  return anywhere.at(-1)?.[0] ?? null
}

const tail = (output: string): string => {
  const text = output.trim()
  return text.length > SHOWN_OUTPUT ? `…${text.slice(-SHOWN_OUTPUT)}` : text
}

/** A batch file (Windows): cmd.exe from the system folder runs it, the line escaped by batchCommand. */
function throughCmd(template: string, program: string, args: readonly string[]): { file: string; args: string[]; verbatim: boolean } {
  const cmd = join(process.env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'cmd.exe')
  try {
    return { ...batchCommand(cmd, program, args), verbatim: true }
  } catch (error) {
    if (error instanceof UnsafeArgumentError) throw badCommand(template, error.message)
    throw error
  }
}

/** Runs the upload command for one file (an absolute path) and returns the URL it printed. */
export async function uploadImage(template: string, file: string, shownName: string, cwd: string, timeoutMs = UPLOAD_TIMEOUT_MS): Promise<string> {
  const [program = '', ...args] = uploadArgv(template, file)
  // A bare name is looked up on PATH only, never in the site folder (a cloned site cannot plant a `picgo`).
  const resolved = isAbsolute(program) ? program : /[/\\]/.test(program) ? null : findProgram(program)
  if (!resolved)
    throw badCommand(
      template,
      /[/\\]/.test(program) ? `"${program}" must be a full path or a program on PATH` : `"${program}" is not on PATH (is it installed?)`,
    )
  const shownCommand = splitCommand(template).join(' ')
  const run = process.platform === 'win32' && isBatchFile(resolved) ? throughCmd(template, resolved, args) : { file: resolved, args, verbatim: false }
  const result = await new Promise<{ code: number | null; output: string; error?: string; errno?: string; timedOut: boolean }>((resolve) => {
    const child = spawn(run.file, run.args, {
      cwd,
      shell: false,
      windowsVerbatimArguments: run.verbatim,
      windowsHide: true,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let timedOut = false
    const take = (text: string): void => {
      output = (output + text).slice(-KEPT_OUTPUT)
    }
    child.stdout.on('data', streamText(take))
    child.stderr.on('data', streamText(take))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: null, output, error: error.message, errno: (error as NodeJS.ErrnoException).code ?? '', timedOut })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output, timedOut })
    })
  })
  const said = tail(result.output)
  const withOutput = said ? ` It printed:\n${said}` : ' It printed nothing.'
  // how: start (detail: the system's words), timeout (seconds), status (status), no-url.
  const fail = (what: string, how: MessageParams): FolioError =>
    new FolioError({
      code: 'IO',
      message: `Uploading ${shownName} failed: ${what}.${withOutput}\nCheck the command in Image settings (and that the image host accepts you), then insert the image again. Nothing was inserted.`,
      reason: 'upload-failed',
      params: { name: shownName, command: shownCommand, output: said, ...how },
    })
  if (result.error) throw fail(`"${shownCommand}" could not start (${result.error})`, { how: 'start', detail: result.error, errno: result.errno ?? '' })
  const seconds = Math.round(timeoutMs / 1000)
  if (result.timedOut) throw fail(`"${shownCommand}" did not finish within ${seconds} s and was stopped`, { how: 'timeout', seconds })
  if (result.code !== 0) throw fail(`"${shownCommand}" ended with exit status ${result.code ?? 'unknown'}`, { how: 'status', status: result.code ?? '?' })
  const url = printedUrl(result.output)
  if (!url) throw fail(`"${shownCommand}" printed no http(s) URL`, { how: 'no-url' })
  return url
}
