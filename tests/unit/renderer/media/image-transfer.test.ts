// @vitest-environment jsdom
/**
 * Images out of a paste or a drop, read with jsdom's real File and FileReader: image files by
 * type or name, a clipboard screenshot's generic name dropped, data: images in pasted HTML, and
 * the quick yes/no that paste and drop must answer before reading anything.
 */
import { describe, expect, it } from 'vitest'
import { imagesFrom, mayHoldImages } from '../../../../renderer/media/image-transfer'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** A clipboard or drop as the browser hands it over (jsdom has no DataTransfer): its files, their items, and its text forms. */
function transfer(files: File[], data: Record<string, string> = {}, items = files.map((f) => ({ kind: 'file', type: f.type }))): DataTransfer {
  return { files, items, getData: (type: string) => data[type] ?? '' } as unknown as DataTransfer
}

describe('imagesFrom', () => {
  it('reads each image file as base64 with its name, and leaves other files out', async () => {
    const files = [new File([PNG], '封面.png', { type: 'image/png' }), new File(['text'], 'notes.txt', { type: 'text/plain' }), new File([PNG], 'scan.JPG')]
    expect(await imagesFrom(transfer(files), false)).toEqual([
      { name: '封面.png', data: base64(PNG) },
      { name: 'scan.JPG', data: base64(PNG) },
    ])
  })

  it('drops the name every browser gives a pasted screenshot, but keeps it for a dropped file so named', async () => {
    const shot = new File([PNG], 'image.png', { type: 'image/png' })
    expect(await imagesFrom(transfer([shot]), true)).toEqual([{ name: '', data: base64(PNG) }])
    expect(await imagesFrom(transfer([shot]), false)).toEqual([{ name: 'image.png', data: base64(PNG) }])
  })

  it('takes data: images out of pasted HTML in order, with whitespace in the base64 removed, and nothing else from it', async () => {
    const html = `<p>看图</p><img alt="a" src="data:image/png;base64,iVBO\n  Rw0K"><img src='https://example.com/x.png'><IMG SRC=data:image/svg+xml;base64,PHN2Zz4=>`
    expect(await imagesFrom(transfer([], { 'text/html': html }), true)).toEqual([
      { name: '', data: 'iVBORw0K' },
      { name: '', data: 'PHN2Zz4=' },
    ])
    // A drop of HTML is the page's, not images handed over.
    expect(await imagesFrom(transfer([], { 'text/html': html }), false)).toEqual([])
  })

  it('prefers the files when a paste carries both files and HTML (the HTML describes the same images)', async () => {
    const got = await imagesFrom(transfer([new File([PNG], 'a.png', { type: 'image/png' })], { 'text/html': '<img src="data:image/png;base64,AAAA">' }), true)
    expect(got).toEqual([{ name: 'a.png', data: base64(PNG) }])
  })
})

describe('mayHoldImages', () => {
  it('says yes for an image item, and for a file item of unknown type (a file dragged from some file managers)', () => {
    expect(mayHoldImages(transfer([], {}, [{ kind: 'file', type: 'image/webp' }]), false)).toBe(true)
    expect(mayHoldImages(transfer([], {}, [{ kind: 'file', type: '' }]), false)).toBe(true)
  })

  it('says yes for an image file named so, and for pasted HTML with a data: image, without reading anything', () => {
    expect(mayHoldImages(transfer([new File([PNG], 'photo.jfif')], {}, []), false)).toBe(true)
    expect(mayHoldImages(transfer([], { 'text/html': '<img class="x" src="data:image/png;base64,AAAA">' }), true)).toBe(true)
  })

  it('says no for text, other files, remote images in HTML, and HTML that was dropped', () => {
    expect(mayHoldImages(transfer([], { 'text/plain': 'hello' }), true)).toBe(false)
    expect(mayHoldImages(transfer([new File(['x'], 'a.pdf', { type: 'application/pdf' })]), false)).toBe(false)
    expect(mayHoldImages(transfer([], { 'text/html': '<img src="https://example.com/a.png">' }), true)).toBe(false)
    expect(mayHoldImages(transfer([], { 'text/html': '<img src="data:image/png;base64,AAAA">' }), false)).toBe(false)
  })
})
