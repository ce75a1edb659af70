// @vitest-environment jsdom
/**
 * What of a Mermaid diagram may reach the preview frame (inertSvg, DOMPurify's SVG profile in
 * jsdom): shapes, text and the diagram's own style stay; scripts, handlers, links, foreignObject
 * and external references go. And a diagram Mermaid cannot draw shows its source with the reason.
 */
import { describe, expect, it } from 'vitest'
import { Diagrams, inertSvg } from '../../../../renderer/preview/diagrams'

const SVG = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">${inner}</svg>`

describe('inertSvg', () => {
  it('keeps shapes, text, groups, markers and the diagram’s own style', () => {
    const svg = SVG(
      '<style>.node rect { fill: #eee; }</style><defs><marker id="arrow"><path d="M0,0 L10,5"></path></marker></defs>' +
        '<g class="node"><rect x="1" y="1" width="40" height="20"></rect><text x="5" y="15">开始</text></g><line x1="0" y1="0" x2="10" y2="10" marker-end="url(#arrow)"></line>',
    )
    const out = inertSvg(svg)
    for (const kept of ['<style>', '<marker id="arrow"', '<rect', '<text x="5" y="15">开始</text>', 'marker-end="url(#arrow)"']) expect(out).toContain(kept)
  })

  it('drops scripts, event handlers, links, foreignObject, images, use and animations', () => {
    const out = inertSvg(
      SVG(
        '<script>alert(1)</script><rect onclick="alert(1)" width="5" height="5"></rect><a href="https://evil.example"><text>click</text></a>' +
          '<foreignObject><div>html</div></foreignObject><image href="https://x.example/t.png"></image><use href="#r"></use>' +
          '<set attributeName="href" to="javascript:alert(1)"></set><animate attributeName="x"></animate>',
      ),
    )
    for (const gone of ['script', 'onclick', '<a', 'evil.example', 'foreignObject', '<image', '<use', '<set', '<animate', 'javascript:'])
      expect(out).not.toContain(gone)
    expect(out).toContain('<rect width="5" height="5"></rect>')
  })

  it('is empty when nothing of an SVG is left', () => {
    expect(inertSvg('<script>alert(1)</script>')).toBe('')
  })
})

describe('Diagrams', () => {
  it('answers null while drawing, then the drawn markup: a source Mermaid cannot parse shows escaped, after the sentence and Mermaid’s own words set apart', async () => {
    let drawn = 0
    const diagrams = new Diagrams(false, () => drawn++, { failed: '图表画不出来。', empty: '图表画出来是空的。', output: 'Mermaid 的原话：' })
    const source = 'graph TD\n  A[<b>x</b>] --> --> B &&'
    expect(diagrams.markup(source)).toBeNull()
    // Asked again while drawing: no second drawing.
    expect(diagrams.markup(source)).toBeNull()
    await expect.poll(() => drawn, { timeout: 60_000 }).toBe(1)
    const markup = diagrams.markup(source) ?? ''
    // The sentence is the UI's alone; Mermaid's English follows under its label, marked as not the UI's.
    expect(markup).toMatch(
      /^<div class="folio-diagram folio-diagram-error" data-diagram="mermaid" role="note"><p class="folio-diagram-why">图表画不出来。<\/p><p class="folio-tool-output"><span class="folio-tool-output-label">Mermaid 的原话：<\/span><code translate="no">[^<]*[A-Za-z][^<]*<\/code><\/p><pre>/,
    )
    expect(markup).toContain('<pre><code>graph TD\n  A[&#60;b&#62;x&#60;/b&#62;] --&#62; --&#62; B &#38;&#38;</code></pre>')
    expect(markup).not.toContain('<b>')
    expect(drawn).toBe(1)
  }, 90_000)
})
