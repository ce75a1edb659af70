/**
 * Embeds (videos, tweets, any iframe an article carries) are cards in the preview that load
 * nothing until the writer clicks one, and only while remote content is allowed. The preview
 * frame stays sandboxed without scripts, and a frame inside it would inherit that (no player
 * could run), so a clicked embed plays in a frame of the parent's own, laid over its card and
 * moved with it: cross-origin, sandboxed without top navigation, named so the main process
 * lets it navigate (security.ts), and gone when its card goes.
 */

import { EMBED_FRAME_NAME } from '../../shared/render/embed-frame'

const CARD = '.folio-embed[data-embed-src]'

interface Player {
  card: Element
  frame: HTMLIFrameElement
}

/** Only web addresses play: a hostile article may write a card of its own with any data-embed-src. */
export function playableUrl(src: string | null): string | null {
  if (src === null) return null
  const url = src.trim()
  return /^https?:\/\/[^/\s]/i.test(url) && URL.canParse(url) ? url : null
}

export class EmbedPlayers {
  private players: Player[] = []
  private frameView: { window: Window; root: Element } | null = null
  private allowed = false
  private blockedNote = ''

  /** `layer` lies over `previewFrame`; players are its children. */
  constructor(
    private readonly layer: HTMLElement,
    private readonly previewFrame: HTMLIFrameElement,
  ) {
    this.layer.style.pointerEvents = 'none'
  }

  /** Remote content allowed or not; `note` is what a clicked card says while it is blocked. */
  configure(allowed: boolean, note: string): void {
    this.allowed = allowed
    this.blockedNote = note
    if (!allowed) this.clear()
  }

  /** A new frame document (load): cards in it play on click or Enter. */
  attach(view: { window: Window; root: Element }): void {
    this.clear()
    this.frameView = view
    const doc = view.root.ownerDocument
    const activate = (event: Event) => {
      const target = event.target as Node | null
      const card = target && target.nodeType === 1 ? (target as Element).closest(CARD) : null
      if (!card || (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ')) return
      event.preventDefault()
      this.play(card)
    }
    doc.addEventListener('click', activate)
    doc.addEventListener('keydown', activate)
    view.window.addEventListener('scroll', () => this.layout(), { passive: true })
    view.window.addEventListener('resize', () => this.layout())
  }

  play(card: Element): void {
    const url = playableUrl(card.getAttribute('data-embed-src'))
    if (url === null) return
    if (!this.allowed) {
      card.setAttribute('data-embed-note', this.blockedNote)
      return
    }
    if (this.players.some((player) => player.card === card)) return
    card.removeAttribute('data-embed-note')
    card.setAttribute('data-embed-state', 'playing')
    const frame = document.createElement('iframe')
    frame.name = EMBED_FRAME_NAME
    frame.className = 'preview-embed-player'
    frame.dataset.testid = 'embed-player'
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups')
    frame.setAttribute('allow', 'autoplay; encrypted-media; fullscreen; picture-in-picture')
    frame.setAttribute('allowfullscreen', '')
    // Video sites refuse to play without knowing which page embeds them.
    frame.referrerPolicy = 'strict-origin-when-cross-origin'
    frame.title = card.querySelector('.folio-embed-site')?.textContent ?? url
    frame.src = url
    frame.style.pointerEvents = 'auto'
    this.layer.append(frame)
    this.players.push({ card, frame })
    this.layout()
  }

  /** Puts each player over its card; a card no longer in the article takes its player away. */
  layout(): void {
    // Nothing plays: nothing to place. Reading the frame's box would lay the window out in the
    // task of every preview refresh, before the frame that shows it.
    if (this.players.length === 0) return
    const frame = this.previewFrame
    Object.assign(this.layer.style, {
      position: 'absolute',
      overflow: 'hidden',
      left: `${frame.offsetLeft}px`,
      top: `${frame.offsetTop}px`,
      width: `${frame.clientWidth}px`,
      height: `${frame.clientHeight}px`,
    })
    this.players = this.players.filter((player) => {
      if (!player.card.isConnected || player.card.ownerDocument !== this.frameView?.root.ownerDocument) {
        player.frame.remove()
        return false
      }
      const box = player.card.getBoundingClientRect()
      Object.assign(player.frame.style, {
        position: 'absolute',
        left: `${box.left}px`,
        top: `${box.top}px`,
        width: `${box.width}px`,
        height: `${box.height}px`,
        border: '0',
      })
      return true
    })
  }

  clear(): void {
    for (const player of this.players) {
      player.frame.remove()
      player.card.removeAttribute('data-embed-state')
    }
    this.players = []
  }
}
