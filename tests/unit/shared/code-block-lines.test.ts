/**
 * codeBlockLines runs the preview parser's block pass alone: the code blocks it finds are those a
 * whole parse finds, read here by an independent markdown-it (no Folio plugins) over bodies made
 * of what real posts hold around code: lists, quotes, raw HTML, CRLF, tildes, indented code.
 */
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { codeBlockLines } from '../../../shared/markdown'
import { codeRanges } from '../../../shared/assets/references'

const oracle = new MarkdownIt({ html: true })
const whole = (body: string) =>
  oracle
    .parse(body, {})
    .filter((token) => (token.type === 'fence' || token.type === 'code_block') && token.map)
    .map((token) => token.map)

const PARTS = [
  '# 标题\n',
  '正文，有 `code` 和 [链接](a.md)。\n',
  '\n',
  '```js\nconst a = 1\n```\n',
  '~~~\n![img](x.png)\n~~~\n',
  '    indented code\n    more\n',
  '- item\n\n  ```\n  in a list\n  ```\n',
  '> quote\n> ```\n> in a quote\n> ```\n',
  '<div>\n\n```\nafter html\n```\n\n</div>\n',
  '```\nnever closed\n',
  'line\r\n',
  '1. one\n2. two\n',
  // Indentation a quick look must not miss: after a list marker or a quote, tabs, runs of blanks.
  '-     code after a list marker\n',
  '>     code in a quote\n',
  '\tcode after a tab\n',
  '  \t code after blanks and a tab\n',
  '        \n',
  '<p>\u00a0</p>   \n',
  '    \u00a0\n',
]

describe('codeBlockLines', () => {
  it('finds the code blocks a whole parse finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { maxLength: 14 }), (parts) => {
        const body = parts.join('')
        expect(codeBlockLines(body)).toEqual(whole(body))
      }),
      { numRuns: 400 },
    )
  })

  it('finds none in a body with no fence and no text after four columns of indentation', () => {
    const body = `<div>\n   <p>第一段</p>\n        \n\t\n</div>\n\n![a](a.png)   \n${' '.repeat(100_000)}\n`
    expect(codeBlockLines(body)).toEqual([])
    expect(whole(body)).toEqual([])
  })

  it('does not take a $$ math block for code, nor code inside one', () => {
    expect(codeBlockLines('$$\n    x = 1\n$$\n\n```\ncode\n```\n')).toEqual([[4, 7]])
  })

  it('gives the same code ranges when asked twice for one body, and new ones for another', () => {
    const body = 'a `b` c\n\n```\nd\n```\n'
    expect(codeRanges(body)).toEqual([
      [2, 5],
      [9, 19],
    ])
    expect(codeRanges(`${body}`)).toEqual(codeRanges(body))
    expect(codeRanges('`x`\n')).toEqual([[0, 3]])
  })
})
