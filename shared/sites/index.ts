/** The generators' rules, and the readings every part of Folio shares (see types.ts). */
import { astro } from './astro'
import { eleventy } from './eleventy'
import { hexo } from './hexo'
import { hugo } from './hugo'
import { jekyll } from './jekyll'
import { plain } from './plain'
import type { Generator, HeaderRules, SiteRules } from './types'

export type * from './types'
export { readTaxonomy, taxonomyKey } from './taxonomy'

/** In the order the README lists them. */
export const SITES: readonly SiteRules[] = [hexo, jekyll, hugo, astro, eleventy, plain]

export function siteRules(generator: Generator): SiteRules {
  return SITES.find((s) => s.generator === generator) ?? plain
}

export function headerRules(generator: Generator): HeaderRules {
  return siteRules(generator).header
}

const COUNT = ['no', 'one', 'two', 'three']

/** The warning for a header the generator's reader would not read, naming the rule. */
export function leadingBlankLinesMessage(generator: Generator, allowed: number): string {
  const name = siteRules(generator).name
  if (allowed === 0) return `${name} reads no header after a blank line: the file must start with the opening fence`
  return `${name} reads no header after ${COUNT[allowed + 1] ?? allowed + 1} blank lines: remove the blank lines before the opening fence`
}

/** The README table "what Folio reads, per generator", generated from the rules above. */
export function readmeTable(): string {
  const rows = SITES.map((s) => `| ${s.name} | ${s.describe.articles} | ${s.describe.header} | ${s.describe.taxonomy} |`)
  return ['| generator | articles | headers read | tags and categories |', '| --- | --- | --- | --- |', ...rows].join('\n')
}
