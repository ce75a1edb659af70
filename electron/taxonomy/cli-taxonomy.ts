/**
 * `folio taxonomy DIR [--json]` and `folio rename-value DIR KEY OLD NEW [--dry-run]`: the same
 * collection and plans as the app, so a rename from a terminal changes exactly the same lines.
 */
import type { BulkSkip, CategoryNode } from '../../shared/contract'
import { parseCommandArgs, printHunk, type CliIo } from '../cli-command'
import { openFromCommandLine } from '../workspace/open-from-cli'
import type { Workspace } from '../workspace/workspace'
import { createTaxonomyService, type TaxonomyService } from './service'

async function withService<T>(dirArg: string, io: CliIo, fn: (service: TaxonomyService, ws: Workspace) => Promise<T>): Promise<T> {
  const { workspace } = await openFromCommandLine(dirArg, io.cwd)
  try {
    // No journal: undo is offered by the app; from a terminal, version control is the undo.
    return await fn(createTaxonomyService(workspace, { journalDir: null }), workspace)
  } finally {
    await workspace.close()
  }
}

function printTree(nodes: CategoryNode[], depth: number, io: CliIo): void {
  for (const node of nodes) {
    io.out(`${'  '.repeat(depth + 1)}${node.name}\t${node.count}`)
    printTree(node.children, depth + 1, io)
  }
}

export async function taxonomyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio taxonomy DIR [--json]',
    options: { json: { type: 'boolean', default: false } },
    positionals: { min: 1, max: 1 },
  })
  const [dir = ''] = positionals
  const taxonomy = await withService(dir, io, (service) => service.taxonomy())
  if (values.json) {
    const keys = taxonomy.keys.map((k) => ({ key: k.key, values: k.values.map((v) => ({ value: v.value, count: v.count })), tree: k.tree }))
    io.out(JSON.stringify({ keys }, null, 2))
    return 0
  }
  for (const key of taxonomy.keys) {
    io.out(`${key.key}:`)
    if (key.tree) printTree(key.tree, 0, io)
    else for (const v of key.values) io.out(`  ${v.value}\t${v.count}`)
  }
  return 0
}

function reportSkipped(skipped: readonly BulkSkip[], io: CliIo): void {
  for (const s of skipped) io.err(`folio: skipped ${s.reason}`)
}

export async function renameValueCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio rename-value DIR KEY OLD NEW [--dry-run]',
    options: { 'dry-run': { type: 'boolean', default: false } },
    positionals: { min: 4, max: 4 },
    dashedPositionals: true,
  })
  const [dir = '', key = '', from = '', to = ''] = positionals
  const dryRun = values['dry-run']
  return withService(dir, io, async (service) => {
    const plan = await service.planFull({ kind: 'rename', key, from, to })
    if (dryRun) {
      for (const file of plan.files) {
        io.out(`--- ${file.path}`)
        for (const hunk of file.hunks) printHunk(hunk, io)
      }
      io.out(`${plan.files.length} file(s) would change; nothing was written (--dry-run).`)
      reportSkipped(plan.skipped, io)
      return plan.skipped.length > 0 ? 1 : 0
    }
    const result = await service.apply(plan.id)
    for (const path of result.changed) io.out(`updated ${path}`)
    reportSkipped(result.skipped, io)
    return result.skipped.length > 0 ? 1 : 0
  })
}
