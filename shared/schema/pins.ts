/**
 * The optional schema file at the folder root, `.folio/schema.yml`: it pins a key's kind, adds
 * choices, or marks a key required, for the whole folder or per collection. Folio reads it and
 * never writes it. A mistake in it is reported by line and the rest of the file still applies.
 *
 *     keys:
 *       cover: image
 *       status: { kind: text, choices: [idea, writing, done] }
 *       title: { required: true }
 *     collections:
 *       posts:
 *         description: { kind: longtext, required: true }
 */
import { parseDocument } from 'yaml'
import { SCHEMA_FILE } from './file'
import { FIELD_KINDS, type FieldKind, type KeyPin, type SchemaPins } from './types'

export { SCHEMA_FILE }

export interface ReadPins {
  pins: SchemaPins
  errors: string[]
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isKind(v: unknown): v is FieldKind {
  return typeof v === 'string' && (FIELD_KINDS as readonly string[]).includes(v)
}

function readKeys(source: unknown, where: string, errors: string[]): Record<string, KeyPin> {
  const out: Record<string, KeyPin> = {}
  if (source === undefined || source === null) return out
  if (!isRecord(source)) {
    errors.push(`${where} should map key names to a kind or to { kind, choices, required }.`)
    return out
  }
  for (const [key, spec] of Object.entries(source)) {
    const at = `${where}.${key}`
    if (isKind(spec)) {
      out[key] = { kind: spec }
      continue
    }
    if (!isRecord(spec)) {
      errors.push(`${at}: "${String(spec)}" is not a kind; use one of ${FIELD_KINDS.join(', ')}.`)
      continue
    }
    const pin: KeyPin = {}
    if (spec.kind !== undefined) {
      if (isKind(spec.kind)) pin.kind = spec.kind
      else errors.push(`${at}.kind: "${String(spec.kind)}" is not a kind; use one of ${FIELD_KINDS.join(', ')}.`)
    }
    if (spec.choices !== undefined) {
      if (Array.isArray(spec.choices)) pin.choices = spec.choices.map((c) => String(c))
      else errors.push(`${at}.choices should be a list, like [a, b].`)
    }
    if (spec.required !== undefined) {
      if (typeof spec.required === 'boolean') pin.required = spec.required
      else errors.push(`${at}.required should be true or false.`)
    }
    out[key] = pin
  }
  return out
}

/** Reads the schema file's text; `name` is how errors refer to it. */
export function readPins(text: string, name = SCHEMA_FILE): ReadPins {
  const errors: string[] = []
  const pins: SchemaPins = { keys: {}, collections: {} }
  const doc = parseDocument(text)
  if (doc.errors.length > 0) {
    const first = doc.errors[0]
    const line = first?.linePos?.[0].line
    const message = (first?.message ?? 'not valid YAML').split(' at line ')[0]
    errors.push(`${name}${line ? ` line ${line}` : ''}: ${message}. Fix it; until then the file is ignored.`)
    return { pins, errors }
  }
  const root: unknown = doc.toJS()
  if (root === null || root === undefined) return { pins, errors }
  if (!isRecord(root)) {
    errors.push(`${name} should be a mapping with "keys" and "collections".`)
    return { pins, errors }
  }
  pins.keys = readKeys(root.keys, `${name}: keys`, errors)
  if (root.collections !== undefined) {
    if (!isRecord(root.collections)) errors.push(`${name}: collections should map collection names to keys.`)
    else {
      for (const [name2, keys] of Object.entries(root.collections)) {
        pins.collections[name2] = readKeys(isRecord(keys) && 'keys' in keys ? keys.keys : keys, `${name}: collections.${name2}`, errors)
      }
    }
  }
  for (const extra of Object.keys(root)) {
    if (extra !== 'keys' && extra !== 'collections') errors.push(`${name}: "${extra}" is not understood; only keys and collections are.`)
  }
  return { pins, errors }
}
