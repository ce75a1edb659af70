/**
 * A tool's own words (git's, an upload command's, the system's) cannot be translated: in the UI
 * they follow the sentence as a block of their own, labelled in the UI's language, instead of
 * sitting inside a sentence in another language. Messages stay strings (they are kept in state,
 * put in titles and logged): an invisible separator marks where the tool's part starts, and
 * MessageText shows it set apart.
 */
import { Fragment } from 'react'

/**
 * A name from the author's folder or a tool (a header key, a hook's file name, a branch) inside a
 * sentence, isolated (U+2068 … U+2069, invisible): it is written as it is in every language, and
 * the isolation keeps its letters from reordering the sentence around them.
 */
export function isolated(name: string): string {
  return `\u2068${name}\u2069`
}

/** U+2063 INVISIBLE SEPARATOR: shows as nothing where a message is shown as plain text. */
const MARK = '\u2063'

/** The sentence, then the tool's output under its label; the sentence alone when the tool said nothing. */
export function withOutput(sentence: string, label: string, output: string): string {
  const said = output.replace(/\s+$/, '').replace(/^\s*\n/, '')
  return said === '' ? sentence : `${sentence}\n${MARK}${label}\n${said}`
}

export interface MessageParts {
  sentence: string
  output: { label: string; text: string } | null
}

export function messageParts(text: string): MessageParts {
  const at = text.indexOf(MARK)
  if (at === -1) return { sentence: text, output: null }
  const rest = text.slice(at + MARK.length)
  const end = rest.indexOf('\n')
  return {
    sentence: text.slice(0, at).replace(/\n$/, ''),
    output: { label: end === -1 ? rest : rest.slice(0, end), text: end === -1 ? '' : rest.slice(end + 1) },
  }
}

/** The sentence with each mention of `file` shown as a path: named once, where the sentence names it. */
function naming(sentence: string, file: string | undefined) {
  if (!file || !sentence.includes(file)) return sentence
  return sentence.split(file).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <code className="path" translate="no">
          {file}
        </code>
      )}
      {part}
    </Fragment>
  ))
}

/**
 * A message from the UI: its sentence (`file` shown as a path where it names it), and the tool's
 * output, if any, as a labelled monospace block.
 */
export function MessageText({ text, file }: { text: string; file?: string }) {
  const { sentence, output } = messageParts(text)
  if (!output) return <Fragment>{naming(sentence, file)}</Fragment>
  return (
    <>
      {naming(sentence, file)}
      {/* Spans, not a figure: messages are shown inside paragraphs. */}
      <span className="tool-output" role="group" aria-label={output.label.replace(/[：:]$/, '')} data-testid="tool-output">
        <span className="tool-output-label">{output.label}</span>
        <code className="tool-output-text" translate="no">
          {output.text}
        </code>
      </span>
    </>
  )
}
