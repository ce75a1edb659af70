import type { EditorView } from '@codemirror/view'

/**
 * Where typing goes in an article just created: its title field (cursor after the title the
 * dialog gave it), or, when the form shows no title (a site without one, the form hidden), the
 * end of the body.
 */
export function focusNewArticle(view: EditorView | null, root: ParentNode = document): void {
  const title = root.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-testid=property][data-key="title"] :is(input, textarea)')
  if (title && !title.disabled) {
    title.focus()
    title.setSelectionRange(title.value.length, title.value.length)
    return
  }
  if (!view) return
  view.dispatch({ selection: { anchor: view.state.doc.length }, scrollIntoView: true })
  view.focus()
}
