/**
 * A program's absolute path from PATH only. A bare name would be looked up in the working
 * folder first on Windows, so a `git.exe` shipped inside a cloned site would run instead.
 */
import { existsSync, statSync } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'

export function findProgram(name: string): string | null {
  const names = process.platform === 'win32' ? (process.env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';').map((ext) => `${name}${ext.toLowerCase()}`) : [name]
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue
    for (const candidate of names.map((n) => join(dir, n))) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}
