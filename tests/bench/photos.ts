/** The photo the image benchmarks insert: a 12 MP phone picture, as writers drop them. */
import sharp from 'sharp'

export /** 4000 × 3000, stored sideways with EXIF orientation 6 and GPS tags, with grain so it compresses like a photo. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 90, g: 140, b: 200 }, noise: { type: 'gaussian', mean: 120, sigma: 25 } } })
    .withExif({
      IFD0: { Make: 'BenchPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 88 })
    .toBuffer()
}
