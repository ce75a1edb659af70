// @vitest-environment jsdom
/** Template tags marked in a real EditorView: which spans of a line stand out, as typed and as edited. */
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { templateTags } from '../../../../renderer/editor/template-tags'

let view: EditorView | null = null
afterEach(() => {
  view?.destroy()
  view = null
})

function open(doc: string): EditorView {
  view = new EditorView({ state: EditorState.create({ doc, extensions: templateTags() }), parent: document.body })
  return view
}

/** The text of every span the editor shows as a template tag. */
const marked = (v: EditorView) => [...v.contentDOM.querySelectorAll('.cm-folio-template-tag')].map((el) => el.textContent)

describe('templateTags', () => {
  it('marks Hexo/Jekyll tags, Hugo shortcodes of both kinds, and leaves prose and plain braces alone', () => {
    const v = open(
      [
        '正文 {% asset_img cover.jpg 封面 %} 之后',
        '{%- include note.html -%}',
        '{{< figure src="a.png" >}} and {{% notice %}}',
        'A {{ variable }} and {single} braces, {% not closed',
      ].join('\n'),
    )
    expect(marked(v)).toEqual(['{% asset_img cover.jpg 封面 %}', '{%- include note.html -%}', '{{< figure src="a.png" >}}', '{{% notice %}}'])
  })

  it('never spans lines: an opening on one line and a closing on the next are not a tag', () => {
    expect(marked(open('{% raw\n%}'))).toEqual([])
  })

  it('follows edits: a tag typed is marked, a tag broken is not', () => {
    const v = open('text\n{% post_link a %}')
    v.dispatch({ changes: { from: 4, insert: ' {% youtube x %}' } })
    expect(marked(v)).toEqual(['{% youtube x %}', '{% post_link a %}'])
    const close = v.state.doc.toString().lastIndexOf('%}')
    v.dispatch({ changes: { from: close, to: close + 2 } })
    expect(marked(v)).toEqual(['{% youtube x %}'])
  })
})
