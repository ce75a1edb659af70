import { describe, expect, it } from 'vitest'
import { contentType, inlineImageType, mediaType } from '../../../electron/system/mime-type'

describe('mime-type', () => {
  it('names web images and media by extension, whatever its case', () => {
    expect(contentType('a.JPG')).toBe('image/jpeg')
    expect(contentType('a.webp')).toBe('image/webp')
    expect(contentType('a.avif')).toBe('image/avif')
    expect(contentType('a.mp4')).toBe('video/mp4')
    expect(contentType('fav.ico')).toBe('image/vnd.microsoft.icon')
  })

  it('says UTF-8 for text and leaves binary types bare', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8')
    expect(contentType('main.js')).toBe('text/javascript; charset=utf-8')
    expect(contentType('data.json')).toBe('application/json; charset=utf-8')
    expect(contentType('logo.svg')).toBe('image/svg+xml')
  })

  it('shows a Markdown file as text rather than offering a download', () => {
    expect(mediaType('post.md')).toBe('text/plain')
    expect(contentType('post.markdown')).toBe('text/plain; charset=utf-8')
  })

  it('falls back to octet-stream for an unknown extension', () => {
    expect(mediaType('a.unknown')).toBeNull()
    expect(contentType('a.unknown')).toBe('application/octet-stream')
    expect(contentType('Makefile')).toBe('application/octet-stream')
  })

  it('inlines only the images a browser shows', () => {
    expect(inlineImageType('photos/猫.PNG')).toBe('image/png')
    expect(inlineImageType('a.svg')).toBe('image/svg+xml')
    expect(inlineImageType('scan.tiff')).toBeNull()
    expect(inlineImageType('photo.heic')).toBeNull()
    expect(inlineImageType('notes.txt')).toBeNull()
  })
})
