import { COMMAND_KEYS, type MenuCommand } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import { COMMAND_LABELS, shownKeys } from '../dialogs/ShortcutsPanel'
import type { CommandHandlers } from '../workbench/command-shortcuts'
import { rank } from './quick-open/fuzzy'
import { Highlighted, Picker } from './quick-open/Picker'

export interface PaletteCommand {
  id: string
  label: string
  /** The binding in CodeMirror notation (Mod-Shift-p), when it has one. */
  keys?: string
  run(): void
}

interface Props {
  /** The app's shortcut commands; each with a handler is listed with its keys. */
  commands: CommandHandlers
  /** Actions without a shortcut (settings, panels …). */
  more: readonly PaletteCommand[]
  onClose(): void
}

/** Ctrl/Cmd+Shift+P: every command by name, with its shortcut; fuzzy-filtered as you type. */
export function CommandPalette({ commands, more, onClose }: Props) {
  const { t } = useI18n()
  const all: PaletteCommand[] = [
    ...(Object.entries(COMMAND_KEYS) as [MenuCommand, string][]).flatMap(([id, keys]) => {
      const run = commands[id]
      return run && id !== 'command-palette' ? [{ id, label: t(COMMAND_LABELS[id]), keys, run }] : []
    }),
    ...more,
  ]
  return (
    <Picker
      title={t('commandPalette')}
      testId="command-palette"
      placeholder={t('commandPaletteHint')}
      empty={t('commandNothing')}
      rows={(text) =>
        text.trim()
          ? rank(
              all,
              text,
              (c) => [
                [c.label, 1],
                [c.id, 0.7],
              ],
              all.length,
            )
          : all.map((item) => ({ item, score: 0, positions: [] }))
      }
      keyOf={(row) => row.item.id}
      onChoose={(row) => row.item.run()}
      onClose={onClose}
      render={(row) => (
        <>
          <span>
            <Highlighted text={row.item.label} positions={row.positions} />
          </span>
          {row.item.keys && <kbd>{shownKeys(row.item.keys)}</kbd>}
        </>
      )}
    />
  )
}
