import { useEffect, useRef } from 'react'
import { COMMAND_KEYS, type MenuCommand } from '../../shared/contract'

export type CommandHandlers = Partial<Record<MenuCommand, () => void>>

const MAC = /Mac|iPhone|iPad/.test(navigator.platform)

/** A binding in CodeMirror notation (`Mod-Alt-s`), taken apart once rather than at every key. */
interface Binding {
  mod: boolean
  alt: boolean
  shift: boolean
  key: string
  /** The key's event.code, not event.key, for a letter: Alt and Shift change the character a letter key types. */
  code: string
}

function parseBinding(binding: string): Binding {
  const parts = binding.split('-')
  const key = parts.pop() ?? ''
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key
  return { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key, code }
}

function matches(want: Binding, event: KeyboardEvent, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey
  return mod === want.mod && event.altKey === want.alt && event.shiftKey === want.shift && (event.code === want.code || event.key === want.key)
}

/** Whether a key event is a binding in CodeMirror notation (`Mod-Alt-s`; Mod is Cmd on macOS). */
export function matchesBinding(binding: string, event: KeyboardEvent, mac = MAC): boolean {
  return matches(parseBinding(binding), event, mac)
}

/** Every command's binding, parsed: the window hears every key typed anywhere in it. */
const BINDINGS = (Object.entries(COMMAND_KEYS) as [MenuCommand, string][]).map(([command, binding]) => [command, parseBinding(binding)] as const)

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
      for (const [command, binding] of BINDINGS) {
        const run = latest.current[command]
        if (run && matches(binding, event, MAC)) {
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
