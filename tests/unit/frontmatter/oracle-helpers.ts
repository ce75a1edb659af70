/**
 * Shared by the generator-oracle tests: header entries in the shapes real sites write, Folio's
 * field values as plain data to compare with an oracle's, and value sets that trip YAML readers.
 */
import fc from 'fast-check'
import { FolioError } from '../../../shared/errors'
import type { Field, FieldValue } from '../../../shared/frontmatter/types'

/** Plain data as a reader returns it; a date is `{ date: true }` (readers disagree on zones). */
export type Plain = string | number | boolean | null | { date: true } | Plain[] | { [key: string]: Plain }

/**
 * Folio's value as plain data, shaped after the oracle's reading of it: Folio shows any text that
 * reads as a date as a date (and keeps the text), so it is a date where the oracle made one and
 * its text where the oracle kept a string.
 */
export function plainLike(v: FieldValue, oracle: unknown): Plain {
  switch (v.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value
    case 'null':
      return null
    case 'date':
      return oracle instanceof Date ? { date: true } : v.text
    case 'list':
      return v.items.map((x, i) => plainLike(x, Array.isArray(oracle) ? oracle[i] : undefined))
    case 'map':
      return Object.fromEntries(v.entries.map((e) => [e.key, plainLike(e.value, (oracle as Record<string, unknown> | null)?.[e.key])]))
  }
}

export function plainFields(fields: readonly Field[], oracle: Readonly<Record<string, unknown>>): Record<string, Plain> {
  return Object.fromEntries(fields.map((f) => [f.key, plainLike(f.value, oracle[f.key])]))
}

/** An oracle's value as plain data: a date is only "a date" (readers shift zones differently). */
export function plainOracle(v: unknown): Plain {
  if (v instanceof Date) return { date: true }
  if (Array.isArray(v)) return v.map(plainOracle)
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainOracle(x)]))
  return v as Plain
}

/** A date replaced by date text stays a date (Folio's rule for date fields); anything else reads back as set. */
export function readsBackAs(before: Plain | undefined, after: Plain | undefined, set: unknown): boolean {
  const isDate = (p: Plain | undefined): boolean => p !== null && typeof p === 'object' && !Array.isArray(p) && 'date' in p
  return isDate(before) && typeof set === 'string' && isDate(after)
}

export function isFolioError(error: unknown): boolean {
  return error instanceof FolioError && error.message.length > 20
}

/** Strings some YAML reader takes for another type, as found in real headers. */
export const TRICKY_VALUES = [
  '2024-01-01',
  '2022-03-01 04:51:00',
  '2022-03-01T04:51:00Z',
  '12:30',
  '1:20',
  '1092',
  '1.10',
  '.5',
  '1e3',
  '+12',
  '017',
  '0o17',
  '0x1F',
  '1_000',
  'true',
  'False',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'null',
  '~',
  '.inf',
  '-.Inf',
  '.nan',
  '<<',
  '- x',
  '? x',
  ': x',
  '@x',
  '`x`',
  '!x',
  '&x',
  '*x',
  '%x',
  '|',
  '>',
  '#x',
  '"x',
  "'x",
  'a: b',
  'x #y',
  '',
  ' ',
  'a ',
  '[a]',
  '{a}',
  'Tue, 01 Mar 2022 04:51:00 GMT',
  '2013/7/13 20:46:25',
  '中文：标题',
  'C#',
  '---',
  '...',
]

// `e0` is left out: the `yaml` package's YAML 1.1 oracle takes it for a number (Psych does not).
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/).filter((w) => !/^(?:y|n|yes|no|on|off|true|false|null)$/.test(w) && !/^e\d/.test(w))
const cjk = fc
  .array(
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    { minLength: 1, maxLength: 5 },
  )
  .map((a) => a.join(''))
const plain = fc.oneof(
  word,
  cjk,
  fc.tuple(word, cjk).map(([a, b]) => `${a} ${b}`),
)
/** Written as is, unquoted: what authors type, including what YAML retypes. */
const bare = fc.oneof(
  plain,
  fc.constantFrom(
    '2024-01-01',
    '2013/7/13 20:46:25',
    '2022-03-01 04:51:00',
    '12:30',
    '1092',
    '1.10',
    '017',
    '0x1F',
    '1_000',
    '+12',
    'yes',
    'off',
    'true',
    '~',
    '.inf',
    'null',
    '',
  ),
)
const indent = fc.constantFrom('  ', ' ', '', '\t', '\t\t')

/** One entry's lines for a key, in the styles Hexo and Jekyll blogs write. */
export const entryLines: fc.Arbitrary<(key: string) => string[]> = fc.oneof(
  bare.map((v) => (k: string) => [v === '' ? `${k}:` : `${k}: ${v}`]),
  fc.tuple(plain, fc.constantFrom(' # note', '  #注释')).map(([v, c]) => (k: string) => [`${k}: ${v}${c}`]),
  fc.constantFrom(...TRICKY_VALUES).map((v) => (k: string) => [`${k}: ${JSON.stringify(v)}`]),
  fc.constantFrom(...TRICKY_VALUES).map((v) => (k: string) => [`${k}: '${v.replace(/'/g, "''")}'`]),
  fc.array(plain, { maxLength: 3 }).map((items) => (k: string) => [`${k}: [${items.join(', ')}]`]),
  fc
    .tuple(
      fc.array(
        bare.filter((v) => v !== ''),
        { minLength: 1, maxLength: 3 },
      ),
      indent,
    )
    .map(([items, ind]) => (k: string) => [`${k}:`, ...items.map((i) => `${ind}- ${i}`)]),
  fc
    .tuple(
      word,
      plain,
      indent.filter((i) => i !== ''),
    )
    .map(([sub, v, ind]) => (k: string) => [`${k}:`, `${ind}${sub}: ${v}`]),
  fc.tuple(plain, plain, fc.constantFrom('|', '>-')).map(([a, b, style]) => (k: string) => [`${k}: ${style}`, `  ${a}`, `  ${b}`]),
)
