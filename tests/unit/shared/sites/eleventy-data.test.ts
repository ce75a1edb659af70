/**
 * Eleventy's tag cascade as Eleventy documents it: which data files reach a template, in which
 * order, and how their tags merge (a string is one tag, override:tags replaces, duplicates go).
 */
import { describe, expect, it } from 'vitest'
import { cascadeTags, eleventyDataFiles } from '../../../../shared/sites/eleventy-data'

const rels = (files: ReturnType<typeof eleventyDataFiles>) => files.map((f) => `${f.rel}${f.computed ? ' (code)' : ''}${f.key ? ` → ${f.key}` : ''}`)

describe('eleventyDataFiles', () => {
  it('lists, lowest priority first, the global tags file, each folder’s data file outermost first, then the template’s own', () => {
    expect(rels(eleventyDataFiles('src/blog/2024/post.md', 'src'))).toEqual([
      'src/_data/tags.json → tags',
      'src/_data/tags.cjs (code) → tags',
      'src/_data/tags.mjs (code) → tags',
      'src/_data/tags.js (code) → tags',
      'src/blog/blog.json',
      'src/blog/blog.11tydata.json',
      'src/blog/blog.11tydata.cjs (code)',
      'src/blog/blog.11tydata.mjs (code)',
      'src/blog/blog.11tydata.js (code)',
      'src/blog/2024/2024.json',
      'src/blog/2024/2024.11tydata.json',
      'src/blog/2024/2024.11tydata.cjs (code)',
      'src/blog/2024/2024.11tydata.mjs (code)',
      'src/blog/2024/2024.11tydata.js (code)',
      'src/blog/2024/post.json',
      'src/blog/2024/post.11tydata.json',
      'src/blog/2024/post.11tydata.cjs (code)',
      'src/blog/2024/post.11tydata.mjs (code)',
      'src/blog/2024/post.11tydata.js (code)',
    ])
  })

  it('gives the input folder itself no directory data file, and works with the site root as input', () => {
    expect(rels(eleventyDataFiles('about.md', '')).filter((r) => !r.includes('_data'))).toEqual([
      'about.json',
      'about.11tydata.json',
      'about.11tydata.cjs (code)',
      'about.11tydata.mjs (code)',
      'about.11tydata.js (code)',
    ])
    expect(rels(eleventyDataFiles('posts/a.md', '')).slice(4, 6)).toEqual(['posts/posts.json', 'posts/posts.11tydata.json'])
  })

  it('takes the data folder Eleventy was told to use, and only the last extension off a template’s name', () => {
    expect(eleventyDataFiles('src/index.11ty.js', 'src', 'data').map((f) => f.rel)).toEqual([
      'src/data/tags.json',
      'src/data/tags.cjs',
      'src/data/tags.mjs',
      'src/data/tags.js',
      'src/index.11ty.json',
      'src/index.11ty.11tydata.json',
      'src/index.11ty.11tydata.cjs',
      'src/index.11ty.11tydata.mjs',
      'src/index.11ty.11tydata.js',
    ])
  })

  it('gives a file outside the input folder only the global data (no folder of its reaches it)', () => {
    expect(eleventyDataFiles('docs/readme.md', 'src').map((f) => f.rel)).toEqual([
      'src/_data/tags.json',
      'src/_data/tags.cjs',
      'src/_data/tags.mjs',
      'src/_data/tags.js',
    ])
    // A sibling whose name starts like the input folder is outside it too.
    expect(eleventyDataFiles('srcold/a.md', 'src')).toHaveLength(4)
  })
})

describe('cascadeTags', () => {
  it('concatenates the layers’ lists in order, a string being one tag, and drops duplicates keeping the first', () => {
    expect(cascadeTags([{ tags: ['posts', '随笔'] }, { tags: 'posts' }, { tags: ['旅行', '随笔'] }])).toEqual(['posts', '随笔', '旅行'])
  })

  it('replaces what came before with override:tags, then adds that layer’s own tags', () => {
    expect(cascadeTags([{ tags: ['posts'] }, { 'override:tags': ['only'], tags: 'mine' }, { tags: ['later'] }])).toEqual(['only', 'mine', 'later'])
    expect(cascadeTags([{ tags: ['posts'] }, { 'override:tags': null }])).toEqual([])
  })

  it('takes numbers as tags, and ignores a layer without tags, an empty string, and values that are not tags', () => {
    expect(cascadeTags([{ title: 'x' }, { tags: '' }, { tags: [2024, 'a', { b: 1 }, null] }, { tags: { nested: true } }, { tags: null }])).toEqual([
      '2024',
      'a',
    ])
  })
})
