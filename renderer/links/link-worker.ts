/**
 * The link lint's reading of an article's references, off the window's thread: finding them in a
 * 1 MB text takes long enough to hold up the writer's next key. The window then sends the main
 * process only the references, never the text.
 */
import { textLinks } from '../../shared/assets/check'
import type { LinkRequest, LinkResponse } from './link-protocol'

self.onmessage = (event: MessageEvent<LinkRequest>) => {
  const { id, text } = event.data
  self.postMessage({ id, links: textLinks(text) } satisfies LinkResponse)
}
