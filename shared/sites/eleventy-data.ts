/**
 * Eleventy's data cascade for tags: directory and template data files add tags to every
 * template they reach, merged the way Eleventy merges data (deep merge, lists concatenated,
 * a string tag being a one-item list, duplicates dropped at the end).
 * Which files reach a template follows Eleventy's TemplateData.getLocalDataPaths; JavaScript data
 * files are code: Folio never runs them, so the tags they add are unknown (reported, not read).
 */

/** A data file that may reach a template, and whether it is code (not read). */
export interface DataFileCandidate {
  rel: string
  computed: boolean
  /** A global data file is the value of the key named by its file name (`_data/tags.json` is `tags`). */
  key?: string
}

const JS_EXTENSIONS = ['cjs', 'mjs', 'js']

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/')
  return slash === -1 ? '' : rel.slice(0, slash)
}

/** The name without its template extension (`post.md` → `post`, `index.11ty.js` → `index.11ty`). */
function stem(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/** One base's files, lowest priority first: `base.json`, `base.11tydata.json`, then the code forms. */
function filesOf(base: string): DataFileCandidate[] {
  return [
    { rel: `${base}.json`, computed: false },
    { rel: `${base}.11tydata.json`, computed: false },
    ...JS_EXTENSIONS.map((ext) => ({ rel: `${base}.11tydata.${ext}`, computed: true })),
  ]
}

/**
 * The data files that reach `articleRel` (POSIX, relative to the site root), lowest priority
 * first: the global `tags` data file, directory data files from the outermost folder under the
 * input folder inwards (the input folder itself has none), then the template's own data file.
 */
export function eleventyDataFiles(articleRel: string, inputDir: string, dataDir = '_data'): DataFileCandidate[] {
  const inside = (rel: string): string => (inputDir === '' ? rel : `${inputDir}/${rel}`)
  const globalDir = inside(dataDir)
  const out: DataFileCandidate[] = [
    { rel: `${globalDir}/tags.json`, computed: false, key: 'tags' },
    ...JS_EXTENSIONS.map((ext) => ({ rel: `${globalDir}/tags.${ext}`, computed: true, key: 'tags' })),
  ]
  const dir = parentOf(articleRel)
  const prefix = inputDir === '' ? '' : `${inputDir}/`
  if (prefix !== '' && !`${dir}/`.startsWith(prefix)) return out
  const segments = dir.slice(prefix.length).split('/').filter(Boolean)
  for (let i = 1; i <= segments.length; i++) {
    const folder = prefix + segments.slice(0, i).join('/')
    out.push(...filesOf(`${folder}/${segments[i - 1]}`))
  }
  const name = articleRel.slice(dir === '' ? 0 : dir.length + 1)
  out.push(...filesOf(dir === '' ? stem(name) : `${dir}/${stem(name)}`))
  return out
}

/** Tags as Eleventy normalises one layer's `tags`: a string is one tag, null or absent none. */
function tagList(value: unknown): string[] | null {
  if (value === undefined) return null
  if (value === null) return []
  if (typeof value === 'string') return value === '' ? [] : [value]
  if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String)
  return null
}

/**
 * The tags of the cascade, given each layer's data (lowest priority first; a layer is a data
 * file's object, or the header's tags): lists concatenate, `override:tags` replaces what came
 * before, and duplicates are dropped keeping the first.
 */
export function cascadeTags(layers: readonly Readonly<Record<string, unknown>>[]): string[] {
  let tags: string[] = []
  for (const layer of layers) {
    const replaced = tagList(layer['override:tags'])
    if (replaced) tags = replaced
    const added = tagList(layer.tags)
    if (added) tags = [...tags, ...added]
  }
  return [...new Set(tags)]
}
