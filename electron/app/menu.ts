/**
 * The native application menu and the editor's context menu. Templates come from pure functions
 * of (locale, platform, recent folders) so the tests read labels and accelerators directly.
 *
 * Commands the renderer binds itself (COMMAND_KEYS: save, find, …) show their shortcut with
 * `registerAccelerator: false`: on Windows and Linux the menu does not capture the key, the page
 * gets it once. macOS always registers key equivalents, but there the page sees the key first and
 * the menu only acts on keys the page did not handle (preventDefault), so it still fires once.
 * Editing roles (undo, cut, …) stay native: they act on whatever has focus, and CodeMirror turns
 * the native undo/redo into its own history.
 */
import { Menu, type BrowserWindow, type ContextMenuParams, type MenuItemConstructorOptions } from 'electron'
import { COMMAND_KEYS, type MenuCommand, type UiLocale } from '../../shared/contract'
import { STRINGS, type ShellStrings } from './strings'

const MODIFIERS: Readonly<Record<string, string>> = {
  Mod: 'CmdOrCtrl',
  Shift: 'Shift',
  Alt: 'Alt',
  Ctrl: 'Ctrl',
  Control: 'Ctrl',
  Cmd: 'Command',
  Meta: 'Command',
}

const NAMED_KEYS: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Esc',
  ' ': 'Space',
  Space: 'Space',
  '+': 'Plus',
}

/** CodeMirror key notation ('Mod-Shift-f') to an Electron accelerator ('CmdOrCtrl+Shift+F'). */
export function toAccelerator(keys: string): string {
  const parts = keys.split(/-(?!$)/)
  const key = parts.pop() ?? ''
  const modifiers = parts.map((part) => {
    const modifier = MODIFIERS[part]
    if (modifier === undefined) throw new Error(`Unknown modifier "${part}" in "${keys}"`)
    return modifier
  })
  const name = NAMED_KEYS[key] ?? (key.length === 1 ? key.toUpperCase() : key)
  return [...modifiers, name].join('+')
}

export interface MenuActions {
  /** Forwards a command to the renderer. */
  command(command: MenuCommand): void
  openRecent(folder: string): void
  clearRecent(): void
  openSample(): void
  /** Shows Folio's log file (folio.log in the app's log folder) in the file manager. */
  showLog(): void
  /** Only in a packaged app on macOS and Linux (Windows' installer puts `folio` on PATH). */
  installCommandLine?: () => void
}

export interface MenuOptions {
  locale: UiLocale
  platform: NodeJS.Platform
  /** Recent folders, newest first. */
  recent: readonly string[]
  /** Development build: adds the developer tools toggle. */
  dev: boolean
  actions: MenuActions
}

/** Windows and Linux underline mnemonics ('&File'); macOS would show the ampersand. */
function labeller(platform: NodeJS.Platform): (label: string) => string {
  return platform === 'darwin' ? (label) => label.replace(/\(&\w\)$/, '').replace('&', '') : (label) => label
}

export function buildMenuTemplate({ locale, platform, recent, dev, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const t: ShellStrings = STRINGS[locale]
  const top = labeller(platform)
  const mac = platform === 'darwin'
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const command = (name: MenuCommand, label: string): MenuItemConstructorOptions => ({
    label,
    accelerator: toAccelerator(COMMAND_KEYS[name]),
    registerAccelerator: false,
    click: () => actions.command(name),
  })

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : [
          ...recent.map((folder): MenuItemConstructorOptions => ({ label: folder, click: () => actions.openRecent(folder) })),
          separator,
          { label: t.clearRecent, click: () => actions.clearRecent() },
        ]

  const install = actions.installCommandLine
  const installItems: MenuItemConstructorOptions[] = install ? [{ label: t.installCommand, click: () => install() }] : []

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Folio',
          submenu: [
            { role: 'about', label: t.about },
            separator,
            ...(install ? [...installItems, separator] : []),
            { role: 'services', label: t.services },
            separator,
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.showAll },
            separator,
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : []

  return [
    ...appMenu,
    {
      label: top(t.file),
      submenu: [
        command('new-article', t.newArticle),
        command('open-folder', t.openFolder),
        { label: t.openRecent, submenu: recentItems },
        command('quick-open', t.quickOpen),
        command('command-palette', t.commandPalette),
        separator,
        command('save', t.save),
        command('save-all', t.saveAll),
        command('export', t.export),
        separator,
        mac ? { role: 'close', label: t.closeWindow } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: top(t.edit),
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        separator,
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
        separator,
        command('insert-image', t.insertImage),
        separator,
        command('find', t.find),
        command('search-folder', t.searchFolder),
        command('replace-folder', t.replaceFolder),
      ],
    },
    {
      label: top(t.view),
      submenu: [
        command('toggle-sidebar', t.toggleSidebar),
        command('toggle-properties', t.toggleProperties),
        command('toggle-preview', t.togglePreview),
        separator,
        { role: 'resetZoom', label: t.actualSize },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        separator,
        { role: 'togglefullscreen', label: t.fullScreen },
        ...(dev ? [separator, { role: 'toggleDevTools', label: t.devTools } as const] : []),
      ],
    },
    {
      label: top(t.window),
      // The role belongs on the menu itself: macOS then lists the open windows at its end.
      ...(mac ? { role: 'window' as const } : {}),
      submenu: [
        { role: 'minimize', label: t.minimize },
        ...(mac
          ? [{ role: 'zoom', label: t.zoom } as const, separator, { role: 'front', label: t.front } as const]
          : [{ role: 'close', label: t.closeWindow } as const]),
      ],
    },
    {
      label: top(t.help),
      role: 'help',
      submenu: [
        { label: t.openSample, click: () => actions.openSample() },
        { label: t.showLog, click: () => actions.showLog() },
        ...(mac ? [] : [...installItems, separator, { role: 'about', label: t.about } as const]),
      ],
    },
  ]
}

/** What the context menu needs from Electron's ContextMenuParams. */
export type ContextMenuInput = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
}

/** Spelling suggestions first (as in every native editor), then the clipboard. Empty: no menu. */
export function buildContextMenuTemplate(params: ContextMenuInput, locale: UiLocale, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const t = STRINGS[locale]
  const items: MenuItemConstructorOptions[] = []
  if (params.isEditable && params.misspelledWord !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, 6)
    if (suggestions.length === 0) items.push({ label: t.noGuesses, enabled: false })
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) })
    items.push({ label: t.addToDictionary, click: () => actions.addToDictionary(params.misspelledWord) }, { type: 'separator' })
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: t.cut, enabled: params.editFlags.canCut },
      { role: 'copy', label: t.copy, enabled: params.editFlags.canCopy },
      { role: 'paste', label: t.paste, enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: t.selectAll, enabled: params.editFlags.canSelectAll },
    )
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: t.copy, enabled: params.editFlags.canCopy })
  }
  return items
}

export function setupApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}

/** `locale` is read at each right-click, so a language switch in the UI applies at once. */
export function setupContextMenu(window: BrowserWindow, locale: () => UiLocale): void {
  const contents = window.webContents
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, locale(), {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    })
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window })
  })
}
