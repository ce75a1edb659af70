import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArticles } from '../../../electron/export/batch'
import { createSanitizer } from '../../../electron/export/sanitize'
import { elements, folderWith, tempDir } from './helpers'

describe('math in exports', () => {
  it('keeps KaTeX’s <semantics> and <annotation>, so the TeX source does not show beside the formula', async () => {
    const root = await folderWith({ 'posts/math.md': '---\ntitle: Math\n---\n\nInline $E = mc^2$.\n\n$$\n\\frac{1}{2}\n$$\n' })
    const out = await tempDir()
    const result = await exportArticles([join(root, 'posts/math.md')], { format: 'html', outDir: out })
    expect(result.failures).toEqual([])
    const html = await readFile(result.results[0]!.value.files[0]!, 'utf8')
    const els = elements(html)
    const annotations = els.filter((e) => e.tag === 'annotation')
    expect(annotations.map((e) => [e.attrs.encoding, e.text.trim()])).toEqual([
      ['application/x-tex', 'E = mc^2'],
      ['application/x-tex', '\\frac{1}{2}'],
    ])
    expect(els.filter((e) => e.tag === 'semantics')).toHaveLength(2)
    // Each formula's <math> holds its MathML and the hidden annotation, no loose TeX text.
    const inline = html.slice(html.indexOf('<math'), html.indexOf('</math>'))
    expect(inline).toBe(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics>',
    )
  })

  it('still removes annotation-xml, which may carry HTML', () => {
    const clean = createSanitizer().sanitize(
      '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></semantics></math>',
    )
    expect(clean).not.toContain('annotation-xml')
    expect(clean).not.toContain('onerror')
    expect(clean).toContain('<semantics><mi>x</mi>')
  })
})
