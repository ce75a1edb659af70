import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import type { CliIo } from '../../../electron/cli-command'
import { folderWith } from '../export/helpers'

const site = folderWith

async function run(args: string[], cwd: string): Promise<{ status: number; out: string[] }> {
  const out: string[] = []
  const io: CliIo = { out: (line) => out.push(line), err: (line) => out.push(line), cwd }
  return { status: await main(args, io), out }
}

describe('folio check --links', () => {
  it('reports each broken image and internal link of a Hexo site with its line and column, and nothing that resolves', async () => {
    const root = await site({
      '_config.yml': 'title: t\npost_asset_folder: true\n',
      'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
      'source/_posts/trip.md': [
        '---',
        'title: Trip',
        '---',
        '{% asset_img big cover.png 300 "Title" %} {% asset_img gone.png %}',
        '![ok](Why-(part-3)/photo.png) ![bad](Why-(part-4)/photo.png)',
        '```',
        '![in code](nothing.png)',
        '```',
        'See {% post_link other %} and {% post_link missing-post %}, [rel](other.md), [gone](nope.md), [site](/about/).',
        '<img src="/images/logo.png"> <img src="/images/none.png">',
        '',
      ].join('\n'),
      'source/_posts/trip/cover.png': 'png',
      'source/_posts/Why-(part-3)/photo.png': 'png',
      'source/_posts/other.md': '---\ntitle: Other\n---\n',
      'source/images/logo.png': 'png',
    })
    const { status, out } = await run(['check', root, '--links'], root)
    expect(out).toEqual([
      'source/_posts/trip.md:4:56: image "gone.png" is broken: source/_posts/trip/gone.png does not exist',
      'source/_posts/trip.md:5:38: image "Why-(part-4)/photo.png" is broken: source/_posts/trip/Why-(part-4)/photo.png does not exist',
      'source/_posts/trip.md:9:31: post_link "missing-post" finds no article',
      'source/_posts/trip.md:9:85: link "nope.md" is broken: source/_posts/trip/nope.md does not exist',
      'source/_posts/trip.md:10:39: image "/images/none.png" is broken: source/images/none.png does not exist',
    ])
    expect(status).toBe(1)
    const json = await run(['check', root, '--links', '--json'], root)
    expect(JSON.parse(json.out.join('\n'))[0]).toMatchObject({
      path: 'source/_posts/trip.md',
      line: 4,
      rule: 'broken-image',
      target: 'gone.png',
      severity: 'error',
    })
  })

  it('finds a Hexo post_link by the post title when no slug matches, as Hexo 7 does', async () => {
    const root = await site({
      '_config.yml': 'title: t\n',
      'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
      'source/_posts/a.md': '---\ntitle: A\n---\nSee {% post_link "秋天的 Kyoto" %} and {% post_link "No Such Title" %}.\n',
      'source/_posts/2023-kyoto.md': '---\ntitle: 秋天的 Kyoto\n---\n',
    })
    expect(await run(['check', root, '--links'], root)).toEqual({
      status: 1,
      out: ['source/_posts/a.md:4:37: post_link "No Such Title" finds no article'],
    })
  })

  it('resolves Hugo ref and relref (bundle, page, site-rooted) and bundle images: a whole site exits 0', async () => {
    const root = await site({
      'hugo.toml': 'title = "t"\n',
      'content/posts/a/index.md': '---\ntitle: A\n---\n{{< ref "b" >}} {{< relref "/posts/a" >}} ![x](x.png)\n',
      'content/posts/a/x.png': 'png',
      'content/posts/b.md': '---\ntitle: B\n---\n',
    })
    expect(await run(['check', root, '--links'], root)).toEqual({ status: 0, out: [] })
  })
})
