import { cp, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'parse5'
import { tempDir as scratch } from '../temp-dir'

export const HEXO = fileURLToPath(new URL('../../fixtures/sites/hexo/', import.meta.url))
export const SEED = fileURLToPath(new URL('../../fixtures/export/seed/000_96ee1b00782f1bda.txt', import.meta.url))

export const tempDir = (): Promise<string> => scratch('folio-export-')

/** A fresh folder holding these files (POSIX paths → text), removed after the test. */
export async function folderWith(files: Record<string, string>): Promise<string> {
  const root = await tempDir()
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true })
    await writeFile(join(root, rel), text)
  }
  return root
}

/** A private copy of a fixture (tests never write next to the fixtures). */
export async function copyOf(fixture: string): Promise<string> {
  const dir = join(await tempDir(), 'site')
  await cp(fixture, dir, { recursive: true })
  return dir
}

export interface El {
  tag: string
  attrs: Record<string, string>
  text: string
}

interface P5Node {
  nodeName: string
  tagName?: string
  value?: string
  attrs?: { name: string; value: string }[]
  childNodes?: P5Node[]
  content?: P5Node
}

function textOf(node: P5Node): string {
  if (node.nodeName === '#text') return node.value ?? ''
  return (node.childNodes ?? []).map(textOf).join('')
}

/** Every element of an HTML document, parsed by a spec-compliant parser. */
export function elements(html: string): El[] {
  const out: El[] = []
  const walk = (node: P5Node): void => {
    if (node.tagName) out.push({ tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), text: textOf(node) })
    for (const child of node.childNodes ?? []) walk(child)
    if (node.content) walk(node.content)
  }
  walk(parse(html) as unknown as P5Node)
  return out
}

/** What a spec-compliant parser complains about (parse5's error codes with their line). */
export function parseErrors(html: string): string[] {
  const errors: string[] = []
  parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}`) })
  return errors
}

export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)))
    else out.push(rel)
  }
  return out.sort()
}
