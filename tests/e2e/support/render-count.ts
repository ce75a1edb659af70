/**
 * Which components of the built renderer render, counted through the hook React reports its
 * commits to (the one its developer tools install; the production build reports to it too).
 * After every commit the tree is walked the way those tools walk it: a subtree whose child is the
 * previous commit's is untouched; a component with the PerformedWork flag called its render.
 * Those are React's internals (fiber tags, flags, the hook's onCommitFiberRoot), not its API:
 * written against react and react-dom 19.3.1 (package-lock.json); check them when React moves.
 */
import type { Page } from '@playwright/test'

declare global {
  interface Window {
    folioRenders?: Record<string, number>
  }
}

/** Installed before the page's scripts run: React finds the hook when it starts. */
function installHook(): void {
  const counts: Record<string, number> = {}
  window.folioRenders = counts
  // FunctionComponent, ClassComponent, ForwardRef, SimpleMemoComponent: the fibers that call a render.
  const RENDERS = new Set([0, 1, 11, 15])
  const PERFORMED_WORK = 1
  interface Fiber {
    tag: number
    type: { name?: string; displayName?: string; render?: { name?: string } } | null
    flags: number
    child: Fiber | null
    sibling: Fiber | null
    alternate: Fiber | null
  }
  const nameOf = (fiber: Fiber) => {
    const type = fiber.type
    // The bundler renames a memo's inner function `X` to `X2` when `const X = memo(...)` takes the name.
    const name = type?.displayName ?? type?.name ?? type?.render?.name ?? '?'
    return name.replace(/\d+$/, '')
  }
  const visit = (fiber: Fiber) => {
    const before = fiber.alternate
    if (RENDERS.has(fiber.tag) && (before === null || (fiber.flags & PERFORMED_WORK) !== 0)) {
      const name = nameOf(fiber)
      counts[name] = (counts[name] ?? 0) + 1
    }
    if (before !== null && before.child === fiber.child) return
    for (let child = fiber.child; child; child = child.sibling) visit(child)
  }
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    configurable: true,
    value: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => visit(root.current),
    },
  })
}

/**
 * Starts counting: the page loads again with the hook in place (the folder stays open) and waits
 * until `ready` shows.
 */
export async function countRenders(page: Page, ready: string): Promise<void> {
  await page.addInitScript(installHook)
  await page.reload()
  await page.locator(ready).first().waitFor()
}

/** The renders counted since the last call, by component name. */
export async function takeRenders(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts = { ...window.folioRenders }
    for (const name of Object.keys(window.folioRenders ?? {})) delete window.folioRenders![name]
    return counts
  })
}
