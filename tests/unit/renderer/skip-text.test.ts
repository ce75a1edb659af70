/**
 * Why a bulk edit left an article alone, said in Chinese (renderer/i18n/skips.ts) from a real plan
 * on a real folder: a header that does not parse is said by its error's reason, an article that
 * is not UTF-8 by its named reason; no English sits inside the sentence, and the parser's own
 * words, where the sentence cannot say them, follow it set apart.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTaxonomyService } from '../../../electron/taxonomy/service'
import { skipText } from '../../../renderer/i18n/skips'
import { messageParts } from '../../../renderer/i18n/tool-output'
import { copySite, open } from '../workspace/helpers'

const post = (name: string) => `source/_posts/${name}`

describe('skipText', () => {
  it('says a header error and a file that is not UTF-8 in Chinese, the English left out of the sentence', async () => {
    const root = await copySite('hexo')
    await writeFile(join(root, post('quote.md')), '---\ntitle: "没有闭合\ndate: 2024-01-01\n---\n正文\n')
    await writeFile(join(root, post('bracket.md')), '---\ntags: [a, b\n---\n正文\n')
    await writeFile(join(root, post('gbk.md')), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]))
    const ws = await open(root)
    const bulk = createTaxonomyService(ws, { journalDir: null })
    const plan = await bulk.plan({ kind: 'set', paths: [post('quote.md'), post('bracket.md'), post('gbk.md')], key: 'draft', value: 'yes' })
    const said = Object.fromEntries(plan.skipped.map((skip) => [skip.path, messageParts(skipText(skip, 'zh-CN'))]))

    expect(said[post('bracket.md')]).toEqual({
      sentence: `${post('bracket.md')}：头部无法解析（第 2 行）：方括号或花括号没有闭合：在值的末尾补上 ] 或 }。请先修正，再重新预览。`,
      output: null,
    })
    expect(said[post('gbk.md')]?.sentence).toMatch(/^source\/_posts\/gbk\.md 不是有效的 UTF-8/)
    for (const { sentence } of Object.values(said)) expect(sentence.replace(/source\/_posts\/\w+\.md|UTF-8|Latin-1|GBK/g, '')).not.toMatch(/[A-Za-z]{2}/)
    // English stays English, the parser's message inside the sentence.
    const english = plan.skipped.find((skip) => skip.path === post('bracket.md'))
    expect(english && skipText(english, 'en')).toMatch(/^source\/_posts\/bracket\.md: the header does not parse \(line 2\): .*[a-z]/)
    await ws.close()
  })
})
