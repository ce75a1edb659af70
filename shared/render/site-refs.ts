/**
 * Tags whose output depends on other files of the site: Jekyll's `{% link %}` and `{% post_url %}`
 * and Hexo's `{% post_link %}` and `{% post_path %}` (the named page's address), Hexo's
 * `{% include_code %}` (a file's text) and Hugo's
 * `{{< param >}}` (the page's or the site's parameters). The preview asks the main process for
 * what an article names (PreviewReferences) and renders with the answer; until it has one, such a
 * tag shows as its labelled placeholder.
 */
import { splitTagArgs } from '../assets/hexo-tags'
import type { PreviewReferenceRequest, PreviewReferences } from '../contract'
import type { FieldValue } from '../frontmatter'
import type { Generator } from '../sites/types'

/** What the site says about the tags of the article being rendered. */
export interface SiteData {
  /** The main process's answer, once it came. */
  refs?: PreviewReferences
  /** The article's own header as plain values (Hugo's page parameters). */
  page?: Readonly<Record<string, unknown>>
}

export function siteDataOf(env: unknown): SiteData | undefined {
  return (env as { site?: SiteData } | undefined)?.site
}

const LIQUID = /\{%-?\s*(link|post_url|include_code|post_link|post_path)\s+((?:(?!-?%\}).)*?)\s*-?%\}/g
const HUGO_PARAM = /\{\{[<%]\s*param\s/

/** A Hexo post_link's slug without the `#section` after it. */
export function hexoSlug(target: string): string {
  return target.split('#')[0]!
}

/** The files and pages an article's tags name, or null when it names none (and needs no site parameters). */
export function referencesIn(body: string, generator: Generator | undefined): PreviewReferenceRequest | null {
  if (generator === 'hugo') return HUGO_PARAM.test(body) ? { links: [], posts: [], code: [] } : null
  if (generator !== 'jekyll' && generator !== 'hexo') return null
  const links = new Set<string>()
  const posts = new Set<string>()
  const code = new Set<string>()
  for (const m of body.matchAll(LIQUID)) {
    const args = splitTagArgs(m[2]!)
    // A path made of Liquid variables is the site's to work out.
    if (args.length === 0 || /\{\{/.test(m[2]!)) continue
    if (generator === 'jekyll' && m[1] === 'link') links.add(args[0]!)
    else if (generator === 'jekyll' && m[1] === 'post_url') posts.add(args[0]!)
    else if (generator === 'hexo' && m[1] === 'include_code') code.add(args[args.length - 1]!)
    else if (generator === 'hexo' && (m[1] === 'post_link' || m[1] === 'post_path')) posts.add(hexoSlug(args[0]!))
  }
  if (links.size + posts.size + code.size === 0) return null
  return { links: [...links].sort(), posts: [...posts].sort(), code: [...code].sort() }
}

/** A header value as the plain value a template sees. */
export function plainValue(value: FieldValue): unknown {
  switch (value.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value
    case 'date':
      return value.text
    case 'null':
      return null
    case 'list':
      return value.items.map(plainValue)
    case 'map':
      return Object.fromEntries(value.entries.map((entry) => [entry.key, plainValue(entry.value)]))
  }
}

/** An article's header as Hugo's page parameters (plain values): what `{{< param >}}` reads first. */
export function pageParams(fields: Readonly<Record<string, FieldValue>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, plainValue(value)]))
}

/** A (dotted) key in parameters, case-insensitive as Hugo reads them. */
function lookup(params: unknown, key: string): unknown {
  let at: unknown = params
  for (const part of key.toLowerCase().split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined
    const name = Object.keys(at).find((k) => k.toLowerCase() === part)
    if (name === undefined) return undefined
    at = (at as Record<string, unknown>)[name]
  }
  return at
}

/** Go templates' idea of an empty value: `with` skips it, so `param` says it is not found. */
function empty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/**
 * Hugo's `.Page.Param`: the page's parameters (its header, then its `params` map), then the
 * site's; undefined when none has a non-empty value.
 */
export function hugoParam(page: Readonly<Record<string, unknown>>, site: Readonly<Record<string, unknown>>, key: string): unknown {
  for (const value of [lookup(page, key), lookup(lookup(page, 'params'), key), lookup(site, key)]) if (!empty(value)) return value
  return undefined
}

/** A value printed as Go's templates print it: lists as [a b], maps as map[k:v] with sorted keys. */
export function goText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return `[${value.map(goText).join(' ')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `map[${Object.keys(record)
      .sort()
      .map((key) => `${key}:${goText(record[key])}`)
      .join(' ')}]`
  }
  return String(value)
}
