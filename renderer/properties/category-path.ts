/**
 * Hexo's nested categories as the form types them. `categories: [A, B]` is ONE path (B inside A);
 * a list holding lists is several, each item its own path (`[[A, B], C]`: A › B, and C). A path
 * typed as `X > Y` (or `X › Y`) is a new, separate category, so the value is written as the
 * generator must read it, in the plainest form that says so.
 */
import { addListItem, fieldToEditValue, parse, setValue } from '../../shared/frontmatter'
import type { EditOptions, TextPatch } from '../../shared/frontmatter/types'
import { CATEGORY_SEPARATOR } from '../../shared/contract'

/** What a chip entry typed: a path of two or more levels, or one plain value. */
export function typedPath(text: string): string[] | string {
  const parts = text.split(/\s*[›>]\s*/).map((p) => p.trim())
  if (parts.length < 2 || parts.some((p) => p === '')) return text.trim()
  return parts
}

/** A path as the form shows it, `A › B`. */
export function shownPath(path: readonly string[]): string {
  return path.join(CATEGORY_SEPARATOR)
}

/** Adds `path` as a category of its own beside those `key` holds. */
export function addCategoryPath(doc: string, key: string, path: string[], options: EditOptions): TextPatch[] {
  const value = parse(doc, options).fields.find((f) => f.key === key)?.value
  const empty = !value || value.type === 'null' || (value.type === 'string' && value.value.trim() === '') || (value.type === 'list' && value.items.length === 0)
  // The only category: a plain list is that path.
  if (empty) return setValue(doc, key, path, options)
  if (value.type === 'list' && value.items.length > 1 && value.items.every((item) => item.type !== 'list')) {
    // One path written plain (A, B): it becomes the first item of a list of paths.
    return setValue(doc, key, [value.items.map(fieldToEditValue), path], options)
  }
  // Already a list of paths, a lone item or a string: the new path is one more item.
  return addListItem(doc, key, path, options)
}
