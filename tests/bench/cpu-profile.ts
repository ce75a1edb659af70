/**
 * A CPU profile of the page while a bench types (CDP Profiler), summed per function: where a
 * keystroke's time goes, for the benches that time typing (BENCH_PROFILE=1).
 */
import type { CDPSession } from '@playwright/test'
import { writeFile } from 'node:fs/promises'
import { bounded } from './typing'

/** Profiles written by this run (BENCH_PROFILE_OUT), numbered in order. */
let written = 0

export interface Profiled {
  self: Map<string, number>
  total: Map<string, number>
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** Self and total milliseconds per function of a CDP CPU profile. */
export function summarize(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): Profiled {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000
    let node = byId.get(samples[i]!)
    if (!node) continue
    self.set(name(node), (self.get(name(node)) ?? 0) + ms)
    const seen = new Set<string>()
    while (node) {
      const key = name(node)
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms)
      seen.add(key)
      const up = parent.get(node.id)
      node = up === undefined ? undefined : byId.get(up)
    }
  }
  return { self, total }
}

export function printTop(title: string, times: Map<string, number>, count: number): void {
  console.log(`  ${title}`)
  const skip = /^\((root|program|idle|garbage collector)\)/
  for (const [fn, ms] of [...times]
    .filter(([fn]) => !skip.test(fn))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)) {
    console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${fn}`)
  }
}

/** The longest the profiler may take to start or to hand its profile over. */
const PROFILER_TIMEOUT_MS = 60_000

/** Profiles the page (sampling every 200 µs) while `run` runs. */
export async function profiled(cdp: CDPSession, run: () => Promise<unknown>): Promise<Profiled> {
  const start = async () => {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  await bounded(start(), PROFILER_TIMEOUT_MS, 'the profiler to start')
  await run()
  const { profile } = await bounded(cdp.send('Profiler.stop'), PROFILER_TIMEOUT_MS, 'the CPU profile')
  // The whole profile, for its call tree (chrome://inspect or any .cpuprofile reader).
  if (process.env.BENCH_PROFILE_OUT) await writeFile(`${process.env.BENCH_PROFILE_OUT}-${++written}.cpuprofile`, JSON.stringify(profile))
  return summarize(profile as unknown as Parameters<typeof summarize>[0])
}
