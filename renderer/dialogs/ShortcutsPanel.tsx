import { COMMAND_KEYS, type MenuCommand } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import type { StringKey } from '../i18n/strings'
import { Modal } from './Modal'

const MAC = /Mac|iPhone|iPad/.test(navigator.platform)

export const COMMAND_LABELS: Record<MenuCommand, StringKey> = {
  'new-article': 'newArticle',
  'open-folder': 'openFolder',
  'quick-open': 'quickOpen',
  'command-palette': 'commandPalette',
  save: 'save',
  'save-all': 'saveAll',
  export: 'exportArticle',
  find: 'findReplace',
  'search-folder': 'search',
  'replace-folder': 'replaceToggle',
  'toggle-sidebar': 'toggleSidebar',
  'toggle-properties': 'toggleProperties',
  'toggle-preview': 'togglePreview',
  'insert-image': 'insertImage',
}

/** Keys the editor itself binds (CodeMirror's keymaps), listed for discovery. */
const EDITOR_KEYS: [string, StringKey][] = [
  ['Mod-z', 'undo'],
  ['Mod-Shift-z', 'redo'],
  ['Mod-Alt-[', 'foldRegion'],
  ['Mod-Alt-]', 'unfoldRegion'],
]

/** A binding as the platform writes it: Ctrl+Shift+P, or ⌘⇧P on macOS. */
export function shownKeys(binding: string): string {
  return binding
    .split('-')
    .map((part) =>
      part === 'Mod' ? (MAC ? '⌘' : 'Ctrl') : part === 'Alt' ? (MAC ? '⌥' : 'Alt') : part === 'Shift' ? (MAC ? '⇧' : 'Shift') : part.toUpperCase(),
    )
    .join(MAC ? '' : '+')
}

export function ShortcutsPanel({ onClose }: { onClose(): void }) {
  const { t } = useI18n()
  const rows: [string, StringKey][] = [
    ...(Object.entries(COMMAND_KEYS) as [MenuCommand, string][]).map(([command, keys]): [string, StringKey] => [keys, COMMAND_LABELS[command]]),
    ...EDITOR_KEYS,
  ]
  return (
    <Modal title={t('shortcuts')} testId="shortcuts" onDismiss={onClose}>
      <table className="shortcuts">
        <tbody>
          {rows.map(([keys, label]) => (
            <tr key={keys}>
              <td>{t(label)}</td>
              <td>
                <kbd>{shownKeys(keys)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button autoFocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  )
}
