/**
 * The "Install 'folio' Command in PATH" menu item: links the packaged launcher onto PATH
 * (cli-path.ts), asks before replacing another `folio`, asks macOS for an administrator when
 * /usr/local/bin is not writable, and says where the command now is.
 */
import { execFile } from 'node:child_process'
import { homedir } from 'node:os'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import { dialog, type BrowserWindow } from 'electron'
import { linkCommandLine, planCommandLine } from './cli-path'
import type { UiLocale } from '../../shared/contract'

const TEXT = {
  en: {
    title: "Install 'folio' Command",
    done: (link: string) => `The folio command is installed at ${link}.`,
    doneDetail: 'Open a new terminal and run "folio --help".',
    notOnPath: (dir: string) => `${dir} is not on the PATH Folio was started with: add it in your shell's profile if "folio" is not found.`,
    already: (link: string) => `The folio command is already installed at ${link}.`,
    conflict: (link: string, target: string | null) => `${link} is ${target === null ? 'a file' : `a link to ${target}`}, not Folio's command. Replace it?`,
    replace: 'Replace',
    cancel: 'Cancel',
    failed: (link: string) => `Folio could not install the folio command at ${link}.`,
    windows: 'On Windows the Folio installer puts the folio command on PATH.',
    appimage: 'An AppImage is only mounted while it runs, so its command cannot stay on PATH: install the .deb package to get the folio command.',
  },
  'zh-CN': {
    title: '安装 folio 命令',
    done: (link: string) => `folio 命令已安装到 ${link}。`,
    doneDetail: '打开新的终端，运行 "folio --help"。',
    notOnPath: (dir: string) => `${dir} 不在 Folio 启动时的 PATH 中：如果找不到 "folio"，请在 shell 配置文件中加入它。`,
    already: (link: string) => `folio 命令已经安装在 ${link}。`,
    conflict: (link: string, target: string | null) => `${link} 是${target === null ? '一个文件' : `指向 ${target} 的链接`}，不是 Folio 的命令。要替换吗？`,
    replace: '替换',
    cancel: '取消',
    failed: (link: string) => `Folio 无法把 folio 命令安装到 ${link}。`,
    windows: '在 Windows 上，Folio 安装程序会把 folio 命令加入 PATH。',
    appimage: 'AppImage 只在运行时挂载，其命令无法留在 PATH 中：请安装 .deb 包以获得 folio 命令。',
  },
} as const

/** Single quotes for the shell, inside a double-quoted AppleScript string. */
function adminShell(command: string): string {
  return `do shell script "${command.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`
}
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

export async function installCommandLine(window: BrowserWindow, locale: UiLocale): Promise<void> {
  const t = TEXT[locale]
  const info = (message: string, detail?: string, type: 'info' | 'error' = 'info') =>
    dialog.showMessageBox(window, { type, title: t.title, message, ...(detail ? { detail } : {}) })
  const plan = planCommandLine({
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    home: homedir(),
    path: process.env.PATH,
    appImage: process.env.APPIMAGE,
  })
  if ('unavailable' in plan) {
    await info(t[plan.unavailable])
    return
  }
  try {
    let result = await linkCommandLine(plan.launcher, plan.link, false)
    if (typeof result === 'object') {
      const { response } = await dialog.showMessageBox(window, {
        type: 'question',
        title: t.title,
        message: t.conflict(plan.link, result.conflict),
        buttons: [t.replace, t.cancel],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      if (response !== 0) return
      result = await linkCommandLine(plan.launcher, plan.link, true)
    }
    const detail = [t.doneDetail, ...(plan.onPath ? [] : [t.notOnPath(dirname(plan.link))])].join('\n')
    await info(result === 'already' ? t.already(plan.link) : t.done(plan.link), detail)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (process.platform === 'darwin' && (code === 'EACCES' || code === 'EPERM')) {
      // /usr/local/bin belongs to root on a fresh Mac: macOS asks for an administrator's password.
      const command = `mkdir -p ${shellQuote(dirname(plan.link))} && ln -sfn ${shellQuote(plan.launcher)} ${shellQuote(plan.link)}`
      const ok = await promisify(execFile)('osascript', ['-e', adminShell(command)]).then(
        () => true,
        () => false,
      )
      if (ok) {
        await info(t.done(plan.link), t.doneDetail)
        return
      }
    }
    await info(t.failed(plan.link), error instanceof Error ? error.message : String(error), 'error')
  }
}
