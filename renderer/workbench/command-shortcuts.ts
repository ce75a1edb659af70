import { useEffect, useRef } from 'react'
import { COMMAND_KEYS, type MenuCommand } from '../../shared/contract'

export type CommandHandlers = Partial<Record<MenuCommand, () => void>>

const MAC = /Mac|iPhone|iPad/.test(navigator.platform)

/** Whether a key event is a binding in CodeMirror notation (`Mod-Alt-s`; Mod is Cmd on macOS). */
export function matchesBinding(binding: string, event: KeyboardEvent, mac = MAC): boolean {
  const parts = binding.split('-')
  const key = parts.pop() ?? ''
  const want = { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift') }
  const mod = mac ? event.metaKey : event.ctrlKey
  // event.code, not event.key: Alt and Shift change the character a letter key types.
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key
  return mod === want.mod && event.altKey === want.alt && event.shiftKey === want.shift && (event.code === code || event.key === key)
}

/**
 * The window-wide shortcuts of COMMAND_KEYS, working from anywhere — the editor, a form field,
 * the list — in the capture phase. The harness has no native menu, and the app's menu shows
 * these accelerators without registering them, so each fires exactly once.
 */
export function useCommandShortcuts(handlers: CommandHandlers): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const [command, binding] of Object.entries(COMMAND_KEYS) as [MenuCommand, string][]) {
        const run = latest.current[command]
        if (run && matchesBinding(binding, event)) {
          event.preventDefault()
          event.stopPropagation()
          run()
          return
        }
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
