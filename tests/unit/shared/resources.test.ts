// @vitest-environment jsdom
/**
 * The one table of what makes article HTML fetch something, on real DOM elements: every loading
 * attribute and inline CSS source goes through the decision, srcset always goes, and CSS escapes
 * or image-set() cannot carry a source past it.
 */
import { describe, expect, it } from 'vitest'
import { decideCssSources, decideElementSources, sourceKind, type SourceDecider } from '../../../shared/resources'

/** Keeps local sources under a prefix, drops remote ones, keeps everything else; records what it was asked. */
function decider(asked: [string, string][] = []): SourceDecider {
  return (src, where) => {
    asked.push([src, where])
    const kind = sourceKind(src)
    if (kind === 'remote') return null
    if (kind === 'local') return `folio-asset:/${src}`
    return src
  }
}

function element(html: string): Element {
  const host = document.createElement('div')
  host.innerHTML = html
  const el = host.firstElementChild
  if (!el) throw new Error(`no element in ${html}`)
  return el
}

describe('sourceKind', () => {
  it('tells data, fragments, remote (protocol-relative and UNC too), local and other schemes apart', () => {
    expect(sourceKind('data:image/png;base64,AAAA')).toBe('data')
    expect(sourceKind('#icon')).toBe('fragment')
    expect(sourceKind('https://example.com/a.png')).toBe('remote')
    expect(sourceKind(' HTTP://example.com/a.png')).toBe('remote')
    expect(sourceKind('//cdn.example.com/a.png')).toBe('remote')
    expect(sourceKind('\\\\server\\share\\a.png')).toBe('remote')
    expect(sourceKind('images/照片.png')).toBe('local')
    expect(sourceKind('/images/a.png')).toBe('local')
    expect(sourceKind('javascript:alert(1)')).toBe('other')
    expect(sourceKind('file:///etc/passwd')).toBe('other')
    expect(sourceKind('   ')).toBe('other')
  })
})

describe('decideElementSources', () => {
  it('rewrites a local image, removes a remote one, and always drops srcset', () => {
    const local = element('<img src="cover.png" srcset="https://x.example/a.png 2x">')
    decideElementSources(local, decider())
    expect(local.outerHTML).toBe('<img src="folio-asset:/cover.png">')
    const remote = element('<img src="https://tracker.example/p.gif" alt="x">')
    decideElementSources(remote, decider())
    expect(remote.outerHTML).toBe('<img alt="x">')
  })

  it('decides every loading attribute of media and SVG elements, and the background any element may carry', () => {
    const asked: [string, string][] = []
    const video = element('<video src="clip.mp4" poster="https://x.example/poster.jpg"></video>')
    decideElementSources(video, decider(asked))
    expect(video.outerHTML).toBe('<video src="folio-asset:/clip.mp4"></video>')
    const svg = element('<svg><image href="https://x.example/a.svg" xlink:href="b.svg"></image><use href="#shape"></use></svg>')
    for (const child of svg.querySelectorAll('*')) decideElementSources(child, decider(asked))
    expect(svg.querySelector('image')?.getAttribute('href')).toBeNull()
    expect(svg.querySelector('image')?.getAttribute('xlink:href')).toBe('folio-asset:/b.svg')
    expect(svg.querySelector('use')?.getAttribute('href')).toBe('#shape')
    const cell = element('<table><tbody><tr><td background="https://x.example/bg.png">x</td></tr></tbody></table>').querySelector('td')
    if (!cell) throw new Error('no cell')
    decideElementSources(cell, decider(asked))
    expect(cell.hasAttribute('background')).toBe(false)
    expect(asked.every(([, where]) => where === 'attribute')).toBe(true)
  })

  it('leaves attributes that load nothing alone: an anchor’s href is not a source', () => {
    const link = element('<a href="https://example.com/">site</a>')
    const asked: [string, string][] = []
    decideElementSources(link, decider(asked))
    expect(link.getAttribute('href')).toBe('https://example.com/')
    expect(asked).toEqual([])
  })

  it('decides url() inside an inline style, escaped or not', () => {
    const div = element('<div style="background: \\75 rl(https://x.example/bg.png); color: red"></div>')
    decideElementSources(div, decider())
    expect(div.getAttribute('style')).toBe('background: none; color: red')
  })
})

describe('decideCssSources', () => {
  it('keeps, rewrites or drops each url() as decided, quoted or bare, and says it is CSS', () => {
    const asked: [string, string][] = []
    const css = decideCssSources(`a { background: url("bg.png") } b { background: url(https://x.example/t.gif) } c { mask: url('#m') }`, decider(asked))
    expect(css).toBe(`a { background: url("folio-asset:/bg.png") } b { background: none } c { mask: url('#m') }`)
    expect(asked).toEqual([
      ['bg.png', 'css'],
      ['https://x.example/t.gif', 'css'],
      ['#m', 'css'],
    ])
  })

  it('removes an @import it drops and rewrites one it moves', () => {
    expect(decideCssSources('@import "https://fonts.example/css"; p { color: red }', decider())).toBe(' p { color: red }')
    expect(decideCssSources("@import url('theme.css') screen;", decider())).toBe('@import url("folio-asset:/theme.css");')
  })

  it('keeps an image-set() only when every source in it is kept as written, bare strings included', () => {
    const keep: SourceDecider = (src) => (sourceKind(src) === 'remote' ? null : src)
    const kept = 'background: image-set("a.png" 1x, url(b.png) 2x)'
    expect(decideCssSources(kept, keep)).toBe(kept)
    expect(decideCssSources('background: image-set("a.png" 1x, "https://x.example/b.png" 2x)', keep)).toBe('background: none')
    expect(decideCssSources('background: -webkit-image-set(url(https://x.example/b.png) 1x)', keep)).toBe('background: none')
  })

  it('decodes CSS escapes before looking, so an escaped url( or scheme cannot hide a source', () => {
    const asked: [string, string][] = []
    decideCssSources('p { background: u\\72l(\\68ttps://x.example/a.png) }', decider(asked))
    expect(asked).toEqual([['https://x.example/a.png', 'css']])
  })

  it('quotes a rewritten source safely: quotes, backslashes and newlines cannot end the string', () => {
    const css = decideCssSources('p { background: url(x.png) }', () => 'a"b\\c\nd')
    expect(css).toBe('p { background: url("a\\"b\\\\c\\a d") }')
  })
})
