/**
 * Index threads and the command line summarise an article from its header's bytes and its body's
 * counted bytes (summarize with keepText: false) instead of the whole decoded text: checked here
 * against the whole-text summary on generated files of every header form, long headers and
 * long markup, BOMs, CRLF and bytes that are not UTF-8, in each kind of site.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { summarize } from '../../../electron/workspace/indexer'
import { pathRules } from '../../../electron/workspace/scan'
import { detectSite, type SiteSettings } from '../../../electron/workspace/site'
import { copySite } from './helpers'

const HEADER_LINES = [
  'title: 第 1 篇：云计算巨头集体 " 自救 "',
  "title: 'Plain title'",
  'date: 2024-01-02 03:04:05',
  'date: Mon, 01 Jan 2012 00:00:00 GMT',
  'updated: 2013-01-01 10:00:00',
  'tags: [云计算, t25]',
  'tags:\n  - a\n  - b',
  'categories:\n - 新媒体\n - ZAKER',
  'categories: [[A, B], C]',
  'draft: true',
  'published: false',
  'description: 第 0 篇的摘要：云计算',
  'excerpt: <p>short</p>',
  'nested:\n  key: value\n  list: [1, 2]',
  'title: again',
  'bad: [unclosed',
  'empty:',
  `long: ${'长'.repeat(600)}`,
]

const BODY_PIECES = [
  '<div class="img_box" id="id_imagebox_0" onclick><img src="https://x.cn/a.jpg" referrerpolicy="no-referrer"></div>',
  '<p>这个春天，云巨头集体 " 自救 "。</p>',
  "<p>don't stop — well-known 𠀀 😀</p>",
  '<!-- more -->',
  '<!-- a comment -->',
  '<script>var x = "<p>not prose</p>"</script>',
  '{% asset_img a.png 图 %}',
  '[链接](https://x.cn/a) ![图](b.png)',
  '# 标题\n',
  '> quote\n',
  '- item\n',
  'import X from "y"\n',
  '&nbsp;',
  '\n\n',
  'Latin words here. ',
  '阿里云或将引入前华为 EBG 中国区总裁蔡英华，出任阿里集团资深副总裁（M7/P12）。',
  `<div ${'data-x="1" '.repeat(300)}>`,
  '---\n',
]

const BAD_BYTES = [[0xc3, 0x28], [0xe4, 0xb8], [0xff], [0x80]]

type Form = 'yaml' | 'toml' | 'json' | 'fenceless' | 'none' | 'unterminated'

const fileArb = fc.record({
  form: fc.constantFrom<Form>('yaml', 'yaml', 'yaml', 'toml', 'json', 'fenceless', 'none', 'unterminated'),
  header: fc.array(fc.constantFrom(...HEADER_LINES), { maxLength: 12 }),
  body: fc.array(fc.constantFrom(...BODY_PIECES), { maxLength: 80 }),
  repeat: fc.integer({ min: 1, max: 40 }),
  blankBefore: fc.boolean(),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  bad: fc.option(fc.record({ bytes: fc.constantFrom(...BAD_BYTES), at: fc.double({ min: 0, max: 1, noNaN: true }) })),
})

type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never

function fileBytes(f: FileSpec): Buffer {
  const lines = f.header
  let header: string
  if (f.form === 'yaml') header = `---\n${lines.join('\n')}\n---\n`
  else if (f.form === 'fenceless') header = `${lines.join('\n')}\n---\n`
  else if (f.form === 'toml') header = `+++\n${lines.map((l) => l.replace(/^(\w+): (.*)$/m, '$1 = "$2"').split('\n')[0]).join('\n')}\n+++\n`
  else if (f.form === 'json') header = `${JSON.stringify(Object.fromEntries(lines.map((l, i) => [`k${i}`, l])), null, 2)}\n`
  else if (f.form === 'unterminated') header = `---\n${lines.join('\n')}\n`
  else header = ''
  const body = f.body.join('').repeat(f.repeat)
  let text = (f.blankBefore ? '\n' : '') + header + '\n' + body
  if (f.crlf) text = text.replace(/\n/g, '\r\n')
  let bytes = Buffer.from(text, 'utf8')
  if (f.bad) {
    const at = Math.floor(f.bad.at * bytes.length)
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(f.bad.bytes), bytes.subarray(at)])
  }
  return f.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes
}

const sites: SiteSettings[] = []
beforeAll(async () => {
  for (const name of ['plain', 'hexo', 'jekyll', 'hugo'] as const) sites.push(await detectSite(await copySite(name)))
})

describe('summarize from the header and counted bytes', () => {
  it('gives the whole-text summary for any file, in every kind of site', () => {
    let fast = 0
    fc.assert(
      fc.property(fileArb, fc.integer({ min: 0, max: 3 }), (f, s) => {
        const site = sites[s] as SiteSettings
        const rules = pathRules(site)
        const bytes = fileBytes(f)
        const rel =
          site.kind === 'hexo' ? 'source/_posts/a.md' : site.kind === 'hugo' ? 'content/posts/a.md' : site.kind === 'jekyll' ? '_posts/2024-01-02-a.md' : 'a.md'
        const facts = { rel, size: bytes.length, mtimeMs: 1, kind: 'article' as const }
        const whole = summarize(facts, bytes, site, rules)
        const head = summarize(facts, bytes, site, rules, { keepText: false })
        if (whole) whole.text = ''
        expect(head).toEqual(whole)
        if (bytes.length > 1024) fast++
      }),
      { numRuns: 1500 },
    )
    // The generator makes files past the decoded head often enough to test the counted path.
    expect(fast).toBeGreaterThan(300)
  }, 120_000)

  it('reads the whole text when the decoded head ends right on what looks like a closing fence', () => {
    const site = sites[0] as SiteSettings
    // `---` ends exactly at the 1,024th byte, but the line goes on (`----x`): no fence, the header is not closed there.
    const start = '---\ntitle: edge\nnote: '
    const pad = 'x'.repeat(1024 - start.length - '\n---'.length)
    const bytes = Buffer.from(`${start}${pad}\n----x\nmore: 1\n---\n${'正文 '.repeat(2000)}`)
    const facts = { rel: 'a.md', size: bytes.length, mtimeMs: 1, kind: 'article' as const }
    const whole = summarize(facts, bytes, site, pathRules(site))
    if (whole) whole.text = ''
    expect(summarize(facts, bytes, site, pathRules(site), { keepText: false })).toEqual(whole)
    expect(whole?.summary.error).toMatchObject({ line: 4 })
  })
})
