/**
 * A folder of posts shaped like the seed article (tests/fixtures/seed): YAML headers in the forms
 * real Hexo blogs use (quoted titles, block and flow lists, RFC 2822 and plain dates, drafts),
 * bodies in Chinese and English, as the seed's HTML or as Markdown, under nested year/month and
 * series folders. Deterministic: the same count gives the same bytes.
 *   npx tsx tests/bench/generate-site.ts DIR COUNT        (writes COUNT posts under DIR)
 * Mix: 55% the seed's HTML rotated, 30% Chinese Markdown made of its sentences, 15% English Markdown.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SEED_ARTICLE = fileURLToPath(new URL('../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url))

const ENGLISH =
  'the cloud team moved its regional sales offices while the new leader from the hardware group set targets for industry customers and the market watched every quarter closely'.split(
    ' ',
  )
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const TOPICS = ['云计算', '人工智能', '新能源', '手机', '芯片', '电商', '游戏', '汽车']
const CHANNELS = ['ZAKER', '雷峰网', '36氪', 'TechCrunch', 'The Verge']

export interface SeedParts {
  /** The seed's body: HTML, Chinese. */
  html: string
  /** Its Chinese sentences, tags stripped. */
  sentences: string[]
}

export function seedParts(seed = readFileSync(SEED_ARTICLE, 'utf8')): SeedParts {
  const html = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  const sentences = html
    .replace(/<[^>]*>/g, '\n')
    .split(/(?<=[。！？])|\n/)
    .map((s) => s.trim())
    .filter((s) => /[\u4e00-\u9fff]/.test(s) && s.length > 8)
  return { html, sentences }
}

/** A small deterministic generator, so every run writes the same folder. */
function random(seed: number): () => number {
  let s = (seed * 2_654_435_761) % 2_147_483_648
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Where post `i` lives: year/month folders, one post in ten inside a series folder two levels deeper. */
export function postPath(i: number): string {
  const year = 2012 + (i % 13)
  const month = pad((Math.floor(i / 13) % 12) + 1)
  const name = i % 3 === 0 ? `post-${i}.md` : i % 3 === 1 ? `第${i}篇-news-${i}.md` : `${year}-${month}-${pad((i % 28) + 1)}-story-${i}.md`
  if (i % 10 === 7) return `series/${TOPICS[i % TOPICS.length]}/part-${Math.floor(i / 1000)}/${name}`
  return `${year}/${month}/${name}`
}

function header(i: number, next: () => number, english: boolean): string {
  const year = 2012 + (i % 13)
  const month = (Math.floor(i / 13) % 12) + 1
  const day = (i % 28) + 1
  const time = `${pad(i % 24)}:${pad(i % 60)}:00`
  const topic = TOPICS[i % TOPICS.length]!
  const channel = CHANNELS[i % CHANNELS.length]!
  const title = english ? `Story ${i}: the cloud market's ${ENGLISH[i % ENGLISH.length]} week` : `第 ${i} 篇：${topic}巨头集体 " 自救 "，或将空降 M7 级高管`
  const lines = ['---', i % 4 === 0 ? `title: "${title.replace(/"/g, '\\"')}"` : `title: '${title.replace(/'/g, "''")}'`]
  // The seed's own date form (RFC 2822) for a third of the posts, Hexo's plain form for the rest.
  // Its weekday is the day's own, as real posts write it, but for one post in 21 whose weekday is
  // a day late: the slip `folio check` and the library flag.
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + (i % 21 === 0 ? 1 : 0)) % 7
  const date = i % 3 === 0 ? `${DAYS[weekday]}, ${pad(day)} ${MONTHS[month - 1]} ${year} ${time} GMT` : `${year}-${pad(month)}-${pad(day)} ${time}`
  if (i % 2 === 0) lines.push('categories: ', ` - ${english ? 'Tech' : '新媒体'}`, ` - ${channel}`, ` - channel-${i % 9}`)
  else lines.push(`categories: [${english ? 'Tech' : '新媒体'}, ${channel}]`)
  if (i % 5 !== 0) lines.push(i % 2 === 0 ? `tags: [${topic}, t${i % 97}]` : `tags:\n  - ${topic}\n  - t${i % 97}\n  - ${channel}`)
  if (i % 3 !== 1) lines.push(`headimg: 'https://cors.example.com/?http://img.example.com/${year}${pad(month)}/${i.toString(16)}_1024.jpg'`)
  lines.push(`author: ${channel}`, `comments: ${i % 2 === 0}`, `date: ${date}`)
  if (i % 7 === 0) lines.push(`updated: ${year + 1}-${pad(month)}-${pad(day)} 10:00:00`)
  if (i % 11 === 0) lines.push(`description: ${english ? 'A short summary of the story' : `第 ${i} 篇的摘要：${topic}`}`)
  if (i % 50 === 0) lines.push('draft: true')
  if (next() < 0.5) lines.push(`thumbnail: 'https://cors.example.com/?http://img.example.com/${i}.jpg'`)
  lines.push('---')
  return lines.join('\n')
}

function englishMarkdown(next: () => number, size: number): string {
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => ENGLISH[Math.floor(next() * ENGLISH.length)]!)
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.'
  }
  const parts: string[] = []
  for (let n = 0, length = 0; length < size; n++) {
    const part =
      n % 6 === 0
        ? `## Part ${n / 6 + 1}`
        : n % 6 === 3
          ? `- ${sentence()}\n- [a link](https://example.com/${n}) and **${sentence()}**`
          : `${sentence()} ${sentence()} *${sentence()}*`
    parts.push(part)
    length += part.length + 2
  }
  return parts.join('\n\n')
}

function chineseMarkdown(sentences: string[], next: () => number, size: number): string {
  const pick = () => sentences[Math.floor(next() * sentences.length)]!
  const parts: string[] = []
  for (let n = 0, length = 0; length < size; n++) {
    const part =
      n % 7 === 0
        ? `## 第 ${n / 7 + 1} 节`
        : n % 7 === 4
          ? `- ${pick()}\n- **${pick()}**\n- [原文](https://example.com/${n})`
          : n % 7 === 5
            ? `![配图](/images/${n}.jpg)\n\n${pick()}${pick()}`
            : `${pick()}${pick()}${pick()}`
    parts.push(part)
    length += part.length * 3 + 2
  }
  return parts.join('\n\n')
}

/** Post `i` of the folder. */
export function post(parts: SeedParts, i: number): string {
  const next = random(i + 1)
  const kind = i % 20
  const english = kind >= 17
  const size = 2_000 + Math.floor(next() * 4_000)
  let body: string
  if (english) body = englishMarkdown(next, size)
  else if (kind >= 11) body = chineseMarkdown(parts.sentences, next, size)
  else {
    const cut = (i * 97) % parts.html.length
    body = parts.html.slice(cut) + parts.html.slice(0, cut)
  }
  return `${i % 9 === 0 ? '\n' : ''}${header(i, next, english)}\n\n${body}\n`
}

const OLD_STAMP_MS = Date.UTC(2024, 0, 1)

/** Writes posts 0..count-1 under `root`, stamped a minute apart from 2024; returns the bytes written. */
export function generateSite(root: string, count: number, parts: SeedParts = seedParts()): number {
  const made = new Set<string>()
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const rel = postPath(i)
    const dir = join(root, rel.slice(0, rel.lastIndexOf('/')))
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    const text = post(parts, i)
    writeFileSync(join(root, rel), text)
    // Written long ago, as a real site's posts were: a file stamped within the second it is read
    // is one the index caches may not trust (stampTrusted), so a fresh folder would be re-read
    // on every warm open and the warm benchmarks would measure that instead of the cache.
    const written = new Date(OLD_STAMP_MS + i * 60_000)
    utimesSync(join(root, rel), written, written)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2)
  if (!dir || !count || !(Number(count) > 0)) {
    console.error('usage: npx tsx tests/bench/generate-site.ts DIR COUNT')
    process.exit(2)
  }
  const start = performance.now()
  const bytes = generateSite(dir, Number(count))
  console.log(`${count} posts, ${(bytes / 1e6).toFixed(1)} MB, in ${dir} (${((performance.now() - start) / 1000).toFixed(1)} s)`)
}
