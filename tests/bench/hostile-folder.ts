/**
 * A folder as someone else's clone might hand it over: ordinary articles beside headers and
 * encodings written to hurt. The hostile-folder tests write it small; the bench writes it big.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { hostile } from './hostile-headers'

export interface HostileSizes {
  deepJson: number
  keys: number
}

/** Relative path → what the index must say about it (null: a clean row). */
export const HOSTILE_FILES = {
  'posts/good.md': null,
  'posts/alias-bomb.md': 'too-many-aliases',
  'posts/deep.json.md': 'too-deep',
  'posts/deep-yaml.md': 'too-deep',
  'posts/many-keys.md': null,
  'posts/nul.md': 'nul',
  'posts/old-mac.md': 'cr-only',
  'posts/utf16le.md': null,
  'posts/utf16be.md': null,
} as const

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le')
  return endian === 'le' ? le : le.swap16()
}

export async function writeHostileFolder(root: string, sizes: HostileSizes): Promise<void> {
  await mkdir(join(root, 'posts'), { recursive: true })
  const article = '---\ntitle: 普通文章\ndate: 2024-05-01\ntags: [日常]\n---\n今天天气很好。\n'
  const files: Record<keyof typeof HOSTILE_FILES, string | Buffer> = {
    'posts/good.md': article,
    'posts/alias-bomb.md': hostile.aliasBomb(),
    'posts/deep.json.md': hostile.deepJson(sizes.deepJson),
    'posts/deep-yaml.md': hostile.deepYamlFlow(sizes.deepJson),
    'posts/many-keys.md': hostile.manyKeys('yaml', sizes.keys),
    'posts/nul.md': '---\ntitle: 空字符\nsummary: a\u0000b\n---\n正文\n',
    'posts/old-mac.md': '---\rtitle: 旧 Mac 文件\rdate: 2001-01-01\r---\r正文\r',
    'posts/utf16le.md': utf16('---\ntitle: UTF-16 小端\ndate: 2024-01-02\n---\n正文\n', 'le'),
    'posts/utf16be.md': utf16('---\ntitle: UTF-16 大端\ndate: 2024-01-03\n---\n正文\n', 'be'),
  }
  for (const [rel, content] of Object.entries(files)) await writeFile(join(root, rel), content)
}
