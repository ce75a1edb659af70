/**
 * The folder's optional schema file (`.folio/schema.yml`), read when the schema is asked for and
 * again only when its size or mtime changed. Folio never writes it.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readPins, SCHEMA_FILE, type SchemaPins } from '../../shared/schema'

export interface SchemaFile {
  pins: SchemaPins
  file: string
  errors: string[]
}

export function schemaFileReader(root: string): () => SchemaFile | null {
  let last: { size: number; mtimeMs: number; read: SchemaFile } | null = null
  return () => {
    const abs = join(root, SCHEMA_FILE)
    let size: number
    let mtimeMs: number
    try {
      const s = statSync(abs)
      if (!s.isFile()) return null
      size = s.size
      mtimeMs = s.mtimeMs
    } catch {
      // No schema file (it is optional): the headers alone decide.
      last = null
      return null
    }
    if (last && last.size === size && last.mtimeMs === mtimeMs) return last.read
    let read: SchemaFile
    try {
      const { pins, errors } = readPins(readFileSync(abs, 'utf8'))
      read = { pins, file: SCHEMA_FILE, errors }
    } catch (error) {
      read = { pins: { keys: {}, collections: {} }, file: SCHEMA_FILE, errors: [`${SCHEMA_FILE} could not be read (${(error as Error).message}).`] }
    }
    last = { size, mtimeMs, read }
    return read
  }
}
