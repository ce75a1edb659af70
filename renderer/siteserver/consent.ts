/**
 * The folders whose own server the writer agreed to run (starting it runs the site's code), kept
 * in this computer's local storage and never read from the site: a cloned site cannot agree for them.
 */
const KEY = 'folio.siteServerTrusted'

function load(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((f): f is string => typeof f === 'string') : []
  } catch {
    // A damaged entry means nobody agreed yet: the question is asked again.
    return []
  }
}

export function isTrusted(root: string): boolean {
  return load().includes(root)
}

export function trust(root: string): void {
  const folders = load()
  if (!folders.includes(root)) localStorage.setItem(KEY, JSON.stringify([...folders, root].sort()))
}
