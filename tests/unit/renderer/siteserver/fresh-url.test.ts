import { describe, expect, it } from 'vitest'
import { freshUrl, LOAD_MARKER } from '../../../../renderer/siteserver/fresh-url'

describe('freshUrl: an address of its own for every load of the site-server frame', () => {
  it('marks the page without changing its path', () => {
    const fresh = new URL(freshUrl('http://127.0.0.1:4000/posts/first-post/', 3))
    expect(fresh.pathname).toBe('/posts/first-post/')
    expect(fresh.searchParams.get(LOAD_MARKER)).toBe('3')
  })

  it('gives each load a different address', () => {
    expect(freshUrl('http://127.0.0.1:4000/about/', 1)).not.toBe(freshUrl('http://127.0.0.1:4000/about/', 2))
  })

  it("keeps the page's own query and an anchor after it", () => {
    const fresh = new URL(freshUrl('http://127.0.0.1:4000/blog/?lang=zh#%E7%AC%AC%E4%B8%80', 5))
    expect(fresh.searchParams.get('lang')).toBe('zh')
    expect(fresh.searchParams.get(LOAD_MARKER)).toBe('5')
    expect(fresh.hash).toBe('#%E7%AC%AC%E4%B8%80')
  })

  it('replaces the marker of an earlier load instead of adding another', () => {
    const twice = freshUrl(freshUrl('http://127.0.0.1:4000/', 1), 2)
    expect(new URL(twice).searchParams.getAll(LOAD_MARKER)).toEqual(['2'])
  })
})
