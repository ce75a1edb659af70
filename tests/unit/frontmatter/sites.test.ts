/**
 * Setting the title of every article in the fixture sites changes exactly one line per file, or
 * adds one line (no title yet), or adds a block (no header yet); broken headers are refused.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPatches, fieldRecord, parse, setValue } from '../../../shared/frontmatter'

const SITES = new URL('../../fixtures/sites/', import.meta.url).pathname
const EXTRA = new URL('../../fixtures/frontmatter-sites/', import.meta.url).pathname
// Templates, not articles.
const SKIP_DIRS = new Set(['node_modules', 'scaffolds', 'archetypes', 'layouts', '_layouts', 'themes'])
const ARTICLE = /\.(?:md|markdown|mdx|html?|txt)$/i

function articles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) return []
    const path = join(dir, e.name)
    if (e.isDirectory()) return articles(path)
    return ARTICLE.test(e.name) ? [path] : []
  })
}

const decoder = new TextDecoder('utf-8', { fatal: true })
const TITLE = 'Folio: 新的标题'

function check(site: string, root: string, hexo: boolean): Record<string, string> {
  const outcome: Record<string, string> = {}
  for (const file of articles(join(root, site))) {
    const bytes = readFileSync(file)
    const raw = decoder.decode(bytes)
    const bom = raw.startsWith('\ufeff')
    const text = bom ? raw.slice(1) : raw
    const name = relative(root, file)
    const before = parse(text, { hexo })
    if (!before.ok) {
      expect(() => setValue(text, 'title', TITLE, { hexo }), name).toThrow(expect.objectContaining({ code: 'HEADER_PARSE' }))
      outcome[name] = 'refused'
      continue
    }
    const out = applyPatches(text, setValue(text, 'title', TITLE, { hexo }))
    const a = text.split('\n')
    const b = out.split('\n')
    if (before.detection.format === 'none') {
      expect(out.endsWith(text), name).toBe(true)
      expect(b.length - a.length, name).toBe(3)
      outcome[name] = 'block added'
    } else if (before.fields.some((f) => f.key === 'title')) {
      expect(b.length, name).toBe(a.length)
      expect(b.filter((line, i) => line !== a[i]).length, name).toBe(1)
      outcome[name] = 'line changed'
    } else {
      expect(b.length, name).toBe(a.length + 1)
      const added = b.findIndex((line, i) => line !== a[i])
      expect([...b.slice(0, added), ...b.slice(added + 1)], name).toEqual(a)
      outcome[name] = 'line added'
    }
    const after = parse(out, { hexo })
    expect(after.errors, name).toEqual([])
    expect(fieldRecord(after).title, name).toEqual({ type: 'string', value: TITLE })
  }
  return outcome
}

describe('setting the title of every article', () => {
  it('in a Hexo site', () => {
    const outcome = check('hexo', SITES, true)
    expect(Object.values(outcome)).toContain('refused')
    expect(Object.values(outcome)).toContain('line changed')
  })

  it('in a Jekyll site', () => {
    expect(Object.values(check('jekyll', SITES, false))).toContain('line changed')
  })

  it('in a Hugo site', () => {
    expect(Object.values(check('hugo', SITES, false))).toContain('line changed')
  })

  it('in extra articles without a title or without a header, CRLF, JSON and BOM', () => {
    const outcome = check('mixed', EXTRA, false)
    expect(new Set(Object.values(outcome))).toEqual(new Set(['line changed', 'line added', 'block added']))
  })
})
