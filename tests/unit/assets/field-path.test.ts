/**
 * The path an image field of the header gets for an inserted image is the one the site's own
 * reader finds: the media panel's resolver (the same as preview and export) finds the placed file
 * from the header, for every kind of site, and nothing when it is not there.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_INSERT_SETTINGS, imageUses, joinPath, placementFor, type AssetRules } from '../../../shared/assets'

const CASES: Array<{ site: string; rules: AssetRules; article: string; field: string }> = [
  {
    site: 'Hexo, post asset folders',
    rules: { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' },
    article: 'source/_posts/trip.md',
    field: 'trip/日落 a.png',
  },
  { site: 'Hexo', rules: { kind: 'hexo', postAssetFolder: false, sourceDir: 'source' }, article: 'source/_posts/trip.md', field: '/images/日落 a.png' },
  { site: 'Hugo bundle', rules: { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }, article: 'content/posts/trip/index.md', field: '日落 a.png' },
  { site: 'Hugo leaf', rules: { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }, article: 'content/posts/trip.md', field: '/images/日落 a.png' },
  {
    site: 'Jekyll',
    rules: { kind: 'jekyll', postAssetFolder: false, sourceDir: '' },
    article: '_posts/2024-01-01-trip.md',
    field: '/assets/images/日落 a.png',
  },
  { site: 'Astro', rules: { kind: 'astro', postAssetFolder: false, sourceDir: 'src' }, article: 'src/content/blog/trip.md', field: '../../assets/日落 a.png' },
  { site: 'plain', rules: { kind: 'plain', postAssetFolder: false, sourceDir: '' }, article: 'notes/trip.md', field: 'trip.assets/日落 a.png' },
]

describe('an image field gets the path the site reads from the header', () => {
  for (const { site, rules, article, field } of CASES) {
    it(site, () => {
      const placement = placementFor(article, rules, DEFAULT_INSERT_SETTINGS)
      expect(placement.field('日落 a.png')).toBe(field)
      const text = `---\ntitle: Trip\ncover: ${field}\n---\n\nBody.\n`
      const placed = joinPath(placement.folder, '日落 a.png')
      expect(imageUses(text, article, rules, new Set([placed])).map((use) => [use.line, use.path])).toEqual([[3, placed]])
      expect(imageUses(text, article, rules, new Set(['elsewhere.png'])).map((use) => use.path)).toEqual([null])
    })
  }
})
