import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view'
import type { Extension } from '@codemirror/state'

/** Hexo/Jekyll/Hugo template tags (`{% asset_img a.jpg %}`, `{{< figure >}}`) marked so they stand out from prose. */
const tagMark = Decoration.mark({ class: 'cm-folio-template-tag' })
const matcher = new MatchDecorator({
  regexp: /\{%-?[^\n]*?-?%\}|\{\{<[^\n]*?>\}\}|\{\{%[^\n]*?%\}\}/g,
  decoration: () => tagMark,
})

export function templateTags(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = matcher.createDeco(view)
      }
      update(update: ViewUpdate) {
        this.decorations = matcher.updateDeco(update, this.decorations)
      }
    },
    { decorations: (plugin) => plugin.decorations },
  )
}
