// @vitest-environment jsdom
/** Where typing goes in a new article: the form's title field when it can take it, else the end of the body. */
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { focusNewArticle } from '../../../../renderer/buffers/focus-new'

let view: EditorView | null = null
afterEach(() => {
  view?.destroy()
  view = null
  document.body.replaceChildren()
})

const ARTICLE = '---\ntitle: 新文章\n---\n\n'

/** The form as PropertiesForm renders a field: a row with the key, holding its input. */
function form(key: string, value: string, options: { disabled?: boolean; multiline?: boolean } = {}): HTMLElement {
  const row = document.createElement('div')
  row.dataset.testid = 'property'
  row.dataset.key = key
  const field = document.createElement(options.multiline ? 'textarea' : 'input')
  field.value = value
  field.disabled = options.disabled ?? false
  row.append(field)
  document.body.append(row)
  return row
}

function editor(): EditorView {
  view = new EditorView({ state: EditorState.create({ doc: ARTICLE }), parent: document.body })
  return view
}

describe('focusNewArticle', () => {
  it('focuses the title field with the cursor after the title the dialog gave it', () => {
    form('date', '2024-05-01')
    const title = form('title', '新文章').querySelector('input') as HTMLInputElement
    const v = editor()
    focusNewArticle(v)
    expect(document.activeElement).toBe(title)
    expect([title.selectionStart, title.selectionEnd]).toEqual([3, 3])
    expect(v.state.selection.main.head).toBe(0)
  })

  it('takes a multi-line title field too', () => {
    const title = form('title', 'A long title', { multiline: true }).querySelector('textarea') as HTMLTextAreaElement
    focusNewArticle(editor())
    expect(document.activeElement).toBe(title)
    expect(title.selectionStart).toBe('A long title'.length)
  })

  it('goes to the end of the body when the title cannot be typed into, or the form shows none', () => {
    form('title', '新文章', { disabled: true })
    const v = editor()
    focusNewArticle(v)
    expect(v.hasFocus).toBe(true)
    expect(v.state.selection.main.head).toBe(ARTICLE.length)
    document.body.replaceChildren(v.dom)
    v.dispatch({ selection: { anchor: 0 } })
    focusNewArticle(v)
    expect(v.state.selection.main.head).toBe(ARTICLE.length)
  })

  it('looks for the title only inside the root it is given', () => {
    form('title', 'Elsewhere')
    const pane = document.createElement('section')
    document.body.append(pane)
    const v = editor()
    focusNewArticle(v, pane)
    expect(v.state.selection.main.head).toBe(ARTICLE.length)
    expect(v.hasFocus).toBe(true)
  })

  it('does nothing without a title field or an editor', () => {
    const before = document.activeElement
    focusNewArticle(null)
    expect(document.activeElement).toBe(before)
  })
})
