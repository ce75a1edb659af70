import { describe, expect, it } from 'vitest'
import { mediaReport } from '../../../electron/media/report'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { folderWith } from '../export/helpers'

describe('the media report', () => {
  it('lists every image with its size and the articles and lines showing it (bodies and headers), unused ones and broken references', async () => {
    const root = await folderWith({
      '_config.yml': 'title: t\npost_asset_folder: true\n',
      'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
      'source/_posts/旅行.md': [
        '---',
        'title: 旅行',
        'cover: /images/封面.png',
        'gallery:',
        '  - "night shot.jpg"',
        '---',
        '',
        '{% asset_img map.png %}',
        '',
        '```',
        '![in code](unused.png)',
        '```',
        '![gone](missing.png)',
        '',
      ].join('\n'),
      'source/_posts/旅行/map.png': 'map-bytes',
      'source/_posts/旅行/night shot.jpg': 'night',
      'source/_posts/旅行/unused.png': 'x',
      'source/_posts/other.md': '---\ntitle: Other\n---\n<img src="/images/封面.png">\n',
      'source/images/封面.png': 'cover-bytes!',
      'node_modules/pkg/logo.png': 'never listed',
    })
    const workspace = await openWorkspace({ root, trash: () => Promise.resolve() })
    try {
      const report = await mediaReport(workspace)
      expect(report.images).toEqual([
        { path: 'source/_posts/旅行/map.png', size: 9, usedBy: [{ path: 'source/_posts/旅行.md', line: 8 }] },
        { path: 'source/_posts/旅行/night shot.jpg', size: 5, usedBy: [{ path: 'source/_posts/旅行.md', line: 5 }] },
        { path: 'source/_posts/旅行/unused.png', size: 1, usedBy: [] },
        {
          path: 'source/images/封面.png',
          size: 12,
          usedBy: expect.arrayContaining([
            { path: 'source/_posts/旅行.md', line: 3 },
            { path: 'source/_posts/other.md', line: 4 },
          ]) as unknown as Array<{ path: string; line: number }>,
        },
      ])
      expect(report.broken).toEqual([
        {
          path: 'source/_posts/旅行.md',
          line: 13,
          column: 9,
          rule: 'broken-image',
          target: 'missing.png',
          message: expect.stringContaining('missing.png') as unknown as string,
        },
      ])
    } finally {
      await workspace.close()
    }
  })
})
