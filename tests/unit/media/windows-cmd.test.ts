/**
 * The command line Folio builds for a `picgo.cmd` on Windows, read back the way Windows reads it:
 * cmd.exe's caret pass over the line, the batch file's second pass over its `%*`, then the
 * program's own argument parser (CommandLineToArgvW). Every argument must come back unchanged,
 * and no pass may meet a live operator, quote or variable.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batchCommand, escapeForCmd, quoteForArgv } from '../../../electron/media/windows-cmd'

/** The characters that would do something in cmd.exe when not behind a caret. */
const LIVE = new Set(['&', '|', '<', '>', '(', ')', '"', '%', '!', '^'])

/**
 * One cmd.exe pass: `^x` is x outside quotes; a quote toggles quoting (and stays); inside quotes
 * everything is literal but `%`. A special character that would act is an error.
 */
function cmdPass(line: string): string {
  let out = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string
    if (ch === '"') quoted = !quoted
    else if (quoted && ch === '%') throw new Error(`live % at ${i} in ${line}`)
    else if (!quoted && ch === '^') {
      out += line[++i] ?? ''
      continue
    } else if (!quoted && LIVE.has(ch)) throw new Error(`live ${ch} at ${i} in ${line}`)
    out += ch
  }
  expect(quoted).toBe(false)
  return out
}

/** CommandLineToArgvW's rules for the arguments after the program's name. */
function argv(line: string): string[] {
  const args: string[] = []
  let i = 0
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++
    if (i >= line.length) break
    let arg = ''
    let quoted = false
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      let slashes = 0
      for (; line[i] === '\\'; i++) slashes++
      if (line[i] === '"') {
        arg += '\\'.repeat(Math.floor(slashes / 2))
        if (slashes % 2) arg += '"'
        else quoted = !quoted
        i++
      } else {
        arg += '\\'.repeat(slashes)
        if (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) arg += line[i++]
      }
    }
    args.push(arg)
  }
  return args
}

const PROGRAM = 'C:\\Users\\Li Lei\\AppData\\Roaming\\npm\\picgo.cmd'

/** What node (started by npm's picgo.cmd with `%*`) receives from Folio's command. */
function received(args: readonly string[]): string[] {
  const { args: cmdArgs } = batchCommand('C:\\Windows\\System32\\cmd.exe', PROGRAM, args)
  expect(cmdArgs.slice(0, 4)).toEqual(['/d', '/s', '/v:off', '/c'])
  const line = cmdArgs[4] as string
  expect(line.startsWith('"') && line.endsWith('"')).toBe(true)
  // /s strips the outer quotes; cmd reads the rest once: the program, then the arguments.
  const first = cmdPass(line.slice(1, -1))
  expect(first.startsWith(`"${PROGRAM}"`)).toBe(true)
  // The batch file's `%*` is read a second time, then node splits it.
  return argv(cmdPass(first.slice(PROGRAM.length + 2)))
}

describe('a .cmd upload command on Windows', () => {
  it('quotes for the program as CommandLineToArgvW reads it', () => {
    expect(quoteForArgv('a b')).toBe('"a b"')
    expect(quoteForArgv('')).toBe('""')
    expect(quoteForArgv('C:\\dir\\')).toBe('"C:\\dir\\\\"')
    expect(quoteForArgv('say "hi"')).toBe('"say \\"hi\\""')
    expect(quoteForArgv('a\\"b')).toBe('"a\\\\\\"b"')
    expect(escapeForCmd('a&b %PATH% !x! ^')).toBe('a^&b^ ^%PATH^%^ ^!x^!^ ^^')
  })

  it('passes hostile file names through both cmd passes unchanged, with nothing live', () => {
    const names = [
      'C:\\Users\\Li Lei\\Pictures\\截图 2026.png',
      'C:\\tmp\\a&calc.png',
      'C:\\tmp\\a|b>c<d.png',
      'C:\\tmp\\%PATH%.png',
      'C:\\tmp\\!USERNAME!.png',
      'C:\\tmp\\x^y(1).png',
      'C:\\tmp\\"quoted".png',
      'C:\\tmp\\trailing\\',
      '',
    ]
    for (const name of names) expect(received(['upload', name])).toEqual(['upload', name])
  })

  it('passes any argument without a line break through unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'binary' }).filter((s) => !/[\r\n\0]/.test(s)),
          { maxLength: 4 },
        ),
        (args) => {
          expect(received(args)).toEqual(args)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('refuses an argument with a line break, or a program path with a %, which cmd.exe cannot carry', () => {
    expect(() => batchCommand('cmd.exe', PROGRAM, ['upload', 'a\nb.png'])).toThrow(/holds a line break, which cmd.exe cannot pass on/)
    expect(() => batchCommand('cmd.exe', 'C:\\100%\\picgo.cmd', ['upload'])).toThrow(/holds a % or "/)
  })
})
