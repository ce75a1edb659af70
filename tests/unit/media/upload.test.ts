import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { insertImages } from '../../../electron/media/insert'
import { printedUrl, splitCommand, uploadArgv } from '../../../electron/media/upload'
import { createGuard } from '../../../electron/workspace/guard'
import { DEFAULT_INSERT_SETTINGS, type AssetRules, type InsertSettings } from '../../../shared/assets'
import { folderWith, tempDir } from '../export/helpers'
import { png } from './images'

const plain: AssetRules = { kind: 'plain', postAssetFolder: false, sourceDir: '' }

/**
 * A stand-in image host as PicGo is used from a terminal: it copies the file it is given into its
 * "host" folder, prints log lines and then the URL, or fails the way a real uploader does.
 */
async function uploader(): Promise<{ command: (mode?: string) => string; host: string }> {
  const dir = await tempDir()
  const host = join(dir, 'host folder')
  const script = join(dir, 'fake picgo.mjs')
  await writeFile(
    script,
    `import { copyFileSync, mkdirSync, appendFileSync } from 'node:fs'
import { basename, join } from 'node:path'
const [mode, file] = process.argv.slice(2)
appendFileSync(${JSON.stringify(join(dir, 'calls.txt'))}, JSON.stringify(process.argv.slice(2)) + '\\n')
if (mode === 'fail') { console.log('[PicGo INFO]: Before transform'); console.error('[PicGo ERROR]: 401 Unauthorized: token expired'); process.exit(1) }
if (mode === 'silent') { console.log('[PicGo WARN]: nothing to do'); process.exit(0) }
mkdirSync(${JSON.stringify(host)}, { recursive: true })
copyFileSync(file, join(${JSON.stringify(host)}, basename(file)))
console.log('[PicGo INFO]: Before transform\\n[PicGo INFO]: Uploading... Current uploader is [fake]\\n[PicGo SUCCESS]:')
console.log('https://img.example.test/' + encodeURIComponent(basename(file)))
`,
  )
  await chmod(script, 0o755)
  return { command: (mode = 'upload') => `"${process.execPath}" "${script}" ${mode} {file}`, host }
}

async function insert(root: string, name: string, bytes: Uint8Array, settings: Partial<InsertSettings>) {
  return insertImages(await createGuard(root), plain, 'a.md', [{ name, bytes }], { ...DEFAULT_INSERT_SETTINGS, ...settings })
}

describe('the upload command', () => {
  it('is split into words before the file is put in, quotes grouping, backslashes kept', () => {
    expect(splitCommand(`picgo upload {file}`)).toEqual(['picgo', 'upload', '{file}'])
    expect(splitCommand(`"C:\\Program Files\\PicList\\PicList.exe" upload '{file}' --name=x`)).toEqual([
      'C:\\Program Files\\PicList\\PicList.exe',
      'upload',
      '{file}',
      '--name=x',
    ])
    expect(() => splitCommand(`picgo "upload`)).toThrow(/a " quote is never closed.*Image settings/)
    const hostile = '/site/a.assets/x; rm -rf ~ $(touch pwned) `id`.png'
    expect(uploadArgv('picgo upload {file}', hostile)).toEqual(['picgo', 'upload', hostile])
    expect(uploadArgv('picgo upload', hostile)).toEqual(['picgo', 'upload', hostile])
    expect(uploadArgv('up --file={file}', '/a b.png')).toEqual(['up', '--file=/a b.png'])
  })

  it('answers with the last URL printed on a line of its own', () => {
    expect(printedUrl('[PicGo INFO]: see https://docs.example/x for help\n[PicGo SUCCESS]:\nhttps://i.example/a.png\n')).toBe('https://i.example/a.png')
    expect(printedUrl('uploaded: https://i.example/b.png (200)')).toBe('https://i.example/b.png')
    expect(printedUrl('[PicGo ERROR]: failed')).toBeNull()
  })

  it('uploads the processed copy, links the URL it printed and keeps the local copy when asked', async () => {
    const root = await folderWith({ 'a.md': '' })
    const { command, host } = await uploader()
    const [out] = await insert(root, '封面 1.png', png(3, 3), { uploadCommand: command(), keepLocal: true })
    expect(out).toEqual({
      path: 'a.assets/封面 1.png',
      link: '![封面 1](https://img.example.test/%E5%B0%81%E9%9D%A2%201.png)',
      reused: false,
      url: 'https://img.example.test/%E5%B0%81%E9%9D%A2%201.png',
    })
    expect(await readFile(join(host, '封面 1.png'))).toEqual(await readFile(join(root, 'a.assets/封面 1.png')))
  })

  it('leaves the site folder alone when the local copy is not kept', async () => {
    const root = await folderWith({ 'a.md': '' })
    const { command, host } = await uploader()
    const [out] = await insert(root, 'shot.png', png(4, 4), { uploadCommand: command(), keepLocal: false })
    expect(out?.link).toBe('![shot](https://img.example.test/shot.png)')
    expect(out?.path).toBe('')
    expect(await readdir(root)).toEqual(['a.md'])
    expect(await readFile(join(host, 'shot.png'))).toEqual(png(4, 4))
  })

  it('uploads two images of one batch that share a name, without a local copy', async () => {
    const root = await folderWith({ 'a.md': '' })
    const { command } = await uploader()
    const images = [
      { name: 'shot.png', bytes: png(4, 4) },
      { name: 'shot.png', bytes: png(5, 5) },
    ]
    const out = await insertImages(await createGuard(root), plain, 'a.md', images, { ...DEFAULT_INSERT_SETTINGS, uploadCommand: command(), keepLocal: false })
    expect(out.map((o) => o.link)).toEqual(['![shot](https://img.example.test/shot.png)', '![shot](https://img.example.test/shot.png)'])
    expect(await readdir(root)).toEqual(['a.md'])
  })

  it('never lets a file name reach a shell', async () => {
    const root = await folderWith({ 'a.md': '' })
    const { command } = await uploader()
    const name = 'x; touch pwned $(touch pwned2) `touch pwned3`.png'
    const [out] = await insert(root, name, png(2, 5), { uploadCommand: command(), keepLocal: true })
    expect(out?.path).toBe(`a.assets/${name}`)
    const entries = [...(await readdir(root)), ...(await readdir(join(root, 'a.assets')))]
    expect(entries.filter((e) => e.startsWith('pwned'))).toEqual([])
  })

  it('shows a failure with what the command printed and takes the local copy back', async () => {
    const root = await folderWith({ 'a.md': '' })
    const { command } = await uploader()
    await expect(insert(root, 'shot.png', png(4, 4), { uploadCommand: command('fail'), keepLocal: true })).rejects.toThrow(
      /^Uploading shot\.png failed: ".+" ended with exit status 1\. It printed:\n.*401 Unauthorized: token expired.*\nCheck the command in Image settings.*Nothing was inserted\.$/s,
    )
    await expect(insert(root, 'shot.png', png(4, 4), { uploadCommand: command('silent'), keepLocal: true })).rejects.toThrow(
      /printed no http\(s\) URL\. It printed:\n\[PicGo WARN\]: nothing to do/,
    )
    await expect(insert(root, 'shot.png', png(4, 4), { uploadCommand: 'no-such-uploader-here upload {file}', keepLocal: false })).rejects.toThrow(
      /"no-such-uploader-here" is not on PATH/,
    )
    expect(await readdir(root)).toEqual(['a.md'])
  })
})
