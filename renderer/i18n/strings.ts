/** UI strings. Every key exists in both languages; the type makes a missing one a compile error. */
const en = {
  appName: 'Folio',
  library: 'Articles',
  openFolder: 'Open folder…',
  noFolder: 'No folder is open.',
  noArticles: 'No articles in this folder.',
  noArticleOpen: 'Choose an article on the left to edit it.',
  editor: 'Article text',
  preview: 'Preview',
  properties: 'Properties',
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  saveFailed: 'Save failed',
  conflict: 'Changed on disk',
  save: 'Save',
  draft: 'Draft',
  headerError: 'Header error',
  words: 'words',
  characters: 'characters',
  minutes: 'min read',
  line: 'Ln',
  column: 'Col',
  readOnly: 'Read-only',
  conflictTitle: 'This file was changed on disk',
  conflictBody: 'Another program changed {path} after you opened it. Choose what to keep.',
  reload: 'Reload from disk (discard my edits)',
  keepMine: 'Keep mine (overwrite the disk version)',
  compare: 'Compare side by side',
  closeCompare: 'Close comparison',
  diskVersion: 'On disk',
  myVersion: 'Mine',
  cancel: 'Cancel',
  unsavedSwitch: '{path} has unsaved changes. Save them before opening another article?',
  discard: "Don't save",
  language: 'Language',
  search: 'Search articles',
  headerParseReadOnly: 'The header does not parse, so the form is read-only. Fix it in the text: {message} (line {line}).',
  addField: 'Add field',
  removeField: 'Remove {key}',
  fieldName: 'Field name',
  theme: 'Theme',
  toggleProperties: 'Show or hide properties',
} as const

export type StringKey = keyof typeof en
export type Strings = Record<StringKey, string>

const zhCN: Strings = {
  appName: 'Folio',
  library: '文章',
  openFolder: '打开文件夹…',
  noFolder: '尚未打开文件夹。',
  noArticles: '此文件夹中没有文章。',
  noArticleOpen: '在左侧选择一篇文章开始编辑。',
  editor: '文章正文',
  preview: '预览',
  properties: '属性',
  saved: '已保存',
  dirty: '有未保存的更改',
  saving: '正在保存…',
  saveFailed: '保存失败',
  conflict: '磁盘上的文件已更改',
  save: '保存',
  draft: '草稿',
  headerError: '头部错误',
  words: '字',
  characters: '字符',
  minutes: '分钟阅读',
  line: '行',
  column: '列',
  readOnly: '只读',
  conflictTitle: '此文件已在磁盘上被更改',
  conflictBody: '在你打开 {path} 之后，另一个程序更改了它。请选择保留哪个版本。',
  reload: '从磁盘重新载入（放弃我的更改）',
  keepMine: '保留我的版本（覆盖磁盘上的版本）',
  compare: '并排比较',
  closeCompare: '关闭比较',
  diskVersion: '磁盘上的版本',
  myVersion: '我的版本',
  cancel: '取消',
  unsavedSwitch: '{path} 有未保存的更改。打开其他文章前要保存吗？',
  discard: '不保存',
  language: '语言',
  search: '搜索文章',
  headerParseReadOnly: '头部无法解析，表单为只读。请在正文中修正：{message}（第 {line} 行）。',
  addField: '添加字段',
  removeField: '删除 {key}',
  fieldName: '字段名',
  theme: '主题',
  toggleProperties: '显示或隐藏属性',
}

export type Locale = 'en' | 'zh-CN'
export const STRINGS: Record<Locale, Strings> = { en, 'zh-CN': zhCN }

export function localeFor(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
