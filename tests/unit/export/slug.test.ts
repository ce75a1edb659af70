import { describe, expect, it } from 'vitest'
import { slugFor, uniqueSlugs } from '../../../electron/export/slug'

describe('slugFor', () => {
  it('keeps a Chinese title readable and joins its words with hyphens', () => {
    expect(slugFor('阿里云 发布 新一代 服务器', 'posts/a.md')).toBe('阿里云-发布-新一代-服务器')
  })

  it('replaces what file systems and URLs trip over', () => {
    expect(slugFor('C# vs. C++: 50% <faster>?', 'x.md')).toBe('C-vs.-C++-50-faster')
  })

  it('falls back to the file name, then to "article"', () => {
    expect(slugFor('', 'source/_posts/我的 文章.md')).toBe('我的-文章')
    expect(slugFor('???', 'source/_posts/hello-world.markdown')).toBe('hello-world')
    expect(slugFor('', 'posts/---.md')).toBe('article')
  })

  it('never makes a name Windows refuses', () => {
    expect(slugFor('CON', 'a.md')).toBe('CON-post')
  })
})

describe('uniqueSlugs', () => {
  it('numbers repeats in path order, whatever order the items came in', () => {
    const items = [{ rel: 'c.md' }, { rel: 'a.md' }, { rel: 'b.md' }]
    const slugs = uniqueSlugs(items, () => '你好')
    expect(Object.fromEntries(slugs)).toEqual({ 'a.md': '你好', 'b.md': '你好-2', 'c.md': '你好-3' })
    expect(uniqueSlugs([...items].reverse(), () => '你好')).toEqual(slugs)
  })

  it('treats names that differ only in case as the same (macOS and Windows do)', () => {
    const slugs = uniqueSlugs(
      [
        { rel: 'a.md', t: 'Hello' },
        { rel: 'b.md', t: 'hello' },
        { rel: 'c.md', t: 'HELLO-2' },
      ],
      (i) => i.t,
    )
    expect([...slugs.values()]).toEqual(['Hello', 'hello-2', 'HELLO-2-2'])
  })

  it('never hands out a reserved name, in any case', () => {
    const slugs = uniqueSlugs(
      [
        { rel: 'a', t: 'Index' },
        { rel: 'b', t: 'index' },
        { rel: 'c', t: '标签' },
      ],
      (i) => i.t,
      ['index'],
    )
    expect([...slugs.values()]).toEqual(['Index-2', 'index-3', '标签'])
  })
})
