/**
 * A bulk operation → a plan: for each article it changes, the hash of the bytes the patches were
 * computed from, the patches (from shared/frontmatter) and the diff to preview. Nothing is written.
 * Articles the operation concerns but that cannot be edited are listed as skipped, with why.
 */
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { ArticleSummary, BulkOperation, BulkSkip, DiffHunk, SiteKind } from '../../shared/contract'
import { FolioError, said, type MessageParams, type MessageReason } from '../../shared/errors'
import { applyPatches, parse, removeKey, setValue } from '../../shared/frontmatter'
import type { EditOptions, ParsedFrontMatter, TextPatch } from '../../shared/frontmatter/types'
import { decode, encode, encodingSaid, hashBytes } from '../workspace/encoding'
import { readRegularFileSync } from '../workspace/open-inside'
import { inSlices } from '../workspace/slices'
import { spanHunk } from '../../shared/line-diff'
import type { JournaledOperation, JournalMove } from './undo-log'
import { siteRules } from '../../shared/sites'
import type { Generator } from '../../shared/sites/types'
import { CATEGORY_SEPARATOR } from '../../shared/contract'
import { addToList, editCategoryPaths, editFlatValues, pathMove } from './edits'

export interface PlannedFile {
  path: string
  /** sha-256 of the bytes the patches apply to: apply skips the file if the disk moved on. */
  baseHash: string
  /** The text the patches apply to (BOM apart): apply writes it patched and journals it. */
  before: string
  bom: boolean
  patches: TextPatch[]
  /** sha-256 of the bytes apply will write: undo restores only files that still hold them. */
  afterHash: string
  hunks: DiffHunk[]
}

export interface Plan {
  id: string
  operation: JournaledOperation
  /** A file to move before the files are written (their paths are the ones after it). */
  move?: JournalMove
  /** Sorted by path once `done` resolves; until then in the order they were computed. */
  files: PlannedFile[]
  skipped: BulkSkip[]
  /** Articles read whose patches are still being computed. */
  pending: number
  /** Resolves when every article's patches are computed. */
  done: Promise<void>
}

export interface PlanSource {
  /** Absolute path of the content folder. */
  root: string
  kind: SiteKind
  articles: readonly ArticleSummary[]
}

/** One article's edit, given its text and parsed header. */
type FileEdit = (text: string, parsed: ParsedFrontMatter) => TextPatch[]

interface Prepared {
  /** The articles to look at. */
  candidates: readonly ArticleSummary[]
  /** Text that an unparseable header must hold for the article to count as concerned. */
  mentions: readonly string[] | null
  /** An article whose text holds none of `mentions` cannot be concerned: skip it unparsed. */
  mentionRequired: boolean
  edit: FileEdit
}

function badArgument(reason: MessageReason, params: MessageParams = {}): FolioError {
  return new FolioError({ code: 'BAD_ARGUMENT', ...said(reason, params) })
}

function requireText(value: string, what: string): string {
  if (value.trim() === '') throw badArgument('value-empty', { what })
  return value
}

const splitPath = (value: string): string[] => value.split(CATEGORY_SEPARATOR).map((s) => s.trim())

/** Whether an article's indexed tags or categories hold one of the values (paths for Hexo categories). */
function indexedHolder(key: string, values: readonly string[], hexo: boolean): ((a: ArticleSummary) => boolean) | null {
  if (key === 'tags') return (a) => a.tags.some((t) => values.includes(t))
  if (key !== 'categories') return null
  if (!hexo) return (a) => a.categories.some((p) => p.some((c) => values.includes(c)))
  const prefixes = values.map(splitPath)
  return (a) => a.categories.some((p) => prefixes.some((pre) => pre.length <= p.length && pre.every((s, i) => p[i] === s)))
}

function valueEdit(source: PlanSource, key: string, map: Map<string, string | null>, site: Generator, opts: EditOptions): Prepared {
  const values = [...map.keys()]
  const hierarchy = siteRules(site).categories.hierarchy
  const hexoCategories = hierarchy && key === 'categories'
  const holds = indexedHolder(key, values, hierarchy)
  const edit: FileEdit = hexoCategories
    ? (text, parsed) =>
        editCategoryPaths(text, parsed, pathMove([...map].map(([from, to]) => ({ from: splitPath(from), to: to === null ? null : splitPath(to) }))), site, opts)
    : (text, parsed) => editFlatValues(text, parsed, key, map, site, opts)
  const mentions = hexoCategories ? values.flatMap(splitPath) : values
  if (holds) return { candidates: source.articles.filter((a) => a.error !== null || holds(a)), mentions, mentionRequired: false, edit }
  // Keys the index does not read: every article is a candidate, but values with no character
  // YAML would escape appear verbatim in any header holding them, so the others need no parse.
  const verbatim = values.every((v) => !/["'\\]/.test(v))
  return { candidates: source.articles, mentions, mentionRequired: verbatim, edit }
}

function prepare(source: PlanSource, op: BulkOperation, opts: EditOptions): Prepared {
  const site = source.kind
  const known = new Set(source.articles.map((a) => a.path))
  const selected = (paths: readonly string[]) => {
    const set = new Set(paths)
    return source.articles.filter((a) => set.has(a.path))
  }
  const missing = (paths: readonly string[]) => paths.filter((p) => !known.has(p))
  switch (op.kind) {
    case 'rename':
      requireText(op.to, 'new value')
      if (op.from === op.to) throw badArgument('same-name', { value: op.from })
      return valueEdit(source, op.key, new Map([[op.from, op.to]]), site, opts)
    case 'merge': {
      requireText(op.to, 'value to merge into')
      const froms = op.from.filter((f) => f !== op.to)
      if (froms.length === 0) throw badArgument('merge-nothing')
      return valueEdit(source, op.key, new Map(froms.map((f) => [f, op.to])), site, opts)
    }
    case 'delete':
      return valueEdit(source, op.key, new Map([[op.value, null]]), site, opts)
    case 'move-category': {
      if (!siteRules(site).categories.hierarchy) throw badArgument('categories-flat')
      const name = op.from[op.from.length - 1]
      if (name === undefined) throw badArgument('category-none')
      if (op.toParent.length >= op.from.length && op.from.every((s, i) => op.toParent[i] === s)) {
        throw badArgument('category-into-itself', { category: op.from.join(CATEGORY_SEPARATOR) })
      }
      const to = [...op.toParent, name].join(CATEGORY_SEPARATOR)
      return valueEdit(source, 'categories', new Map([[op.from.join(CATEGORY_SEPARATOR), to]]), site, opts)
    }
    case 'set':
    case 'add-to-list':
    case 'remove-from-list':
    case 'unset': {
      requireText(op.key, 'field name')
      if (op.kind === 'add-to-list' || op.kind === 'remove-from-list') requireText(op.value, 'value')
      const unknown = missing(op.paths)
      if (unknown.length > 0) throw badArgument('not-in-folder', { path: unknown[0] ?? '' })
      const edit: FileEdit =
        op.kind === 'set'
          ? (text) => setValue(text, op.key, op.value, opts)
          : op.kind === 'add-to-list'
            ? (text, parsed) => addToList(text, parsed, op.key, op.value, site, opts)
            : op.kind === 'remove-from-list'
              ? (text, parsed) => editFlatValues(text, parsed, op.key, new Map([[op.value, null]]), site, opts)
              : (text) => removeKey(text, op.key, opts)
      return { candidates: selected(op.paths), mentions: null, mentionRequired: false, edit }
    }
  }
}

/** An article read at planning time, its patches still to compute. */
interface Read {
  path: string
  hash: string
  text: string
  bom: boolean
  concerned: boolean
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/**
 * Reads each concerned article (fixing the bytes the plan is based on) and computes its patches
 * and preview. The first `firstPage` changed files are computed before this resolves; the rest in
 * the background, in slices, until `plan.done` resolves (the renderer shows the first page while
 * the others are computed; apply and the command line wait for all of them).
 */
export async function planOperation(source: PlanSource, op: BulkOperation, id: string, firstPage = Infinity): Promise<Plan> {
  const opts: EditOptions = { site: source.kind }
  const { candidates, mentions, mentionRequired, edit } = prepare(source, op, opts)
  const files: PlannedFile[] = []
  const skipped: BulkSkip[] = []
  const reads: Read[] = []
  await inSlices(candidates, (article) => {
    let bytes: Buffer
    try {
      bytes = readRegularFileSync(join(source.root, ...article.path.split('/')))
    } catch {
      skipped.push({ path: article.path, reason: `${article.path} could not be read (moved or deleted?). Refresh the library.` })
      return
    }
    const decoded = decode(bytes, article.path)
    const concerned = mentions === null || mentions.some((m) => decoded.text.includes(m))
    if (!concerned && mentionRequired) return
    if (decoded.readOnly !== null) {
      if (concerned)
        skipped.push({
          path: article.path,
          reason: decoded.readOnly,
          why: {
            kind: 'read-only',
            message: decoded.readOnly,
            said: encodingSaid(decoded, article.path) ?? undefined,
          },
        })
      return
    }
    reads.push({ path: article.path, hash: hashBytes(bytes), text: decoded.text, bom: decoded.bom, concerned })
  })
  const compute = (read: Read): void => {
    const parsed = parse(read.text, opts)
    const error = parsed.errors[0]
    if (error) {
      if (read.concerned) {
        const why = { kind: 'header' as const, line: error.line, code: error.code, reason: error.reason, subject: error.subject, message: error.message }
        skipped.push({
          path: read.path,
          reason: `${read.path}: the header does not parse (line ${error.line}: ${error.message}). Fix it, then plan again.`,
          why,
        })
      }
      return
    }
    let patches: TextPatch[]
    try {
      patches = edit(read.text, parsed)
    } catch (e) {
      skipped.push({ path: read.path, reason: `${read.path}: ${e instanceof Error ? e.message : String(e)}` })
      return
    }
    if (patches.length === 0) return
    const after = applyPatches(read.text, patches)
    if (after !== read.text)
      files.push({
        path: read.path,
        baseHash: read.hash,
        before: read.text,
        bom: read.bom,
        patches,
        afterHash: hashBytes(encode(after, read.bom)),
        hunks: [spanHunk(read.text, after)],
      })
  }
  let next = 0
  await inSlices(reads, (read) => {
    if (files.length < firstPage) {
      compute(read)
      next++
    }
  })
  const rest = reads.slice(next)
  const plan: Plan = { id, operation: op, files, skipped, pending: rest.length, done: Promise.resolve() }
  // Started on a later turn, so the first page goes out before any of the rest is computed.
  plan.done = nextTurn()
    .then(() =>
      inSlices(rest, (read) => {
        compute(read)
        plan.pending--
      }),
    )
    .then(() => {
      files.sort(byPath)
      skipped.sort(byPath)
    })
  if (rest.length === 0) await plan.done
  return plan
}
