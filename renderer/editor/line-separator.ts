import { EditorState, type Extension } from '@codemirror/state'

/**
 * Keep the file's own line ending: the document joins lines with it, so an untouched CRLF file
 * saves back as CRLF byte for byte, and new lines typed into it are CRLF too.
 */
export function fileLineSeparator(eol: '\n' | '\r\n'): Extension {
  return EditorState.lineSeparator.of(eol)
}
