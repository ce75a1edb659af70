// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { EMBED_FRAME_NAME } from '../../../../shared/render/embed-frame'
import { EmbedPlayers, playableUrl } from '../../../../renderer/preview/embeds'

describe('playableUrl', () => {
  it('lets only web addresses play', () => {
    expect(playableUrl(' https://www.youtube.com/embed/abc ')).toBe('https://www.youtube.com/embed/abc')
    expect(playableUrl('http://player.bilibili.com/player.html?bvid=BV1')).toBe('http://player.bilibili.com/player.html?bvid=BV1')
    for (const hostile of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'https:///x',
      'https:// evil',
      '//evil.example',
      'app://folio/index.html',
      '',
    ]) {
      expect(playableUrl(hostile), hostile).toBeNull()
    }
    expect(playableUrl(null)).toBeNull()
  })
})

describe('EmbedPlayers', () => {
  function setup() {
    const layer = document.createElement('div')
    const previewFrame = document.createElement('iframe')
    document.body.append(previewFrame, layer)
    const article = document.implementation.createHTMLDocument('article')
    article.body.innerHTML =
      '<div class="folio-embed" data-embed-src="https://www.youtube.com/embed/abc"><span class="folio-embed-site">YouTube</span></div>' +
      '<div class="folio-embed" data-embed-src="javascript:alert(1)"></div>'
    const [video, hostile] = [...article.querySelectorAll('.folio-embed')]
    if (!video || !hostile) throw new Error('cards missing')
    const players = new EmbedPlayers(layer, previewFrame)
    players.attach({ window, root: article.body })
    return { layer, players, video, hostile, article }
  }

  it('plays a card clicked or entered in a sandboxed frame of its own that cannot navigate the app', () => {
    const { layer, players, video } = setup()
    players.configure(true, '')
    video.querySelector('span')?.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    video.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    const frames = layer.querySelectorAll('iframe')
    expect(frames).toHaveLength(1)
    const frame = frames[0]
    expect(frame?.name).toBe(EMBED_FRAME_NAME)
    expect(frame?.src).toBe('https://www.youtube.com/embed/abc')
    expect(frame?.title).toBe('YouTube')
    expect(frame?.getAttribute('sandbox')?.split(' ')).not.toContain('allow-top-navigation')
    expect(video.getAttribute('data-embed-state')).toBe('playing')
  })

  it('while remote content is blocked, a click says so and loads nothing', () => {
    const { layer, players, video } = setup()
    players.configure(false, '远程内容已关闭')
    players.play(video)
    expect(layer.querySelectorAll('iframe')).toHaveLength(0)
    expect(video.getAttribute('data-embed-note')).toBe('远程内容已关闭')
  })

  it('plays nothing from a card a hostile article wrote itself', () => {
    const { layer, players, hostile } = setup()
    players.configure(true, '')
    players.play(hostile)
    expect(layer.querySelectorAll('iframe')).toHaveLength(0)
  })

  it('a player goes when remote content is turned off or its card leaves the article', () => {
    const { layer, players, video } = setup()
    players.configure(true, '')
    players.play(video)
    players.configure(false, 'blocked')
    expect(layer.querySelectorAll('iframe')).toHaveLength(0)
    expect(video.hasAttribute('data-embed-state')).toBe(false)
    players.configure(true, '')
    players.play(video)
    video.remove()
    players.layout()
    expect(layer.querySelectorAll('iframe')).toHaveLength(0)
  })
})
