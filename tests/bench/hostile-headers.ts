/**
 * Headers written to hurt, generated at any size: the hostile-header tests use them at reduced
 * sizes, tests/bench/parse.bench.ts at full size. Each is a whole article (header and body).
 */
export type HeaderFormat = 'yaml' | 'toml' | 'json'

const BODY = '\n正文：这一段是文章的正文。\n'

/** "Billion laughs": each level lists `width` aliases of the level below (9 levels of 9 is 9⁹ leaves in 1.6 KB). */
function aliasBomb(levels = 9, width = 9): string {
  const lines = ['---', 'title: 十亿笑声', 'laughter_lv_0: &laughter_lv_0 "哈哈哈 lol"']
  for (let i = 1; i <= levels; i++) {
    lines.push(`laughter_lv_${i}: &laughter_lv_${i} [${Array.from({ length: width }, () => `*laughter_lv_${i - 1}`).join(', ')}]`)
  }
  return [...lines, '---', BODY].join('\n')
}

/** A JSON header (Hugo's leading object) whose one value is a list nested `depth` deep. */
function deepJson(depth: number): string {
  return `{\n  "title": "深", "nest": ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n${BODY}`
}

function deepYamlFlow(depth: number): string {
  return `---\nnest: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n${BODY}`
}

/** Maps in maps written as indented blocks: `k0:\n k1:\n  k2: … 1`. */
function deepYamlBlock(depth: number): string {
  const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`)
  return `---\n${lines.join('\n')} 1\n---\n${BODY}`
}

function deepToml(depth: number): string {
  return `+++\nnest = ${'['.repeat(depth)}${']'.repeat(depth)}\n+++\n${BODY}`
}

/** One key per line, `count` of them, each on line i + 2 of the file. */
function manyKeys(format: HeaderFormat, count: number): string {
  const keys = Array.from({ length: count }, (_, i) => i)
  if (format === 'toml') return `+++\n${keys.map((i) => `k${i} = "值 ${i}"`).join('\n')}\n+++\n${BODY}`
  if (format === 'json') return `{\n${keys.map((i) => `"k${i}": "值 ${i}"`).join(',\n')}\n}\n${BODY}`
  return `---\n${keys.map((i) => `k${i}: 值 ${i}`).join('\n')}\n---\n${BODY}`
}

/** One anchored map and `count` keys that each alias it (the package's resolve() walks the document per alias). */
function manyAliases(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `k${i}: *base`)
  return `---\nbase: &base {layout: post}\n${keys.join('\n')}\n---\n${BODY}`
}

/** A description of `chars` characters on one line. */
function longLine(chars: number): string {
  return `---\ntitle: 长\ndescription: ${'长文'.repeat(Math.ceil(chars / 2)).slice(0, chars)}\n---\n${BODY}`
}

/** One flow map with `entries` entries, all on one line. */
function wideFlowMap(entries: number): string {
  return `---\nparams: {${Array.from({ length: entries }, (_, i) => `p${i}: ${i}`).join(', ')}}\n---\n${BODY}`
}

export const hostile = { aliasBomb, deepJson, deepYamlFlow, deepYamlBlock, deepToml, manyKeys, manyAliases, longLine, wideFlowMap }
