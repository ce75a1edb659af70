/**
 * Putting the `folio` command on PATH for an installed app, as editors with a command line do:
 * a symbolic link, in a folder on PATH, to the launcher the app ships in resources/bin (which
 * runs the bundled command line on the app's own Electron as Node). Windows gets the command
 * from its installer (resources/installer.nsh). No Electron import: the menu's glue lives in
 * install-cli.ts, and this part is tested on real folders.
 */
import { lstat, mkdir, readlink, rename, symlink, unlink } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'

export interface CommandLineEnv {
  platform: NodeJS.Platform
  resourcesPath: string
  home: string
  /** The PATH the app was started with (from a desktop session, often shorter than a shell's). */
  path: string | undefined
  /** Set by the AppImage runtime: the app runs from a mount that vanishes when it quits. */
  appImage: string | undefined
}

export type CommandLinePlan = { launcher: string; link: string; onPath: boolean } | { unavailable: 'windows' | 'appimage' }

/**
 * macOS links into /usr/local/bin (on every shell's PATH; may need an administrator), Linux into
 * ~/.local/bin (the user's own, on PATH in the common distributions' shell profiles).
 */
export function planCommandLine(env: CommandLineEnv): CommandLinePlan {
  if (env.platform === 'win32') return { unavailable: 'windows' }
  if (env.appImage) return { unavailable: 'appimage' }
  const link = env.platform === 'darwin' ? '/usr/local/bin/folio' : join(env.home, '.local', 'bin', 'folio')
  const onPath = (env.path ?? '').split(delimiter).some((dir) => dir.replace(/\/+$/, '') === dirname(link))
  return { launcher: join(env.resourcesPath, 'bin', 'folio'), link, onPath }
}

/** `conflict`: something else stands where the link goes (the target of a link, or null for a file). */
export type LinkResult = 'linked' | 'already' | { conflict: string | null }

/**
 * Links `link` to `launcher`. Something else at `link` (another program's `folio`, or a link to
 * an older install elsewhere) is replaced only with `replace`; the swap is a rename, so there is
 * never a moment without a command. Permission errors are thrown for the caller to escalate.
 */
export async function linkCommandLine(launcher: string, link: string, replace: boolean): Promise<LinkResult> {
  const existing = await lstat(link).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (existing?.isSymbolicLink() && (await readlink(link)) === launcher) return 'already'
  if (existing && !replace) return { conflict: existing.isSymbolicLink() ? await readlink(link) : null }
  await mkdir(dirname(link), { recursive: true })
  const temp = `${link}.folio-${process.pid}`
  await symlink(launcher, temp)
  try {
    await rename(temp, link)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  return 'linked'
}
