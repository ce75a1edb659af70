/**
 * Writing YAML scalars the way a careful author would: plain unless a YAML 1.1 or 1.2 reader
 * (js-yaml in Hexo, Psych in Jekyll, go-yaml in Hugo) would read something else, in the author's
 * quote style when they used one, and never folded.
 *
 * The type-safety rule: a string is written plain only when every one of those readers returns
 * that same string. `title: 2024-01-01` is a Date to all of them, `1:20` is 80 in YAML 1.1, `on`
 * is true; such strings are quoted whatever the key. A value meant as a date (`plainDate`) is the
 * one exception: it is written plain so the generators read it as the date it is.
 */
import { parse as parseYaml } from 'yaml'

export type QuoteStyle = 'plain' | 'single' | 'double'

const NULLS = /^(?:~|null|Null|NULL)$/
// YAML 1.1 booleans too: Jekyll and older Hexo read `yes`, `on`, `n` as booleans.
const BOOLS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
const NUMBERS = [
  /^[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?$/,
  /^[-+]?\d[\d_]*\.(?:[eE][-+]?\d+)?$/,
  /^[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  // YAML 1.1 sexagesimal: 1:20 is 80 there.
  /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?$/,
]
// YAML 1.1 timestamps (js-yaml, Psych, go-yaml): a day, or a day with a time.
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/
// A character YAML reads as an indicator at the start of a plain scalar.
const INDICATOR_START = /^[[\]{},#&*!|>'"%@`]/

/** Line breaks, tabs and other characters a plain or single-quoted scalar cannot carry. */
export function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true
  }
  return false
}

/** Whether `s` must be quoted to be read back as this exact string. */
export function needsQuotes(s: string, flow = false): boolean {
  if (s === '' || s !== s.trim() || hasControl(s)) return true
  if (INDICATOR_START.test(s) || /^[-?:](?:[ \t]|$)/.test(s) || s === '<<' || s === '=') return true
  if (/:(?:[ \t]|$)/.test(s) || /[ \t]#/.test(s)) return true
  if (flow && /[,[\]{}]/.test(s)) return true
  if (TIMESTAMP.test(s) || NULLS.test(s) || BOOLS.test(s) || NUMBERS.some((r) => r.test(s))) return true
  // Whatever else a YAML 1.2 or 1.1 reader would not return as this same string.
  return !readsBackBoth(s, flow)
}

/**
 * Answers already worked out: every edit asks about each string value in the header (to learn
 * the block's quoting habit) and two YAML reads per value made form typing slow.
 */
const readBack = new Map<string, boolean>()
const READ_BACK_KEPT = 1024

function readsBackBoth(s: string, flow: boolean): boolean {
  const key = (flow ? '[' : ':') + s
  let known = readBack.get(key)
  if (known === undefined) {
    known = readsBack(s, flow, '1.2') && readsBack(s, flow, '1.1')
    if (readBack.size >= READ_BACK_KEPT) readBack.clear()
    readBack.set(key, known)
  }
  return known
}

function readsBack(s: string, flow: boolean, version: '1.1' | '1.2'): boolean {
  try {
    const back: unknown = parseYaml(flow ? `[${s}]` : `k: ${s}`, { version })
    const value = flow ? (back as unknown[])[0] : (back as Record<string, unknown>).k
    return value === s
  } catch {
    return false
  }
}

/**
 * Whether date text may be written plain as a date: it reads as a timestamp under YAML 1.1 and
 * as this same text under 1.2 (Folio shows it as a date either way), and needs no quotes for any
 * other reason. RFC 1123 and Hexo's slash dates are plain strings to YAML and go through
 * needsQuotes like any string.
 */
export function plainDate(s: string, flow = false): boolean {
  return TIMESTAMP.test(s) && readsBack(s, flow, '1.2') && !(flow && /[,[\]{}]/.test(s))
}

export function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

/** YAML's double-quoted escapes are a superset of JSON's, so JSON's string form is valid YAML. */
export function doubleQuoted(s: string): string {
  return JSON.stringify(s)
}

/**
 * A string as a YAML scalar. `prefer` is the author's style for this value ('plain' means
 * "quote only when needed", with `fallback` as the quote then); single quotes cannot carry
 * line breaks or control characters, so those always go double-quoted.
 */
export function yamlString(s: string, prefer: QuoteStyle = 'plain', flow = false, fallback: QuoteStyle = 'single'): string {
  const canSingle = !hasControl(s)
  if (prefer === 'double') return doubleQuoted(s)
  if (prefer === 'single') return canSingle ? singleQuoted(s) : doubleQuoted(s)
  if (!needsQuotes(s, flow)) return s
  if (fallback === 'double' || !canSingle) return doubleQuoted(s)
  return singleQuoted(s)
}

export function yamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf'
  return String(n)
}

/**
 * Date text meant as a date (a date field, the form's date widget): plain when YAML reads it as
 * a timestamp, otherwise a string in the author's style like any other.
 */
export function yamlDate(s: string, prefer: QuoteStyle = 'plain', flow = false, fallback: QuoteStyle = 'single'): string {
  if (prefer === 'plain' && plainDate(s, flow)) return s
  return yamlString(s, prefer, flow, fallback)
}

/** A key as written before `:`. */
export function yamlKey(key: string, fallback: QuoteStyle = 'single'): string {
  return yamlString(key, 'plain', false, fallback)
}
