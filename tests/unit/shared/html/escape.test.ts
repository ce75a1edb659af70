import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../../shared/html/escape'

describe('escapeHtml', () => {
  it('makes markup and both quote kinds inert, in content and in attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;')
  })

  it('escapes an ampersand once, so an existing entity is shown as written', () => {
    expect(escapeHtml('&amp; 和 &lt;')).toBe('&amp;amp; 和 &amp;lt;')
  })

  it('leaves CJK and other text as it is', () => {
    expect(escapeHtml('中文写作 — café')).toBe('中文写作 — café')
  })
})
