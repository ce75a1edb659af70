/**
 * The one door from renderer paths to the file system. A path from the renderer is a POSIX path
 * relative to the content root; it is checked for shape, joined once, and must still be inside
 * the root after symlinks are resolved.
 */
import { lstat, realpath } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { FolioError } from '../../shared/errors'

export interface Resolved {
  /** Normalised POSIX path relative to the root ('' for the root itself). */
  rel: string
  /** Absolute path with every existing component's symlinks resolved. */
  abs: string
}

export interface Guard {
  /** The root's real path. */
  readonly root: string
  /**
   * Refuses hostile paths with INVALID_PATH or OUTSIDE_ROOT; the path need not exist yet.
   * `noFollow` resolves the parent only, so a symlink itself (not its target) is renamed or trashed.
   */
  resolve(path: string, options?: { allowRoot?: boolean; noFollow?: boolean }): Promise<Resolved>
  /** The POSIX path of an absolute path inside the root, or null when it is outside. */
  toRel(abs: string): string | null
}

/** `why` is the English; `kind` names it for the UI's language (the reason bad-path). */
function invalid(path: string, kind: string, why: string): FolioError {
  return new FolioError({ code: 'INVALID_PATH', path, message: `Refused the path "${path}": ${why}.`, reason: 'bad-path', params: { path, why: kind } })
}

function outside(path: string): FolioError {
  return new FolioError({
    code: 'OUTSIDE_ROOT',
    path,
    message: `Refused the path "${path}": it leads outside the open folder. Use a path inside the folder.`,
    reason: 'outside-folder',
    params: { path },
  })
}

/** Checks the shape of a renderer path and returns its normalised segments. */
function checkShape(path: string): string[] {
  if (typeof path !== 'string') throw invalid(String(path), 'not-string', 'it is not a string')
  if (path.includes('\0')) throw invalid(path.replaceAll('\0', '\\0'), 'nul', 'it contains a NUL byte')
  if (path.includes('\\')) throw invalid(path, 'backslash', 'use forward slashes; backslashes are not path separators here')
  if (/^[A-Za-z]:/.test(path)) throw invalid(path, 'drive', 'drive letters are not allowed; use a path relative to the folder')
  if (path.startsWith('/')) throw invalid(path, 'absolute', 'absolute paths are not allowed; use a path relative to the folder')
  const segments = path.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.includes('..')) throw outside(path)
  return segments
}

/** Whether an absolute real path is the root or lies under it. */
export function isInside(root: string, abs: string): boolean {
  return abs === root || abs.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * Real path of the deepest existing ancestor, with the missing tail appended; null when a
 * missing component is a dangling symlink (writing through it could land anywhere).
 */
async function realpathLoose(abs: string, tail: string[] = []): Promise<string | null> {
  try {
    const real = await realpath(abs)
    return tail.length ? join(real, ...tail) : real
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    if (
      await lstat(abs).then(
        () => true,
        () => false,
      )
    )
      return null
    const parent = join(abs, '..')
    if (parent === abs) throw error
    const name = abs.slice(parent.length).replace(/^[\\/]+/, '')
    return realpathLoose(parent, [name, ...tail])
  }
}

export async function createGuard(root: string): Promise<Guard> {
  const realRoot = await realpath(root)
  return {
    root: realRoot,
    async resolve(path, options = {}) {
      const segments = checkShape(path)
      if (segments.length === 0 && !options.allowRoot) throw invalid(path, 'root', 'it names the folder itself, not a file in it')
      // Even with noFollow, a symlink that points out of the root is refused outright.
      const real = await realpathLoose(join(realRoot, ...segments))
      if (real === null || !isInside(realRoot, real)) throw outside(path)
      const name = segments.at(-1)
      if (!options.noFollow || name === undefined) return { rel: segments.join('/'), abs: real }
      const dir = await realpathLoose(join(realRoot, ...segments.slice(0, -1)))
      if (dir === null || !isInside(realRoot, dir)) throw outside(path)
      return { rel: segments.join('/'), abs: join(dir, name) }
    },
    toRel(abs) {
      if (!isInside(realRoot, abs)) return null
      return relative(realRoot, abs).split(sep).join('/')
    },
  }
}
