/**
 * `folio mv OLD NEW [--dry-run] [--json]`: renames or moves an article (a Hexo post with its
 * asset folder) or an image, and rewrites every reference to it, with the same plan and write
 * path as the app. The site is the one around the working folder (or around OLD).
 */
import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { MovePlan } from '../../shared/contract'
import { parseCommandArgs, printHunk, UsageError, type CliIo } from '../cli-command'
import { createTaxonomyService } from '../taxonomy/service'
import { openFromCommandLine } from '../workspace/open-from-cli'
import type { Workspace } from '../workspace/workspace'
import { createMoveService } from './move'

const inside = (root: string, abs: string): string | null => {
  const rel = relative(root, abs)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : rel.split(sep).join('/')
}

/** The site around the working folder when OLD is in it, else the one around OLD. */
async function siteOf(oldAbs: string, io: CliIo): Promise<Workspace> {
  const here = await openFromCommandLine('.', io.cwd)
  if (inside(here.workspace.info.root, oldAbs) !== null) return here.workspace
  await here.workspace.close()
  return (await openFromCommandLine(dirname(oldAbs), io.cwd)).workspace
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

function printPlan(plan: MovePlan, io: CliIo): void {
  for (const file of plan.files) {
    io.out(`--- ${file.path}`)
    for (const hunk of file.hunks) printHunk(hunk, io)
  }
  for (const l of plan.left) io.err(`folio: left ${l.path}:${l.line}:${l.column}: "${l.target}": ${l.reason}`)
  for (const s of plan.skipped) io.err(`folio: skipped ${s.reason}`)
}

export async function mvCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio mv OLD NEW [--dry-run] [--json]',
    options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    positionals: { min: 2, max: 2 },
  })
  const [oldArg = '', newArg = ''] = positionals
  const dryRun = values['dry-run']
  const json = values.json
  const cwd = await realpath(io.cwd)
  const oldAbs = await realpath(resolve(cwd, oldArg)).catch(() => resolve(cwd, oldArg))
  const workspace = await siteOf(oldAbs, { ...io, cwd })
  try {
    const root = workspace.info.root
    const from = inside(root, oldAbs)
    const newAbs = resolve(cwd, newArg)
    const parent = await realpath(dirname(newAbs)).catch(() => dirname(newAbs))
    const to = inside(root, resolve(parent, newAbs.slice(dirname(newAbs).length + 1)))
    if (from === null || to === null) throw new UsageError(`${from === null ? oldArg : newArg} is not inside the site ${root}`)
    const move = createMoveService(workspace, createTaxonomyService(workspace, { journalDir: null }))
    const plan = await move.plan(from, to)
    if (dryRun) {
      if (json) io.out(JSON.stringify({ ...plan, id: undefined, applied: false }, null, 2))
      else {
        printPlan(plan, io)
        io.out(`${plural(plan.files.length, 'file', 'files')} would change; nothing was written (--dry-run).`)
      }
      return plan.skipped.length + plan.left.length > 0 ? 1 : 0
    }
    const result = await move.apply(plan.id, [])
    if (json) io.out(JSON.stringify({ ...plan, id: undefined, applied: true, changed: result.changed, skipped: result.skipped }, null, 2))
    else {
      io.out(`moved ${from} to ${to}${plan.folder ? ` (with ${plan.folder.from})` : ''}`)
      for (const path of result.changed) io.out(`updated ${path}`)
      for (const l of plan.left) io.err(`folio: left ${l.path}:${l.line}:${l.column}: "${l.target}": ${l.reason}`)
      for (const s of result.skipped) io.err(`folio: skipped ${s.reason}`)
    }
    return result.skipped.length + plan.left.length > 0 ? 1 : 0
  } finally {
    await workspace.close()
  }
}
