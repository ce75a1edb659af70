/** Hostile SVGs as they come from icon sites and scrapers, cleaned on the way into the site. */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { sanitizeSvg } from '../../../electron/media/svg'

const SVG = 'http://www.w3.org/2000/svg'

/** The result parsed as the .svg file it becomes: it must be well-formed XML. */
function parsed(text: string | null): Element {
  if (text === null) throw new Error('nothing left of the SVG')
  return new JSDOM(text, { contentType: 'image/svg+xml' }).window.document.documentElement
}

describe('sanitizeSvg', () => {
  it('keeps the drawing, its text in Chinese, its gradients, filters and clip paths (names in camelCase too)', () => {
    const out = sanitizeSvg(
      `<svg xmlns="${SVG}" viewBox="0 0 10 10" preserveAspectRatio="xMidYMid meet"><defs><linearGradient id="g" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="red"/></linearGradient>` +
        `<filter id="f"><feGaussianBlur stdDeviation="2"/></filter><clipPath id="c"><circle r="5"/></clipPath></defs>` +
        `<rect width="10" height="10" fill="url(#g)"/><text x="1" y="5">云计算</text></svg>`,
    )
    const root = parsed(out)
    expect(root.localName).toBe('svg')
    expect(root.getAttribute('viewBox')).toBe('0 0 10 10')
    expect(root.getAttribute('preserveAspectRatio')).toBe('xMidYMid meet')
    expect(root.getElementsByTagName('linearGradient')[0]?.getAttribute('gradientUnits')).toBe('userSpaceOnUse')
    expect(root.getElementsByTagName('feGaussianBlur')[0]?.getAttribute('stdDeviation')).toBe('2')
    expect(root.getElementsByTagName('clipPath')).toHaveLength(1)
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('url(#g)')
    expect(root.querySelector('text')?.textContent).toBe('云计算')
    expect(out?.endsWith('</svg>\n')).toBe(true)
  })

  it('removes scripts, event handlers, foreign HTML and style sheets', () => {
    const root = parsed(
      sanitizeSvg(
        `<svg xmlns="${SVG}" onload="alert(1)"><script>alert(2)</script><style>@import url(https://evil.example/x.css)</style>` +
          `<circle r="4" onclick="alert(3)" onMouseOver="alert(4)" ONLOAD="alert(6)"/>` +
          `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></div></foreignObject>` +
          `<animate attributeName="href" to="javascript:alert(5)"/></svg>`,
      ),
    )
    expect(root.querySelectorAll('script, style, foreignObject, iframe')).toHaveLength(0)
    expect(root.outerHTML).not.toMatch(/alert|evil\.example|javascript:/)
    expect(root.querySelector('circle')?.getAttribute('r')).toBe('4')
  })

  it('keeps links inside the file and image data, and drops links anywhere else', () => {
    const root = parsed(
      sanitizeSvg(
        `<svg xmlns="${SVG}" xmlns:xlink="http://www.w3.org/1999/xlink">` +
          `<a href="#part"><text>上</text></a><a xlink:href="#part2"><text>下</text></a>` +
          `<image href="data:image/png;base64,iVBORw0KGgo="/>` +
          `<image href="https://tracker.example/pixel.gif"/>` +
          `<image xlink:href="file:///etc/passwd"/>` +
          `<a href="javascript:alert(1)"><text>点我</text></a>` +
          `<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/></svg>`,
      ),
    )
    const links = [...root.querySelectorAll('*')]
      .filter((e) => e.localName === 'a' || e.localName === 'image')
      .map((e) => e.getAttribute('href') ?? e.getAttribute('xlink:href'))
    expect(links).toEqual(['#part', '#part2', 'data:image/png;base64,iVBORw0KGgo=', null, null, null, null])
  })

  it('drops the XML declaration, comments and doctype in front (a doctype can declare entities)', () => {
    const out = sanitizeSvg(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: Illustrator -->\n<!DOCTYPE svg [<!ENTITY x "boom">]>\n<svg xmlns="${SVG}"><path d="M0 0L1 1"/></svg>`,
    )
    expect(out).toMatch(/^<svg[\s>]/)
    expect(parsed(out).querySelector('path')?.getAttribute('d')).toBe('M0 0L1 1')
  })

  it('is null when there is no SVG left to keep', () => {
    expect(sanitizeSvg('<html><body><script>alert(1)</script></body></html>')).toBeNull()
    expect(sanitizeSvg(`<script xmlns="${SVG}">alert(1)</script>`)).toBeNull()
    expect(sanitizeSvg('not an image at all')).toBeNull()
  })
})
