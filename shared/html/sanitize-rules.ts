/**
 * What DOMPurify keeps of an article, for the preview (in the renderer) and every export (in
 * the main process) alike: one list, so a formula or an embed looks the same in both.
 */

/** Elements that load or submit on their own, whatever their attributes: never kept. */
export const ARTICLE_FORBID_TAGS: readonly string[] = ['meta', 'base', 'link', 'iframe', 'frame', 'object', 'embed', 'form']

/** Attributes that embed a document or send a request. */
export const ARTICLE_FORBID_ATTR: readonly string[] = ['srcdoc', 'formaction', 'action', 'ping']

/**
 * KaTeX's MathML wraps each formula in <semantics> with its TeX source in an <annotation>, which
 * browsers do not show. DOMPurify drops both by default but keeps their text, so the TeX source
 * would show beside every formula. (annotation-xml, which may hold HTML, stays out.)
 */
export const ARTICLE_ADD_TAGS: readonly string[] = ['semantics', 'annotation']
