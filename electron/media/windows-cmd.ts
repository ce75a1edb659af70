/**
 * Starting a batch file on Windows without letting an argument become a command. npm installs
 * PicGo and PicList as `picgo.cmd` / `piclist.cmd`, and Node refuses to start a .cmd or .bat
 * without a shell (CVE-2024-27980), where a file name like `a&calc.png` would run `calc`. So the
 * one command line cmd.exe reads is built here:
 * - each argument is quoted for the program's own parser (CommandLineToArgvW's rules: backslashes
 *   before a quote or the end doubled, quotes escaped);
 * - then every character cmd.exe treats specially, quotes included, is escaped with `^`, so cmd
 *   never sees an operator, a quote that toggles its quoting, or a `%`/`!` variable;
 * - twice for the arguments, because cmd reads the line once and the batch file reads its `%*`
 *   again (npm's shims pass `%*` on to node).
 * The program's own path is quoted plainly. An argument holding a line break or NUL, or a program
 * path holding a `%`, cannot cross cmd.exe safely and is refused.
 */

/** Characters cmd.exe gives a meaning to on a command line (or that end a word). */
const CMD_META = /[()[\]%!^"`<>&|;, *?=\t]/g

/** Runs of backslashes before a quote, and at the end, doubled; quotes escaped; the whole quoted. */
export function quoteForArgv(arg: string): string {
  const inner = arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')
  return `"${inner}"`
}

/** One level of cmd.exe escaping: every special character behind a caret. */
export const escapeForCmd = (text: string): string => text.replace(CMD_META, '^$&')

export const isBatchFile = (program: string): boolean => /\.(cmd|bat)$/i.test(program)

export class UnsafeArgumentError extends Error {}

/**
 * The program and arguments to spawn (with `windowsVerbatimArguments`) so that the batch file
 * `program` receives exactly `args`: cmd.exe with AutoRun off (/d), the outer quotes stripped
 * (/s), delayed expansion off (/v:off), running one line (/c).
 */
export function batchCommand(cmd: string, program: string, args: readonly string[]): { file: string; args: string[] } {
  const bad = args.find((a) => /[\r\n\0]/.test(a))
  if (bad !== undefined) throw new UnsafeArgumentError(`the argument "${bad.replace(/[\r\n\0]/g, ' ')}" holds a line break, which cmd.exe cannot pass on`)
  // The program in plain quotes (a path with spaces); only % would still act inside them.
  if (/[%"]/.test(program))
    throw new UnsafeArgumentError(`its path ${program} holds a % or ", which cmd.exe would read as a variable; move it to a folder without one`)
  const line = [`"${program}"`, ...args.map((a) => escapeForCmd(escapeForCmd(quoteForArgv(a))))].join(' ')
  return { file: cmd, args: ['/d', '/s', '/v:off', '/c', `"${line}"`] }
}
