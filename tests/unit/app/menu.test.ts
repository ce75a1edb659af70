import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuCommand } from '../../../shared/contract'
import { COMMAND_KEYS } from '../../../shared/contract'
import {
  buildContextMenuTemplate,
  buildMenuTemplate,
  setupApplicationMenu,
  setupContextMenu,
  toAccelerator,
  type ContextMenuInput,
  type MenuOptions,
} from '../../../electron/app/menu'
import { BrowserWindow, FakeEvent, Menu, type FakeMenuItem } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

let commands: MenuCommand[]
let opened: string[]
let cleared: number
let samples: number
let logShown: number

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    locale: 'en',
    platform: 'linux',
    recent: [],
    dev: false,
    actions: {
      command: (command) => commands.push(command),
      openRecent: (folder) => opened.push(folder),
      clearRecent: () => cleared++,
      openSample: () => samples++,
      showLog: () => logShown++,
    },
    ...overrides,
  }
}

/** Every item of a template, depth first. */
function flatten(items: readonly FakeMenuItem[]): FakeMenuItem[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

const template = (overrides: Partial<MenuOptions> = {}): FakeMenuItem[] => flatten(buildMenuTemplate(options(overrides)) as FakeMenuItem[])

/** The accelerators Electron gives the roles we use (and the OS keeps for itself). */
const RESERVED = [
  'CmdOrCtrl+Z',
  'Shift+CmdOrCtrl+Z',
  'CmdOrCtrl+Shift+Z',
  'CmdOrCtrl+Y',
  'CmdOrCtrl+X',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+A',
  'CmdOrCtrl+0',
  'CmdOrCtrl+Plus',
  'CmdOrCtrl+-',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+M',
  'CmdOrCtrl+H',
  'CmdOrCtrl+Alt+H',
  'CmdOrCtrl+Alt+I',
  'CmdOrCtrl+Shift+I',
  'F11',
]

beforeEach(() => {
  commands = []
  opened = []
  cleared = 0
  samples = 0
  logShown = 0
})

describe('toAccelerator', () => {
  it.each([
    ['Mod-s', 'CmdOrCtrl+S'],
    ['Mod-Shift-f', 'CmdOrCtrl+Shift+F'],
    ['Mod-Alt-p', 'CmdOrCtrl+Alt+P'],
    ['Ctrl--', 'Ctrl+-'],
    ['Mod-ArrowUp', 'CmdOrCtrl+Up'],
    ['F5', 'F5'],
  ])('%s → %s', (keys, accelerator) => {
    expect(toAccelerator(keys)).toBe(accelerator)
  })

  it('refuses a modifier Electron would not understand', () => {
    expect(() => toAccelerator('Hyper-s')).toThrow(/Unknown modifier/)
  })
})

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)("on %s, every command shows the renderer's keys without capturing them", (platform) => {
    const items = template({ platform })
    for (const command of Object.keys(COMMAND_KEYS) as MenuCommand[]) {
      const matching = items.filter((item) => item.accelerator === toAccelerator(COMMAND_KEYS[command]))
      expect(matching, command).toHaveLength(1)
      expect(matching[0]?.registerAccelerator, command).toBe(false)
      matching[0]?.click?.()
    }
    // A click sends each command once; nothing else in the menu sends one.
    expect(commands).toEqual(Object.keys(COMMAND_KEYS))
  })

  it('puts the Window role on the macOS Window menu itself, not on an item inside it', () => {
    const top = buildMenuTemplate(options({ platform: 'darwin' })) as FakeMenuItem[]
    const windowMenu = top.find((item) => item.label === 'Window')
    expect(windowMenu?.role).toBe('window')
    expect(flatten(windowMenu?.submenu ?? []).map((item) => item.role)).not.toContain('window')
    expect(template().map((item) => item.role)).not.toContain('window')
  })

  it('no command key collides with an editing, zoom or window shortcut', () => {
    const accelerators = Object.values(COMMAND_KEYS).map(toAccelerator)
    expect(new Set(accelerators).size).toBe(accelerators.length)
    for (const accelerator of accelerators) expect(RESERVED).not.toContain(accelerator)
  })

  it("offers Install 'folio' Command only when the app can link it (packaged macOS and Linux)", () => {
    expect(template().some((item) => item.label === "Install 'folio' Command in PATH")).toBe(false)
    let installs = 0
    for (const platform of ['linux', 'darwin'] as const) {
      const actions = { ...options().actions, installCommandLine: () => installs++ }
      const top = buildMenuTemplate(options({ platform, actions })) as FakeMenuItem[]
      // macOS: the app menu (first); Linux: Help (last).
      const menu = platform === 'darwin' ? top[0] : top[top.length - 1]
      const item = flatten(Array.isArray(menu?.submenu) ? menu.submenu : []).find((i) => i.label === "Install 'folio' Command in PATH")
      item?.click?.()
    }
    expect(installs).toBe(2)
  })

  it('keeps editing native: undo, redo, cut, copy, paste and select all are roles', () => {
    const roles = template().map((item) => item.role)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })

  it('has File, Edit, View, Window and Help, plus the app menu on macOS', () => {
    const linux = buildMenuTemplate(options()) as FakeMenuItem[]
    expect(linux.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
    const mac = buildMenuTemplate(options({ platform: 'darwin' })) as FakeMenuItem[]
    expect(mac.map((item) => item.label)).toEqual(['Folio', 'File', 'Edit', 'View', 'Window', 'Help'])
    expect(flatten(mac[0]?.submenu ?? []).map((item) => item.role)).toEqual(
      expect.arrayContaining(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']),
    )
    expect(template({ platform: 'linux' }).some((item) => item.role === 'quit')).toBe(true)
  })

  it('speaks Simplified Chinese', () => {
    const zh = buildMenuTemplate(options({ locale: 'zh-CN' })) as FakeMenuItem[]
    expect(zh.map((item) => item.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)'])
    const mac = buildMenuTemplate(options({ locale: 'zh-CN', platform: 'darwin' })) as FakeMenuItem[]
    expect(mac.map((item) => item.label)).toEqual(['Folio', '文件', '编辑', '视图', '窗口', '帮助'])
    const save = flatten(zh).find((item) => item.accelerator === 'CmdOrCtrl+S')
    expect(save?.label).toBe('保存')
    expect(flatten(zh).find((item) => item.role === 'undo')?.label).toBe('撤销')
  })

  it('lists recent folders and clears them', () => {
    const items = template({ recent: ['/home/me/blog', '/home/me/site'] })
    items.find((item) => item.label === '/home/me/site')?.click?.()
    items.find((item) => item.label === 'Clear Recent')?.click?.()
    expect(opened).toEqual(['/home/me/site'])
    expect(cleared).toBe(1)
    expect(template().find((item) => item.label === 'No Recent Folders')?.enabled).toBe(false)
  })

  it('offers developer tools only in development, and the sample folder and the log file in Help', () => {
    expect(template().some((item) => item.role === 'toggleDevTools')).toBe(false)
    expect(template({ dev: true }).some((item) => item.role === 'toggleDevTools')).toBe(true)
    template()
      .find((item) => item.label === 'Open Sample Folder')
      ?.click?.()
    expect(samples).toBe(1)
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      template({ platform })
        .find((item) => item.label === 'Show Log File')
        ?.click?.()
    expect(logShown).toBe(3)
    expect(template({ locale: 'zh-CN' }).some((item) => item.label === '显示日志文件')).toBe(true)
  })

  it('installs the menu', () => {
    setupApplicationMenu(options())
    expect(Menu.application?.template.map((item) => item.label)).toContain('&File')
  })
})

describe('context menu', () => {
  const editable: ContextMenuInput = {
    isEditable: true,
    selectionText: '',
    misspelledWord: 'teh',
    dictionarySuggestions: ['the', 'tech', 'ten'],
    editFlags: {
      canUndo: true,
      canRedo: false,
      canCut: false,
      canCopy: false,
      canPaste: true,
      canDelete: false,
      canSelectAll: true,
      canEditRichly: false,
    },
  }

  it('puts spelling suggestions first, then cut, copy and paste', () => {
    const replaced: string[] = []
    const added: string[] = []
    const items = buildContextMenuTemplate(editable, 'en', {
      replaceMisspelling: (word) => replaced.push(word),
      addToDictionary: (word) => added.push(word),
    }) as FakeMenuItem[]
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      'the',
      'tech',
      'ten',
      'Add to Dictionary',
      'separator',
      'Cut',
      'Copy',
      'Paste',
      'separator',
      'Select All',
    ])
    expect(items.find((item) => item.role === 'cut')?.enabled).toBe(false)
    expect(items.find((item) => item.role === 'paste')?.enabled).toBe(true)
    items[1]?.click?.()
    items[3]?.click?.()
    expect(replaced).toEqual(['tech'])
    expect(added).toEqual(['teh'])
  })

  it('says so when the dictionary has no guess, in Chinese too', () => {
    const items = buildContextMenuTemplate({ ...editable, dictionarySuggestions: [] }, 'zh-CN', {
      replaceMisspelling: () => undefined,
      addToDictionary: () => undefined,
    }) as FakeMenuItem[]
    expect(items[0]).toMatchObject({ label: '没有拼写建议', enabled: false })
    expect(items.map((item) => item.label)).toContain('粘贴')
  })

  it('offers copy for selected read-only text and nothing on empty space', () => {
    const readOnly = { ...editable, isEditable: false, misspelledWord: '', editFlags: { ...editable.editFlags, canCopy: true } }
    const actions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined }
    expect(buildContextMenuTemplate({ ...readOnly, selectionText: 'hello' }, 'en', actions).map((item) => item.role)).toEqual(['copy'])
    expect(buildContextMenuTemplate(readOnly, 'en', actions)).toEqual([])
  })

  it('pops up on right click and replaces the misspelling in the page', () => {
    const window = new BrowserWindow({})
    setupContextMenu(window as never, () => 'en')
    window.webContents.emit('context-menu', new FakeEvent(), editable)
    const menu = Menu.built.at(-1)
    expect(menu?.popups).toEqual([{ window }])
    menu?.template[0]?.click?.()
    menu?.template[3]?.click?.()
    expect(window.webContents.replaced).toEqual(['the'])
    expect(window.webContents.session.dictionary).toEqual(['teh'])
  })
})
