/**
 * Generated YAML headers made of the pieces real posts use and of near misses that are not flat
 * (comments, nesting, escapes, YAML 1.1 words, numbers in odd forms): the fast paths for flat
 * headers (flat-yaml.ts, setFlatScalar in edit.ts) are checked against the full parser on them.
 */
import fc from 'fast-check'

// Words both kinds of value start from: ordinary, Chinese, a URL and dates.
const EVERYDAY = [
  'hello',
  'World',
  '云计算',
  '阿里云或将空降 M7 级高管',
  'a b',
  'x-y',
  'https://example.com/a.jpg?x=1&y=2',
  'Tue, 01 Mar 2022 04:51:00 GMT',
  '2022-03-01',
  '2022-03-01 04:51:00',
]

// Pieces of values: ordinary words, Chinese, and every kind of near miss.
const piece = fc.constantFrom(
  ...EVERYDAY,
  '2022-03-01T04:51:00Z',
  '2022-3-1',
  '12:30',
  '190:20:30',
  '0',
  '7',
  '42',
  '007',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '3.14',
  '-1',
  '+1',
  '.5',
  '.inf',
  '-.inf',
  '.nan',
  'true',
  'false',
  'True',
  'FALSE',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  'Null',
  '~',
  '',
  ' ',
  'a: b',
  'a:b',
  'a #c',
  'a#c',
  '#c',
  '- x',
  '-x',
  '? x',
  '&a x',
  '*a',
  '!!str x',
  '|',
  '>',
  '@x',
  '`x`',
  '%x',
  '{a: 1}',
  '[a]',
  'a, b',
  'a,b',
  "it's",
  'say "hi"',
  'back\\slash',
  'tab\there',
  'end:',
  '=',
  '<<',
  'M7/P12',
  '（中文括号）',
  '36氪',
  '2022年',
  '1 day',
  '12:30 am',
  '"',
  "'",
  'x\\',
  'q\\"',
  '\\\\"',
  '\\n',
  'say \\"hi\\"',
)
export const text = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(' ').trim())
export const key = fc.constantFrom(
  'title',
  'date',
  'tags',
  'categories',
  'author',
  'comments',
  'draft',
  'updated',
  'yes',
  'on',
  'a_b',
  'x-y',
  'Title',
  '标题',
  '2020',
  'title ',
)

const value = fc.oneof(
  text,
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  text.map((t) => `'${t}'`),
  text.map((t) => `"${t}"`),
  text.map((t) => JSON.stringify(t)),
  fc.array(text, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.array(text, { maxLength: 3 }).map((items) => `[${items.join(',')},]`),
  fc
    .tuple(fc.array(text, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '  ', '\t'))
    .map(([items, indent]) => '\n' + items.map((i) => `${indent}- ${i}`).join('\n')),
  fc
    .tuple(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '  '))
    .map(([items, indent]) => `\n${indent}- ${items[0]}\n${indent}${indent}- ${items.at(-1)}`),
  text.map((t) => `\n  sub: ${t}`),
  text.map((t) => `${t}\n  continued`),
  text.map((t) => `${t} # a comment`),
  fc.constant(''),
  fc.constant('|\n  block'),
)

export const header = fc
  .tuple(
    fc.array(fc.tuple(key, value, fc.constantFrom('', ' ', '\t')), { minLength: 0, maxLength: 8 }),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', '\n', '# a comment\n', '\t'),
  )
  .map(([entries, eol, extra]) => {
    const lines = entries.map(([k, v, trail]) => `${k}:${v.startsWith('\n') || v === '' ? '' : ' '}${v}${trail}`)
    const body = extra === '\t' ? lines.join('\n\t') : extra + lines.join('\n')
    return `---\n${body}\n---\nThe body.\n`.replace(/\n/g, eol)
  })

/** Keys and words real posts' flat headers are made of (the pieces above are mostly near misses). */
export const flatKey = fc.constantFrom('title', 'date', 'tags', 'categories', 'author', 'comments', 'draft', 'updated', 'a_b', 'x-y', 'Title')
const word = fc.constantFrom(
  ...EVERYDAY,
  '2022-3-1',
  '7',
  '42',
  'true',
  'false',
  'null',
  'M7/P12',
  '（中文括号）',
  '36氪',
  '2022年',
  '1 day',
  "it's",
  'say "hi"',
  'back\\slash',
)
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((p) => p.join(' '))

/** Values a flat header holds: words plain or quoted, lists of them, and now and then a near miss. */
const flatValue = fc.oneof(
  { arbitrary: words, weight: 4 },
  { arbitrary: text.map((t) => `'${t.replace(/'/g, "''")}'`), weight: 2 },
  { arbitrary: words.map((t) => `"${t.replace(/"/g, '\\"')}"`), weight: 1 },
  { arbitrary: fc.array(word, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`), weight: 1 },
  { arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((items) => '\n' + items.map((i) => ` - ${i}`).join('\n')), weight: 1 },
  { arbitrary: value, weight: 1 },
)

/**
 * Headers most of which are flat (distinct keys, one-line values), as real posts' headers are:
 * a fast path for flat headers gets real work here, and a near miss now and then.
 */
export const flatHeader = fc
  .tuple(
    fc.uniqueArray(fc.tuple(flatKey, flatValue, fc.constantFrom('', '', '', ' '), fc.constantFrom(' ', ' ', ' ', '\t')), {
      minLength: 1,
      maxLength: 6,
      selector: ([k]) => k,
    }),
    fc.constantFrom('\n', '\r\n'),
    // A byte-order mark before the fence, as some Windows editors save.
    fc.constantFrom('', '', '', '\uFEFF'),
    // Bodies a header is read beside: prose, a tab-indented code block, a thematic break, an indented fence.
    fc.constantFrom('The body.\n', '\tfunc main() {}\n', 'Above.\n\n---\n\nBelow.\n', '  ---\n\tx: 1\n'),
  )
  .map(([entries, eol, bom, body]) => {
    const lines = entries.map(([k, v, trail, gap]) => `${k}:${v.startsWith('\n') || v === '' ? '' : gap}${v}${trail}`)
    return `${bom}---\n${lines.join('\n')}\n---\n${body}`.replace(/\n/g, eol)
  })
