/**
 * What publishing usually is for this kind of site, read from its own files: shown as
 * suggestions, never run until the writer chooses one (a cloned site must not pick commands
 * for Folio to run).
 */
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import type { PublishSuggestion, SiteKind } from '../../shared/contract'
import { findProgram } from '../system/find-program'
import { readRegularFile } from '../workspace/open-inside'

const MAX_PACKAGE_BYTES = 1_000_000

export async function publishSuggestions(root: string, kind: SiteKind): Promise<PublishSuggestion[]> {
  const found: PublishSuggestion[] = []
  const pkg = await readPackage(root)
  const scripts = pkg?.scripts ?? {}
  const deps = { ...pkg?.dependencies, ...pkg?.devDependencies }
  if (kind === 'hexo' && 'hexo' in deps) {
    const config = await readText(join(root, '_config.yml'))
    found.push(
      /^deploy:/m.test(config)
        ? { command: 'npx hexo generate --deploy', why: 'Hexo builds the site and runs the deploy set in _config.yml (deploy:).', reason: 'hexo-deploy' }
        : { command: 'npx hexo generate', why: 'Hexo builds the site into public/; _config.yml sets no deploy: yet.', reason: 'hexo-generate' },
    )
  }
  // npm also runs pre<name> and post<name>, and a project .npmrc can change the shell: say so.
  const npmrc = await exists(join(root, '.npmrc'))
  for (const name of ['deploy', 'publish', 'build']) {
    if (typeof scripts[name] !== 'string') continue
    const steps = [`pre${name}`, name, `post${name}`].filter((step) => typeof scripts[step] === 'string').map((step) => `${step}: ${String(scripts[step])}`)
    const why = `The site's package.json runs ${steps.join('; then ')}${npmrc ? '. The site has an .npmrc, which can change how npm runs it.' : ''}`
    found.push({ command: `npm run ${name}`, why, reason: 'npm-script', steps: steps.join('; '), npmrc })
  }
  if (kind === 'hugo' && findProgram('hugo') !== null) found.push({ command: 'hugo --minify', why: 'Hugo builds the site into public/.', reason: 'hugo' })
  if (kind === 'jekyll' && (await exists(join(root, 'Gemfile'))))
    found.push({ command: 'bundle exec jekyll build', why: 'Jekyll builds the site into _site/ with the Gemfile’s gems.', reason: 'jekyll' })
  return found
}

interface PackageJson {
  scripts?: Record<string, unknown>
  dependencies?: Record<string, unknown>
  devDependencies?: Record<string, unknown>
}

async function readPackage(root: string): Promise<PackageJson | null> {
  const text = await readText(join(root, 'package.json'))
  if (text === '') return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as PackageJson) : null
  } catch {
    // A package.json that does not parse suggests nothing; the writer can still type a command.
    return null
  }
}

async function readText(abs: string): Promise<string> {
  const read = await readRegularFile(abs).catch(() => null)
  return read && read.bytes.length <= MAX_PACKAGE_BYTES ? read.bytes.toString('utf8') : ''
}

function exists(abs: string): Promise<boolean> {
  return access(abs).then(
    () => true,
    () => false,
  )
}
