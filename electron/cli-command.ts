/**
 * What every `folio` subcommand shares: where it writes, how it reads its arguments
 * (`node:util` parseArgs) and the error that makes `folio` print the usage and exit 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { DiffHunk } from '../shared/contract'

export interface CliIo {
  out(line: string): void
  err(line: string): void
  /** Output that is UTF-8 already (a stored listing), written as it is; without it, decoded and given to `out`. */
  write?(bytes: Uint8Array): void
  /** Relative paths in the arguments resolve against it. */
  cwd: string
  /** Output goes to a terminal: JSON lists are indented for a person to read (else compact). */
  tty?: boolean
  /** Runs between an edit's read and its write (tests change the file there to race the edit). */
  beforeWrite?: (abs: string) => Promise<void>
}

/** Wrong arguments: `folio` prints the message and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>

export interface CommandSpec<O extends Options> {
  /** One line, `usage: folio NAME …`, or the command's whole usage text. */
  usage: string
  options: O
  /** How many positional arguments the command takes; `max` left out for "any number". */
  positionals: { min: number; max?: number }
  /**
   * Positionals are values that may start with a dash (a tag `-1`, a key `-draft`): only the
   * command's own options are read as options, every other argument is a positional.
   */
  dashedPositionals?: true
}

/** The arguments with the command's own options first and everything else after `--`. */
function optionsFirst(args: readonly string[], options: Options): string[] {
  const named = new Map<string, [string, Options[string]]>()
  for (const [name, option] of Object.entries(options)) {
    named.set(`--${name}`, [name, option])
    if (option.short) named.set(`-${option.short}`, [name, option])
  }
  const own: string[] = []
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const found = named.get(arg.split('=', 1)[0] as string)
    if (found === undefined) rest.push(arg)
    else if (found[1].type === 'string' && !arg.includes('=') && i + 1 < args.length) {
      // Joined, so a value that starts with a dash is not taken for an option.
      own.push(`--${found[0]}=${args[++i] as string}`)
    } else own.push(arg)
  }
  return [...own, '--', ...rest]
}

/**
 * The command's options and positionals, with the tokens in command-line order (for commands
 * where the order of options and positionals matters). Unknown options, a missing option value
 * and a wrong number of positionals are usage errors that name the command's usage.
 */
export function parseCommandArgs<const O extends Options>(args: readonly string[], spec: CommandSpec<O>) {
  let parsed
  try {
    const read = spec.dashedPositionals ? optionsFirst(args, spec.options) : [...args]
    parsed = parseArgs({ args: read, options: spec.options, allowPositionals: true, strict: true, tokens: true })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${spec.usage}`)
  }
  const count = parsed.positionals.length
  if (count < spec.positionals.min || (spec.positionals.max !== undefined && count > spec.positionals.max)) {
    throw new UsageError(spec.usage)
  }
  return parsed
}

/** A preview's hunk as `--dry-run` prints it: a unified-diff-like block a person or a script reads. */
export function printHunk(hunk: DiffHunk, io: CliIo): void {
  io.out(`@@ line ${hunk.line} @@`)
  for (const line of hunk.removed) io.out(`-${line}`)
  for (const line of hunk.added) io.out(`+${line}`)
}

/** Entries per write of a JSON list: few writes, and no single string of the whole folder. */
const JSON_CHUNK = 256
/** Between two entries of a compact JSON list: an entry per line. */
export const JSON_LIST_SEPARATOR = ',\n'

/** How a list's items become JSON: `json` the compact text of one, `value` what is indented. */
export interface JsonForm<T> {
  json(item: T): string
  value(item: T): unknown
}

const plainJson: JsonForm<unknown> = { json: (item) => JSON.stringify(item), value: (item) => item }

/**
 * A JSON array written a chunk of entries at a time. In a terminal it is indented for a person
 * (the bytes JSON.stringify(all, null, 2) gives: a chunk's own array without its brackets is its
 * entries, indented and joined as in the whole); into a pipe or a file it is an entry per line,
 * the same array in half the bytes and much less work to write. `form`: for items that carry
 * their JSON already (the listing cache's lines).
 */
export async function writeJsonList<T>(io: CliIo, items: AsyncIterable<T> | Iterable<T>, form: JsonForm<T> = plainJson): Promise<void> {
  const inside = io.tty
    ? (chunk: T[]): string => JSON.stringify(chunk.map(form.value), null, 2).slice(2, -2)
    : (chunk: T[]): string => chunk.map(form.json).join(JSON_LIST_SEPARATOR)
  let chunk: T[] = []
  let any = false
  for await (const item of items) {
    if (chunk.length === JSON_CHUNK) {
      io.out((any ? '' : '[\n') + inside(chunk) + ',')
      any = true
      chunk = []
    }
    chunk.push(item)
  }
  if (!any && chunk.length === 0) io.out('[]')
  else io.out((any ? '' : '[\n') + inside(chunk) + '\n]')
}

/**
 * The compact JSON list whose entries are given as UTF-8 already, joined by JSON_LIST_SEPARATOR:
 * the bytes writeJsonList writes for them, without decoding or encoding a character.
 */
export function writeJsonBytes(io: CliIo, inside: Uint8Array): void {
  if (inside.length === 0) return io.out('[]')
  if (!io.write) return io.out(`[\n${Buffer.from(inside.buffer, inside.byteOffset, inside.length).toString('utf8')}\n]`)
  io.write(Buffer.from('[\n'))
  io.write(inside)
  io.write(Buffer.from('\n]\n'))
}
