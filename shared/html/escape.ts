/**
 * Escaping for text placed in HTML or XML, in element content or a quoted attribute: the one
 * copy the preview, export, feeds and asset tags share.
 */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')
}
