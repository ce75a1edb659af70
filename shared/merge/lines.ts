/**
 * A text as lines that keep their own line break ('\n', '\r\n', or none on a last line without a
 * final newline): joining them gives back the exact text, so a merge made of whole lines keeps
 * every line ending, a BOM (part of the first line) and the presence or absence of a final newline.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl + 1
    lines.push(text.slice(start, end))
    start = end
  }
  return lines
}
