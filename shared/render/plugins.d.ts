// Types for the markdown-it plugins that ship none: each is a plain plugin function.
declare module 'markdown-it-task-lists' {
  import type { PluginWithOptions } from 'markdown-it'
  const taskLists: PluginWithOptions<{ enabled?: boolean; label?: boolean; labelAfter?: boolean }>
  export default taskLists
}
declare module 'markdown-it-deflist' {
  import type { PluginSimple } from 'markdown-it'
  const deflist: PluginSimple
  export default deflist
}
declare module 'markdown-it-abbr' {
  import type { PluginSimple } from 'markdown-it'
  const abbr: PluginSimple
  export default abbr
}
