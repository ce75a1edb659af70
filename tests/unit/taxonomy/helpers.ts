/** Temporary copies of the taxonomy fixture sites, a workspace over them, and byte snapshots. */
import { cp, readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTaxonomyService, type TaxonomyService } from '../../../electron/taxonomy/service'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'
import { afterThisTest, tempDir as scratch } from '../temp-dir'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))

export const tempDir = (prefix = 'folio-taxonomy-'): Promise<string> => scratch(prefix)

/** A fresh copy of tests/fixtures/<name> (e.g. 'taxonomy/hexo' or 'sites/jekyll'). */
export async function copyFixture(name: string): Promise<string> {
  const root = join(await tempDir(), 'site')
  await cp(join(FIXTURES, name), root, { recursive: true })
  return root
}

export interface Opened {
  root: string
  workspace: Workspace
  service: TaxonomyService
  journalDir: string
}

export async function openService(root: string, journalDir?: string): Promise<Opened> {
  const workspace = await openWorkspace({ root, trash: async () => undefined })
  afterThisTest(() => workspace.close())
  const dir = journalDir ?? (await tempDir('folio-bulk-journal-'))
  return { root: workspace.info.root, workspace, service: createTaxonomyService(workspace, { journalDir: dir }), journalDir: dir }
}

/** Every file under root (POSIX paths) with its bytes. */
export async function snapshot(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const abs = join(entry.parentPath, entry.name)
    out.set(relative(root, abs).split(sep).join('/'), await readFile(abs))
  }
  return out
}

/** Paths whose bytes differ between two snapshots (or exist in only one). */
export function changedPaths(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()])
  return [...paths].filter((p) => !before.get(p)?.equals(after.get(p) ?? Buffer.alloc(0)) || !after.has(p)).sort()
}

/** 0-based indexes of the lines that differ between two texts of the same line count. */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n')
  const b = after.split('\n')
  if (a.length !== b.length) throw new Error(`line counts differ: ${a.length} → ${b.length}`)
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]))
}
