/**
 * The words the native shell shows (menus, dialogs) in the two languages Folio speaks. The
 * renderer keeps its own strings; these are only what Electron draws outside the page.
 */

import type { UiLocale } from '../../shared/contract'

export interface ShellStrings {
  file: string
  newArticle: string
  openFolder: string
  openRecent: string
  noRecent: string
  clearRecent: string
  quickOpen: string
  commandPalette: string
  save: string
  saveAll: string
  export: string
  closeWindow: string
  quit: string
  edit: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  selectAll: string
  find: string
  searchFolder: string
  replaceFolder: string
  view: string
  toggleSidebar: string
  toggleProperties: string
  togglePreview: string
  insertImage: string
  insertImageTitle: string
  imagesFilter: string
  actualSize: string
  zoomIn: string
  zoomOut: string
  fullScreen: string
  devTools: string
  window: string
  minimize: string
  zoom: string
  front: string
  help: string
  about: string
  openSample: string
  showLog: string
  installCommand: string
  services: string
  hide: string
  hideOthers: string
  showAll: string
  addToDictionary: string
  noGuesses: string
  openFolderTitle: string
  openFolderButton: string
  unsavedTitle: string
  unsavedMessage: (count: number) => string
  unsavedDetail: string
  saveButton: string
  discardButton: string
  cancelButton: string
  crashedTitle: string
  crashedMessage: string
}

export const STRINGS: Readonly<Record<UiLocale, ShellStrings>> = {
  en: {
    file: '&File',
    newArticle: 'New Article',
    openFolder: 'Open Folder…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Folders',
    clearRecent: 'Clear Recent',
    quickOpen: 'Quick Open…',
    commandPalette: 'Command Palette…',
    save: 'Save',
    saveAll: 'Save All',
    export: 'Export…',
    closeWindow: 'Close Window',
    quit: 'Quit Folio',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    find: 'Find',
    searchFolder: 'Search in Folder…',
    replaceFolder: 'Replace in Folder…',
    view: '&View',
    toggleSidebar: 'Toggle Sidebar',
    toggleProperties: 'Toggle Properties',
    togglePreview: 'Toggle Preview',
    insertImage: 'Insert Image…',
    insertImageTitle: 'Insert Image',
    imagesFilter: 'Images',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Toggle Developer Tools',
    window: '&Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    help: '&Help',
    about: 'About Folio',
    openSample: 'Open Sample Folder',
    showLog: 'Show Log File',
    installCommand: "Install 'folio' Command in PATH",
    services: 'Services',
    hide: 'Hide Folio',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    addToDictionary: 'Add to Dictionary',
    noGuesses: 'No Guesses Found',
    openFolderTitle: 'Open Content Folder',
    openFolderButton: 'Open',
    unsavedTitle: 'Unsaved Changes',
    unsavedMessage: (count) => (count === 1 ? 'Save the changes to 1 article before closing?' : `Save the changes to ${count} articles before closing?`),
    unsavedDetail: "Your changes will be lost if you don't save them.",
    saveButton: 'Save',
    discardButton: "Don't Save",
    cancelButton: 'Cancel',
    crashedTitle: 'Folio stopped working',
    crashedMessage: 'The window crashed several times in a row. Your unsaved changes are kept and offered back at the next start.',
  },
  'zh-CN': {
    file: '文件(&F)',
    newArticle: '新建文章',
    openFolder: '打开文件夹…',
    openRecent: '最近打开',
    noRecent: '没有最近打开的文件夹',
    clearRecent: '清除最近记录',
    quickOpen: '快速打开…',
    commandPalette: '命令面板…',
    save: '保存',
    saveAll: '全部保存',
    export: '导出…',
    closeWindow: '关闭窗口',
    quit: '退出 Folio',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    find: '查找',
    searchFolder: '在文件夹中搜索…',
    replaceFolder: '在文件夹中替换…',
    view: '视图(&V)',
    toggleSidebar: '显示/隐藏侧边栏',
    toggleProperties: '显示/隐藏属性',
    togglePreview: '显示/隐藏预览',
    insertImage: '插入图片…',
    insertImageTitle: '插入图片',
    imagesFilter: '图片',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    devTools: '切换开发者工具',
    window: '窗口(&W)',
    minimize: '最小化',
    zoom: '缩放',
    front: '前置全部窗口',
    help: '帮助(&H)',
    about: '关于 Folio',
    openSample: '打开示例文件夹',
    showLog: '显示日志文件',
    installCommand: '在 PATH 中安装 folio 命令',
    services: '服务',
    hide: '隐藏 Folio',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    addToDictionary: '添加到词典',
    noGuesses: '没有拼写建议',
    openFolderTitle: '打开内容文件夹',
    openFolderButton: '打开',
    unsavedTitle: '未保存的更改',
    unsavedMessage: (count) => `关闭前是否保存对 ${count} 篇文章的更改？`,
    unsavedDetail: '如果不保存，你的更改将会丢失。',
    saveButton: '保存',
    discardButton: '不保存',
    cancelButton: '取消',
    crashedTitle: 'Folio 停止响应',
    crashedMessage: '窗口接连崩溃了几次。未保存的更改已保留，下次启动时会提供恢复。',
  },
}
