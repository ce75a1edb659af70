/**
 * An <iframe> written in an article (a video, a map, a slide deck) would be removed by the
 * sanitizer without a trace: it becomes a labelled card with its address instead.
 */
import type MarkdownIt from 'markdown-it'
import { embedCard } from './site-tags'

const IFRAME = /<iframe\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(?:[^<]*<\/iframe\s*>)?/gi

function site(url: string): string {
  const host = /^(?:https?:)?\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? ''
  if (/(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/.test(host)) return 'YouTube'
  if (/(^|\.)vimeo\.com$/.test(host)) return 'Vimeo'
  if (/(^|\.)bilibili\.com$/.test(host)) return 'Bilibili'
  return host || 'iframe'
}

export function iframeCards(md: MarkdownIt): void {
  const replace = (html: string, inline: boolean) =>
    html.replace(IFRAME, (_all, a?: string, b?: string, c?: string) => {
      const url = md.utils.unescapeAll(a ?? b ?? c ?? '')
      return embedCard(md, site(url), url, inline).trimEnd()
    })
  md.core.ruler.push('folio_iframe_cards', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block' && /<iframe/i.test(token.content)) token.content = replace(token.content, false)
      for (const child of token.children ?? []) {
        // Inside a paragraph the end tag is a token of its own.
        if (child.type === 'html_inline' && /^<\/iframe\s*>$/i.test(child.content)) child.content = ''
        else if (child.type === 'html_inline' && /<iframe/i.test(child.content)) child.content = replace(child.content, true)
      }
    }
  })
}
