/**
 * What the benchmarks that type into the built renderer share: the in-page helpers as one script,
 * what to type, how to type it (bursts with pauses) and the quantiles of what was measured.
 */
import type { Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type * as PageSide from './renderer-page'
import { bounded } from './support'

export { bounded }

declare global {
  interface Window {
    folioBench?: typeof PageSide
  }
}

/** The in-page helpers and baselines as one script (see renderer-page.ts), for page.evaluate. */
export async function pageScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: { entry: fileURLToPath(new URL('./renderer-page.ts', import.meta.url)), formats: ['iife'], name: 'folioBench' },
    },
  })
  const result = Array.isArray(output) ? output[0] : output
  if (!result || !('output' in result)) throw new Error('vite build gave no output')
  return result.output[0].code
}

export { quantile } from './support'

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** The longest one key (or one in-page call) may take on a loaded machine before the run fails. */
const KEY_TIMEOUT_MS = 30_000

/** What to type: English and Chinese words, spaces between. */
export function typingText(count: number): string[] {
  const words = ['fast ', '中文', 'edit ', '测试', 'words ', '云计算', 'keys ']
  const keys: string[] = []
  for (let i = 0; keys.length < count; i++) keys.push(...words[i % words.length]!)
  return keys.slice(0, count)
}

export interface Cadence {
  /** Keys typed before a pause. */
  burst: number
  /** Between two keys of a burst (~20 keys a second at 50). */
  gapMs: number
  /** After each burst: whatever the app does in a pause is in the way of the next key. */
  pauseMs: number
}

/** Types `keys` in bursts with a pause after each; returns the per-keystroke paint times. */
export async function typeBursts(page: Page, keys: string[], cadence: Cadence): Promise<number[]> {
  await bounded(
    page.evaluate(() => window.folioBench!.takeKeystrokes()),
    KEY_TIMEOUT_MS,
    'the page to hand over keystroke times',
  )
  for (let i = 0; i < keys.length; i++) {
    await bounded(page.keyboard.type(keys[i]!), KEY_TIMEOUT_MS, `the page to take the key "${keys[i]}"`)
    await sleep(i % cadence.burst === cadence.burst - 1 ? cadence.pauseMs : cadence.gapMs)
  }
  await sleep(cadence.pauseMs)
  return bounded(
    page.evaluate(() => window.folioBench!.takeKeystrokes()),
    KEY_TIMEOUT_MS,
    'the page to hand over keystroke times',
  )
}
