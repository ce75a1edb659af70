/**
 * The tags an Eleventy site's data files give its templates (shared/sites/eleventy-data.ts):
 * JSON data files are read once and kept; JavaScript ones are never run, and each one found is
 * reported once as a warning, since the tags it may add are not shown.
 */
import { lstatSync } from 'node:fs'
import { join } from 'node:path'
import type { FolderWarning } from '../../shared/contract'
import { cascadeTags, eleventyDataFiles } from '../../shared/sites/eleventy-data'
import { readRegularFileSync } from './open-inside'

type Data = Readonly<Record<string, unknown>>

export class EleventyData {
  /** Each data file's object; null when absent, unreadable or code. */
  private files = new Map<string, Data | null>()
  /** Tags inherited per template folder plus name stem, as computed. */
  private memo = new Map<string, string[]>()
  readonly warnings: FolderWarning[] = []

  constructor(
    private readonly root: string,
    private readonly inputDir: string,
  ) {}

  /** The tags the data files give `articleRel`, lowest priority first, before its header's. */
  inherited(articleRel: string): string[] {
    let tags = this.memo.get(articleRel)
    if (!tags) {
      const layers = eleventyDataFiles(articleRel, this.inputDir)
        .map((c) => this.read(c.rel, c.computed, c.key))
        .filter((d): d is Data => d !== null)
      tags = cascadeTags(layers)
      this.memo.set(articleRel, tags)
    }
    return tags
  }

  /** The tags Eleventy gives a template: the data files' and then the header's, duplicates dropped. */
  tagsOf(articleRel: string, headerTags: readonly string[]): string[] {
    const inherited = this.inherited(articleRel)
    return inherited.length === 0 ? [...headerTags] : [...new Set([...inherited, ...headerTags])]
  }

  private read(rel: string, computed: boolean, key: string | undefined): Data | null {
    if (this.files.has(rel)) return this.files.get(rel) ?? null
    let data: Data | null = null
    const abs = join(this.root, rel)
    // Links are not followed: a data file must be a regular file inside the folder.
    const isFile = ((): boolean => {
      try {
        return lstatSync(abs).isFile()
      } catch {
        // No such data file.
        return false
      }
    })()
    if (isFile && computed) {
      this.warnings.push({
        path: rel,
        message: `${rel} is an Eleventy data file written in JavaScript: Folio does not run code from a site, so tags it computes are not shown (not read, computed by code).`,
        reason: 'eleventy-code',
        params: { path: rel },
      })
    } else if (isFile) {
      try {
        const value: unknown = JSON.parse(readRegularFileSync(abs).toString('utf8'))
        if (key !== undefined) data = { [key]: value }
        else if (typeof value === 'object' && value !== null && !Array.isArray(value)) data = value as Data
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        this.warnings.push({
          path: rel,
          message: `${rel} could not be read as JSON (${reason}), so the tags it gives are not shown; Eleventy will stop on it too. Fix the file and open the folder again.`,
          reason: 'eleventy-json',
          params: { path: rel, detail: reason },
        })
      }
    }
    this.files.set(rel, data)
    return data
  }
}
