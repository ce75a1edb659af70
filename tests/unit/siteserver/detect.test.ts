/** Which server a site can start with the tools installed: found on PATH or in the site's node_modules, never installed. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { detectServer } from '../../../electron/siteserver/detect'

const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'folio-detect-'))
  temps.push(root)
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true })
    writeFileSync(join(root, rel), text)
  }
  return root
}

/** A PATH with only these programs on it. */
const onPath =
  (...names: string[]) =>
  (name: string): string | null =>
    names.includes(name) ? `/usr/bin/${name}` : null

const HEXO_PKG = JSON.stringify({ dependencies: { hexo: '^7.0.0', 'hexo-server': '^3.0.0' } })

describe("detecting the site's server", () => {
  it("runs hexo server with the site's own Hexo, through node from PATH, on 127.0.0.1", () => {
    const root = site({
      'package.json': HEXO_PKG,
      'node_modules/hexo/package.json': JSON.stringify({ name: 'hexo', bin: { hexo: './bin/hexo' } }),
      'node_modules/hexo/bin/hexo': "#!/usr/bin/env node\nrequire('hexo-cli')()\n",
      'node_modules/hexo-server/package.json': '{"name":"hexo-server"}',
    })
    const found = detectServer(root, 'hexo', onPath('node'))
    expect(found.kind).toBe('ready')
    if (found.kind !== 'ready') return
    expect(found.command.program).toBe('/usr/bin/node')
    expect(found.command.args(4123, 4124)).toEqual([join(root, 'node_modules/hexo/bin/hexo'), 'server', '--ip', '127.0.0.1', '--port', '4123', '--draft'])
  })

  it('names what Hexo lacks and how to install it', () => {
    const bare = site({ 'package.json': HEXO_PKG })
    expect(detectServer(bare, 'hexo', onPath('node'))).toEqual({
      kind: 'missing',
      tool: 'hexo',
      reason: 'hexo',
      missing: expect.stringContaining('Hexo is not installed'),
      install: 'Run `npm install` in the site folder.',
    })
    const noServer = site({ 'package.json': HEXO_PKG, 'node_modules/hexo/package.json': '{"bin":{"hexo":"./bin/hexo"}}', 'node_modules/hexo/bin/hexo': '' })
    expect(detectServer(noServer, 'hexo', onPath('node'))).toMatchObject({
      kind: 'missing',
      reason: 'hexo-server',
      missing: expect.stringContaining('hexo-server'),
      install: 'Run `npm install hexo-server --save` in the site folder.',
    })
    const noNode = site({ 'node_modules/hexo/package.json': '{}', 'node_modules/hexo/bin/hexo': '', 'node_modules/hexo-server/package.json': '{}' })
    expect(detectServer(noNode, 'hexo', onPath())).toMatchObject({
      kind: 'missing',
      missing: expect.stringContaining('Node.js'),
      install: expect.stringContaining('nodejs.org'),
    })
  })

  it('finds hugo on PATH only, never a hugo inside the site', () => {
    const root = site({ 'hugo.toml': 'title = "x"\n', hugo: '#!/bin/sh\necho pwned\n' })
    const missing = detectServer(root, 'hugo', onPath())
    expect(missing).toEqual({
      kind: 'missing',
      tool: 'hugo',
      reason: 'hugo',
      missing: 'Hugo (the hugo command) is not on PATH.',
      install: expect.stringContaining('apt install hugo'),
    })
    const found = detectServer(root, 'hugo', onPath('hugo'))
    expect(found.kind === 'ready' && found.command.program).toBe('/usr/bin/hugo')
    expect(found.kind === 'ready' && found.command.args(1313, 1314)).toEqual(
      expect.arrayContaining(['server', '--bind', '127.0.0.1', '--port', '1313', '--buildDrafts']),
    )
  })

  it('runs bundle exec jekyll serve with live reload on a second port, or says what is missing', () => {
    expect(detectServer(site({ '_config.yml': '' }), 'jekyll', onPath('bundle'))).toMatchObject({
      kind: 'missing',
      missing: expect.stringContaining('no Gemfile'),
    })
    const root = site({ '_config.yml': '', Gemfile: 'gem "jekyll"\n' })
    expect(detectServer(root, 'jekyll', onPath())).toMatchObject({
      kind: 'missing',
      missing: 'Bundler (the bundle command) is not on PATH.',
      install: expect.stringContaining('gem install bundler'),
    })
    const found = detectServer(root, 'jekyll', onPath('bundle'))
    expect(found.kind === 'ready' && found.command.args(4000, 35729)).toEqual([
      'exec',
      'jekyll',
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '4000',
      '--baseurl',
      '',
      '--drafts',
      '--future',
      '--livereload',
      '--livereload-port',
      '35729',
    ])
  })

  it('runs npm run dev for Astro and Eleventy, with the port each takes', () => {
    const astro = site({ 'package.json': JSON.stringify({ scripts: { dev: 'astro dev' } }), 'node_modules/.keep': '' })
    const found = detectServer(astro, 'astro', onPath('npm'))
    expect(found.kind === 'ready' && found.command.args(4321, 0)).toEqual(['run', 'dev', '--', '--port', '4321', '--host', '127.0.0.1'])
    const eleventy = site({ 'package.json': JSON.stringify({ scripts: { dev: 'eleventy --serve' } }), 'node_modules/.keep': '' })
    const served = detectServer(eleventy, 'eleventy', onPath('npm'))
    expect(served.kind === 'ready' && served.command.args(8080, 0)).toEqual(['run', 'dev', '--', '--port=8080'])
    expect(detectServer(site({ 'package.json': '{"scripts":{"build":"astro build"}}' }), 'astro', onPath('npm'))).toMatchObject({
      kind: 'missing',
      missing: expect.stringContaining('no "dev" script'),
      install: expect.stringContaining('"dev": "astro dev"'),
    })
    expect(detectServer(site({ 'package.json': '{"scripts":{"dev":"astro dev"}}' }), 'astro', onPath('npm'))).toMatchObject({
      kind: 'missing',
      install: 'Run `npm install` in the site folder.',
    })
    expect(detectServer(astro, 'astro', onPath())).toMatchObject({ kind: 'missing', missing: expect.stringContaining('Node.js') })
  })

  it('offers nothing for a plain folder', () => {
    expect(detectServer(site({}), 'plain', onPath('hugo', 'npm', 'node', 'bundle'))).toEqual({ kind: 'unsupported' })
  })
})
