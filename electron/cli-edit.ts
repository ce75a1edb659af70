/**
 * `folio set` and `folio unset`: header edits through the same minimal patches and the same write
 * path as the app's form and saves, each file on its own.
 */
import { realpath } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { FolioError } from '../shared/errors'
import { applyPatches, removeKey, setValue } from '../shared/frontmatter'
import type { EditOptions, EditValue } from '../shared/frontmatter/types'
import { createArticleStore } from './workspace/article-store'
import { createGuard } from './workspace/guard'
import { readRegularFile } from './workspace/open-inside'
import { detectSite } from './workspace/site'
import { parseCommandArgs, UsageError, type CliIo } from './cli-command'

type Edit = { key: string; value: EditValue } | { key: string; remove: true }

const SET_USAGE = 'usage: folio set FILE... KEY=VALUE | --json KEY=JSON'

export async function setCommand(args: string[], io: CliIo): Promise<number> {
  const { tokens } = parseCommandArgs(args, {
    usage: SET_USAGE,
    options: { json: { type: 'string', multiple: true } },
    positionals: { min: 1 },
  })
  const files: string[] = []
  const edits: Edit[] = []
  // In command-line order: a key set twice takes the last value, whichever form it was given in.
  for (const token of tokens) {
    if (token.kind === 'option') {
      const arg = token.value ?? ''
      const eq = arg.indexOf('=')
      if (eq <= 0) throw new UsageError(`--json needs KEY=JSON\n${SET_USAGE}`)
      let value: unknown
      try {
        value = JSON.parse(arg.slice(eq + 1))
      } catch {
        throw new UsageError(`--json ${arg}: the value is not valid JSON`)
      }
      edits.push({ key: arg.slice(0, eq), value: value as EditValue })
    } else if (token.kind === 'positional') {
      const arg = token.value
      if (/^[^=/\\]+=/.test(arg) && !(await isFile(resolve(io.cwd, arg)))) {
        const eq = arg.indexOf('=')
        edits.push({ key: arg.slice(0, eq), value: arg.slice(eq + 1) })
      } else files.push(arg)
    }
  }
  if (files.length === 0 || edits.length === 0) throw new UsageError(SET_USAGE)
  return editFiles(files, edits, io)
}

export async function unsetCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, { usage: 'usage: folio unset FILE... KEY', options: {}, positionals: { min: 2 }, dashedPositionals: true })
  const files = positionals.slice(0, -1)
  const key = positionals[positionals.length - 1] ?? ''
  return editFiles(files, [{ key, remove: true }], io)
}

function isFile(path: string): Promise<boolean> {
  return readRegularFile(path).then(
    () => true,
    () => false,
  )
}

/** Edits each file on its own: one file's failure leaves it untouched and the others still edited. */
async function editFiles(files: string[], edits: Edit[], io: CliIo): Promise<number> {
  let failed = 0
  for (const file of files) {
    try {
      if (await editFile(resolve(io.cwd, file), edits, io)) io.out(`updated ${file}`)
    } catch (error) {
      failed++
      io.err(`folio: ${file}: ${editFailure(error).replace(/\s*\n\s*/g, ' ')}`)
    }
  }
  return failed > 0 ? 1 : 0
}

function editFailure(error: unknown): string {
  if (!(error instanceof FolioError)) return error instanceof Error ? error.message : String(error)
  if (error.code === 'CONFLICT') return 'changed on disk by another program while folio was editing it; left as that program wrote it. Run the command again.'
  if (error.code === 'READ_ONLY') return `${error.message} Left unchanged.`
  return error.message
}

const siteOptions = new Map<string, Promise<EditOptions>>()

/** Hexo's fenceless headers only count inside a Hexo site; dates follow the site's zone. */
function optionsFor(abs: string): Promise<EditOptions> {
  const dir = dirname(abs)
  let options = siteOptions.get(dir)
  if (!options) {
    options = detectSite(dir).then((site) => ({ site: site.kind, timeZone: site.timeZone }))
    siteOptions.set(dir, options)
  }
  return options
}

/**
 * Applies the edits to the text as read and writes through the one write path, which writes
 * only while the file still holds the bytes the edits were made from: a file another program
 * changes meanwhile is left as that program wrote it, and reported.
 */
async function editFile(path: string, edits: Edit[], io: CliIo): Promise<boolean> {
  const abs = await realpath(path).catch(() => {
    throw new FolioError({ code: 'NOT_FOUND', message: 'no such file', reason: 'file-missing', params: { doing: 'read', path } })
  })
  const opts = await optionsFor(abs)
  // The caller names the file before the reason, so the store's messages say "the file".
  const store = createArticleStore(await createGuard(dirname(abs)), { name: () => 'the file', beforeWrite: io.beforeWrite })
  const result = await store.edit(basename(abs), (text) => {
    for (const edit of edits) {
      const patches = 'remove' in edit ? removeKey(text, edit.key, opts) : setValue(text, edit.key, edit.value, opts)
      text = applyPatches(text, patches)
    }
    return text
  })
  return result.changed
}
