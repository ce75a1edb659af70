/**
 * What every `folio` subcommand shares: where it writes, how it reads its arguments
 * (`node:util` parseArgs) and the error that makes `folio` print the usage and exit 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

export interface CliIo {
  out(line: string): void
  err(line: string): void
  /** Relative paths in the arguments resolve against it. */
  cwd: string
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
}

/**
 * The command's options and positionals, with the tokens in command-line order (for commands
 * where the order of options and positionals matters). Unknown options, a missing option value
 * and a wrong number of positionals are usage errors that name the command's usage.
 */
export function parseCommandArgs<const O extends Options>(args: readonly string[], spec: CommandSpec<O>) {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], options: spec.options, allowPositionals: true, strict: true, tokens: true })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${spec.usage}`)
  }
  const count = parsed.positionals.length
  if (count < spec.positionals.min || (spec.positionals.max !== undefined && count > spec.positionals.max)) {
    throw new UsageError(spec.usage)
  }
  return parsed
}
