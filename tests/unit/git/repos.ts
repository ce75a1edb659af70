/**
 * Real git repositories for the tests: a Hexo-shaped site committed in a working clone of a
 * local bare remote, and more clones of it that make their own (conflicting) edits.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SITES = new URL('../../fixtures/sites/', import.meta.url).pathname

export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
  })
}

export interface Repos {
  base: string
  remote: string
  /** A clone with the fixture site committed and pushed. */
  clone(name: string): string
  cleanup(): void
}

/** `site` is a fixture under tests/fixtures/sites, committed under `sub` inside the repository. */
export function makeRepos(site = 'hexo', sub = ''): Repos {
  const base = mkdtempSync(join(tmpdir(), 'folio-git-'))
  const remote = join(base, 'remote.git')
  sh(base, 'init', '-q', '--bare', '-b', 'main', remote)
  const first = join(base, 'first')
  sh(base, 'clone', '-q', remote, first)
  identify(first, 'First Writer')
  cpSync(join(SITES, site), join(first, sub), { recursive: true })
  execFileSync('chmod', ['-R', 'u+w', first])
  sh(first, 'add', '-A')
  sh(first, 'commit', '-q', '-m', 'The site')
  sh(first, 'push', '-q', 'origin', 'main')
  return {
    base,
    remote,
    clone(name) {
      const dir = join(base, name)
      sh(base, 'clone', '-q', remote, dir)
      identify(dir, name)
      return dir
    },
    cleanup() {
      rmSync(base, { recursive: true, force: true })
    },
  }
}

function identify(dir: string, name: string): void {
  sh(dir, 'config', 'user.name', name)
  sh(dir, 'config', 'user.email', `${name.replace(/\s+/g, '.').toLowerCase()}@example.com`)
}
