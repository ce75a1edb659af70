/**
 * Hexo's asset tags as Hexo reads them: `{% asset_img %}`, `{% asset_link %}` and
 * `{% asset_path %}`. Arguments are split the way Hexo's Nunjucks tag parser splits them
 * (whitespace separates, a quoted run is one argument without its quotes, pieces that touch are
 * one argument), then each tag reads its arguments as its Hexo source does.
 */

import { escapeHtml } from '../html/escape'

export type AssetTagName = 'asset_img' | 'asset_link' | 'asset_path'

export interface AssetTag {
  name: AssetTagName
  /** The file inside the post asset folder, as written (a slug relative to that folder). */
  slug: string
  /** Where the slug is written inside the argument text, quotes included: [start, end). */
  slugSpan: [number, number]
  /** Words before the file (`asset_img` only): CSS classes. */
  classes: string[]
  width?: string
  height?: string
  /** `asset_img`: title; `asset_link`: link text. */
  title?: string
  alt?: string
}

/** A tag in text: `{% name args %}` on one line. */
export const ASSET_TAG = /\{%-?\s*(asset_img|asset_link|asset_path)\s+((?:(?!-?%\}).)*?)\s*-?%\}/g

export interface TagArg {
  value: string
  /** Offsets of the argument as written (quotes included) inside the argument text. */
  start: number
  end: number
}

/** Splits tag arguments as Nunjucks' lexer does; an unclosed quote is an ordinary character. */
export function tagArgs(text: string): TagArg[] {
  const args: TagArg[] = []
  let current = ''
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (/\s/.test(ch)) {
      if (start !== -1) args.push({ value: current, start, end: i })
      current = ''
      start = -1
      continue
    }
    if (start === -1) start = i
    if (ch === '"' || ch === "'") {
      let j = i + 1
      let value = ''
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\' && j + 1 < text.length) j++
        value += text[j]
        j++
      }
      if (j < text.length) {
        current += value
        i = j
        continue
      }
    }
    current += ch
  }
  if (start !== -1) args.push({ value: current, start, end: text.length })
  return args
}

export function splitTagArgs(text: string): string[] {
  return tagArgs(text).map((arg) => arg.value)
}

const NUMBER = /^\d+$/
/** Hexo's `img` tag reads title and alt from what is left, quoted with `"` or `'` (chosen by the first and last character). */
const META_DOUBLE = /"?([^"]+)?"?/.source
const META_SINGLE = /'?([^']+)?'?/.source

/**
 * Hexo's asset_img takes the first argument naming a file of the post's asset folder; without
 * the folder's listing, the first one that looks like a file name (has a dot or a slash).
 */
function fileIndex(args: string[], isAsset?: (slug: string) => boolean): number {
  if (isAsset) {
    const known = args.findIndex((arg) => isAsset(arg))
    if (known !== -1) return known
  }
  return args.findIndex((arg) => /[./]/.test(arg))
}

/** Reads one tag's arguments; null when it names no file. */
export function parseAssetTag(name: AssetTagName, argText: string, isAsset?: (slug: string) => boolean): AssetTag | null {
  const spans = tagArgs(argText)
  const args = spans.map((arg) => arg.value)
  const at = name === 'asset_img' ? fileIndex(args, isAsset) : args.length ? 0 : -1
  const found = spans[at]
  if (!found || !found.value) return null
  const tag: AssetTag = { name, slug: found.value, slugSpan: [found.start, found.end], classes: [] }
  const rest = args.slice(at + 1)
  if (name === 'asset_path') return tag
  if (name === 'asset_link') {
    // `slug [title] [escape]`: a trailing true/false says whether Hexo escapes the title.
    const last = rest[rest.length - 1]
    if (last === 'true' || last === 'false') rest.pop()
    if (rest.length) tag.title = rest.join(' ')
    return tag
  }
  tag.classes = args.slice(0, at)
  if (rest[0] !== undefined && NUMBER.test(rest[0])) {
    tag.width = rest.shift()
    if (rest[0] !== undefined && NUMBER.test(rest[0])) tag.height = rest.shift()
  }
  const meta = rest.join(' ')
  const title = meta.startsWith('"') ? META_DOUBLE : META_SINGLE
  const alt = meta.endsWith('"') ? META_DOUBLE : META_SINGLE
  const match = new RegExp(`${title}\\s*${alt}`).exec(meta)
  if (match?.[1]) tag.title = match[1]
  if (match?.[2]) tag.alt = match[2]
  return tag
}

/** The HTML Hexo makes of a tag, with `src` (already a URL or path for the output) for its file. */
export function assetTagHtml(tag: AssetTag, src: string): string {
  const url = escapeHtml(src)
  if (tag.name === 'asset_path') return url
  if (tag.name === 'asset_link') {
    const text = escapeHtml(tag.title ?? tag.slug)
    return `<a href="${url}" title="${text}">${text}</a>`
  }
  // Hexo's img tag, attribute for attribute, in its order.
  const attrs = [`src="${url}"`]
  if (tag.classes.length) attrs.push(`class="${escapeHtml(tag.classes.join(' '))}"`)
  if (tag.width) attrs.push(`width="${tag.width}"`)
  if (tag.height) attrs.push(`height="${tag.height}"`)
  if (tag.title) attrs.push(`title="${escapeHtml(tag.title)}"`)
  if (tag.alt) attrs.push(`alt="${escapeHtml(tag.alt)}"`)
  return `<img ${attrs.join(' ')}>`
}
