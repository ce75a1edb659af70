/**
 * The files the preview's last site answer read that the folder's watcher does not report (it
 * reports articles only): a Hexo `{% include_code %}` file in the code folder, a page a Jekyll
 * `{% link %}` names. They are watched on their own, one small watcher for the window, and a
 * change to one (written, replaced, removed, or created where it was missing) tells the window to
 * ask again, so the preview shows the file as it is now without the article changing.
 */
import { watch, type FSWatcher } from 'chokidar'
import { relative, sep } from 'node:path'
import { log } from '../log/log'

export interface ReferenceWatch {
  /** Watches these files (absolute, inside `root`) instead of the last ones; settles once they are watched. */
  follow(root: string, files: readonly string[]): Promise<void>
  close(): Promise<void>
}

/** `onChange` gets the changed files (POSIX, relative to the root), once the events have been quiet for `quietMs`. */
export function referenceWatch(onChange: (paths: string[]) => void, quietMs = 100): ReferenceWatch {
  let watcher: FSWatcher | null = null
  let following = ''
  let timer: NodeJS.Timeout | undefined
  let changed = new Set<string>()
  const stop = () => {
    clearTimeout(timer)
    changed = new Set()
    const closing = watcher?.close()
    watcher = null
    return closing
  }
  return {
    follow(root, files) {
      const wanted = [...new Set(files)].sort()
      const key = [root, ...wanted].join('\n')
      if (key === following) return Promise.resolve()
      following = key
      void stop()
      if (wanted.length === 0) return Promise.resolve()
      const current = watch(wanted, { ignoreInitial: true, followSymlinks: false, atomic: false })
      watcher = current
      const note = (abs: string) => {
        if (watcher !== current) return
        changed.add(relative(root, abs).split(sep).join('/'))
        clearTimeout(timer)
        timer = setTimeout(() => {
          const paths = [...changed]
          changed = new Set()
          onChange(paths)
        }, quietMs)
      }
      for (const event of ['add', 'change', 'unlink'] as const) current.on(event, note)
      current.on('error', (error) =>
        log.warn('preview', `Watching the files the preview shows from ${root} failed; a change to them shows once the article changes.`, error),
      )
      return new Promise((resolve) => current.once('ready', () => resolve()))
    },
    async close() {
      following = ''
      await stop()
    },
  }
}
