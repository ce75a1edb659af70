/**
 * Writing YAML scalars the way a careful author would: plain unless a YAML 1.1 or 1.2 reader
 * (js-yaml in Hexo, Psych in Jekyll, go-yaml in Hugo) would read something else, in the author's
 * quote style when they used one, and never folded.
 */
import { parse as parseYaml } from 'yaml'
import { isDateLike } from './dates'

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
  // Timestamps stay plain: that is how every generator writes dates, and how readers expect them.
  if (isDateLike(s)) return false
  if (NULLS.test(s) || BOOLS.test(s) || NUMBERS.some((r) => r.test(s))) return true
  // Whatever else a YAML 1.2 reader would not return as this same string.
  try {
    const back: unknown = parseYaml(flow ? `[${s}]` : `k: ${s}`)
    const value = flow ? (back as unknown[])[0] : (back as Record<string, unknown>).k
    return value !== s
  } catch {
    return true
  }
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

/** A key as written before `:`. */
export function yamlKey(key: string, fallback: QuoteStyle = 'single'): string {
  return yamlString(key, 'plain', false, fallback)
}
