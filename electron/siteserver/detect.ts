/**
 * Which of the site's own servers can run here, with the writer's installed tools: found, never
 * installed. What is missing is named with the way to install it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { SiteKind, SiteServerMissing, SiteServerTool } from '../../shared/contract'
import { findProgram } from '../system/find-program'

/** A server that can start: the program (an absolute path) and its arguments for a port. */
export interface ServerCommand {
  tool: SiteServerTool
  program: string
  /** Arguments for the chosen ports; Node-based servers are held to 127.0.0.1 whatever they ask (lifetime.ts). */
  args(port: number, reloadPort: number): string[]
  /** The command as the writer would type it, for the question before it runs and the panel. */
  display: string
  /** Run through the shell (npm is a .cmd on Windows, which Node only starts that way). */
  shell: boolean
}

export type ServerDetection =
  | { kind: 'ready'; command: ServerCommand }
  | { kind: 'missing'; tool: SiteServerTool; reason: SiteServerMissing; missing: string; install: string }
  | { kind: 'unsupported' }

type Lookup = (name: string) => string | null

const HOST = '127.0.0.1'

function readJson(path: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    // No package.json, or one npm could not read either: the site has no Node tools to run.
    return null
  }
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile()

const NODE_MISSING: { reason: SiteServerMissing; missing: string; install: string } = {
  reason: 'node',
  missing: 'Node.js (the node and npm commands) is not on PATH.',
  install: 'Install Node.js from https://nodejs.org (or your package manager), then start Folio again.',
}

function hexo(root: string, find: Lookup): ServerDetection {
  const tool = 'hexo'
  // Resolved as Node would from the site folder: its own node_modules.
  const pkg = readJson(join(root, 'node_modules', 'hexo', 'package.json'))
  if (pkg === null) {
    return {
      kind: 'missing',
      tool,
      reason: 'hexo',
      missing: 'Hexo is not installed in this site (no node_modules/hexo).',
      install: 'Run `npm install` in the site folder.',
    }
  }
  if (!isFile(join(root, 'node_modules', 'hexo-server', 'package.json'))) {
    return {
      kind: 'missing',
      tool,
      reason: 'hexo-server',
      missing: 'The Hexo server plugin (hexo-server) is not installed in this site.',
      install: 'Run `npm install hexo-server --save` in the site folder.',
    }
  }
  const bin = typeof pkg['bin'] === 'object' && pkg['bin'] !== null ? (pkg['bin'] as Record<string, unknown>)['hexo'] : undefined
  const script = join(root, 'node_modules', 'hexo', typeof bin === 'string' ? bin : 'bin/hexo')
  if (!isFile(script))
    return {
      kind: 'missing',
      tool,
      reason: 'hexo-command',
      missing: 'Hexo in node_modules has no command to run (node_modules/hexo/bin/hexo).',
      install: 'Run `npm install` in the site folder again.',
    }
  const node = find('node')
  if (node === null) return { kind: 'missing', tool, ...NODE_MISSING }
  return {
    kind: 'ready',
    command: {
      tool,
      program: node,
      // --draft: the writer previews drafts too, as the editor shows them.
      args: (port) => [script, 'server', '--ip', HOST, '--port', String(port), '--draft'],
      display: 'hexo server --draft',
      shell: false,
    },
  }
}

function hugo(find: Lookup): ServerDetection {
  const program = find('hugo')
  if (program === null) {
    return {
      kind: 'missing',
      tool: 'hugo',
      reason: 'hugo',
      missing: 'Hugo (the hugo command) is not on PATH.',
      install: 'Install Hugo from https://gohugo.io/installation (Debian and Ubuntu: `sudo apt install hugo`; macOS: `brew install hugo`).',
    }
  }
  return {
    kind: 'ready',
    command: {
      tool: 'hugo',
      program,
      // Served at the root of the chosen port; drafts and future posts shown; no lock file left in the site.
      args: (port) => ['server', '--bind', HOST, '--port', String(port), '--baseURL', `http://${HOST}/`, '--buildDrafts', '--buildFuture', '--noBuildLock'],
      display: 'hugo server --buildDrafts --buildFuture',
      shell: false,
    },
  }
}

function jekyll(root: string, find: Lookup): ServerDetection {
  const tool = 'jekyll'
  if (!isFile(join(root, 'Gemfile'))) {
    return {
      kind: 'missing',
      tool,
      reason: 'gemfile',
      missing: 'This Jekyll site has no Gemfile, so `bundle exec jekyll serve` cannot run here.',
      install: 'Add a Gemfile with `gem "jekyll"` and run `bundle install` in the site folder.',
    }
  }
  const bundle = find('bundle')
  if (bundle === null) {
    return {
      kind: 'missing',
      tool,
      reason: 'bundler',
      missing: 'Bundler (the bundle command) is not on PATH.',
      install: 'Install Ruby and run `gem install bundler`, then `bundle install` in the site folder.',
    }
  }
  return {
    kind: 'ready',
    command: {
      tool,
      program: bundle,
      args: (port, reloadPort) => [
        'exec',
        'jekyll',
        'serve',
        '--host',
        HOST,
        '--port',
        String(port),
        '--baseurl',
        '',
        '--drafts',
        '--future',
        '--livereload',
        '--livereload-port',
        String(reloadPort),
      ],
      display: 'bundle exec jekyll serve --drafts --future --livereload',
      shell: process.platform === 'win32',
    },
  }
}

function npmDev(root: string, tool: 'astro' | 'eleventy', find: Lookup): ServerDetection {
  const pkg = readJson(join(root, 'package.json'))
  const scripts = pkg !== null && typeof pkg['scripts'] === 'object' && pkg['scripts'] !== null ? (pkg['scripts'] as Record<string, unknown>) : {}
  if (typeof scripts['dev'] !== 'string') {
    const example = tool === 'astro' ? '"dev": "astro dev"' : '"dev": "eleventy --serve"'
    return {
      kind: 'missing',
      tool,
      reason: 'dev-script',
      missing: 'package.json has no "dev" script to start the site\'s server.',
      install: `Add one to its "scripts", for example ${example}.`,
    }
  }
  if (!existsSync(join(root, 'node_modules'))) {
    return {
      kind: 'missing',
      tool,
      reason: 'packages',
      missing: "The site's packages are not installed (no node_modules folder).",
      install: 'Run `npm install` in the site folder.',
    }
  }
  const npm = find('npm')
  if (npm === null) return { kind: 'missing', tool, ...NODE_MISSING }
  // Astro takes --host; Eleventy's dev server only a port: lifetime.ts's preload holds it to 127.0.0.1.
  const extra = (port: number): string[] => (tool === 'astro' ? ['--port', String(port), '--host', HOST] : [`--port=${port}`])
  return {
    kind: 'ready',
    command: {
      tool,
      program: npm,
      args: (port) => ['run', 'dev', '--', ...extra(port)],
      display: 'npm run dev',
      shell: process.platform === 'win32',
    },
  }
}

/** What would serve this site, from its kind and the tools installed (PATH only, never the site's own copy of a program). */
export function detectServer(root: string, kind: SiteKind, find: Lookup = findProgram): ServerDetection {
  switch (kind) {
    case 'hexo':
      return hexo(root, find)
    case 'hugo':
      return hugo(find)
    case 'jekyll':
      return jekyll(root, find)
    case 'astro':
    case 'eleventy':
      return npmDev(root, kind, find)
    case 'plain':
      return { kind: 'unsupported' }
  }
}
