// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { COMMAND_KEYS } from '../../../../shared/contract'
import { matchesBinding } from '../../../../renderer/workbench/command-shortcuts'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

describe('matchesBinding', () => {
  it('reads Mod as Ctrl elsewhere and as Cmd on macOS', () => {
    const ctrlS = key({ key: 's', code: 'KeyS', ctrlKey: true })
    const cmdS = key({ key: 's', code: 'KeyS', metaKey: true })
    expect(matchesBinding('Mod-s', ctrlS, false)).toBe(true)
    expect(matchesBinding('Mod-s', cmdS, false)).toBe(false)
    expect(matchesBinding('Mod-s', cmdS, true)).toBe(true)
    expect(matchesBinding('Mod-s', ctrlS, true)).toBe(false)
  })

  it('matches a letter by its key position, whatever Alt or Shift made it type', () => {
    // Option-S types ß on a Mac, Shift-P types P, and a Russian layout types ы where S is.
    expect(matchesBinding('Mod-Alt-s', key({ key: 'ß', code: 'KeyS', metaKey: true, altKey: true }), true)).toBe(true)
    expect(matchesBinding('Mod-Shift-p', key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }), false)).toBe(true)
    expect(matchesBinding('Mod-s', key({ key: 'ы', code: 'KeyS', ctrlKey: true }), false)).toBe(true)
  })

  it('needs exactly the modifiers of the binding', () => {
    expect(matchesBinding('Mod-s', key({ key: 's', code: 'KeyS', ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(matchesBinding('Mod-s', key({ key: 's', code: 'KeyS', ctrlKey: true, altKey: true }), false)).toBe(false)
    expect(matchesBinding('Mod-Shift-f', key({ key: 'f', code: 'KeyF', ctrlKey: true }), false)).toBe(false)
    expect(matchesBinding('Mod-s', key({ key: 's', code: 'KeyS' }), false)).toBe(false)
  })

  it('tells every command of the menu table apart: one key press runs one command', () => {
    for (const [command, binding] of Object.entries(COMMAND_KEYS)) {
      const parts = binding.split('-')
      const letter = parts.at(-1) ?? ''
      const event = key({
        key: letter,
        code: `Key${letter.toUpperCase()}`,
        ctrlKey: parts.includes('Mod'),
        altKey: parts.includes('Alt'),
        shiftKey: parts.includes('Shift'),
      })
      const matching = Object.entries(COMMAND_KEYS).filter(([, other]) => matchesBinding(other, event, false))
      expect(
        matching.map(([name]) => name),
        command,
      ).toEqual([command])
    }
  })
})
