import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useReturnFocus } from '../dialogs/focus-trap'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'
import { PathPromptDialog } from '../dialogs/PathPromptDialog'

export interface MenuTarget {
  path: string
  x: number
  y: number
}

type Step = 'menu' | 'rename' | 'trash'

interface Props {
  target: MenuTarget
  onRename(from: string, to: string): void
  onDuplicate(path: string): void
  onTrash(path: string): void
  onClose(): void
}

/** The article's context menu; renaming asks for the new path, trashing asks for confirmation. */
export function ArticleMenu({ target, onRename, onDuplicate, onTrash, onClose }: Props) {
  const { t } = useI18n()
  const [step, setStep] = useState<Step>('menu')
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  // Back to the list (or wherever the menu was opened from) once the menu and its dialogs close.
  useReturnFocus()

  if (step === 'rename') {
    return (
      <PathPromptDialog
        title={t('renameArticle')}
        testId="rename-dialog"
        label={t('newPath')}
        initial={target.path}
        submitLabel={t('rename')}
        onSubmit={(to) => {
          if (to !== target.path) onRename(target.path, to)
          onClose()
        }}
        onCancel={onClose}
      />
    )
  }

  if (step === 'trash') {
    return (
      <Modal title={t('moveToTrash')} testId="trash-dialog" role="alertdialog" onDismiss={onClose}>
        <p>{t('trashConfirm', { path: target.path })}</p>
        <div className="actions">
          <button
            autoFocus
            onClick={() => {
              onTrash(target.path)
              onClose()
            }}
          >
            {t('moveToTrash')}
          </button>
          <button onClick={onClose}>{t('cancel')}</button>
        </div>
      </Modal>
    )
  }

  return (
    <div className="menu-backdrop" onClick={onClose} onContextMenu={(e) => (e.preventDefault(), onClose())}>
      <div
        className="context-menu"
        role="menu"
        aria-label={target.path}
        style={{ left: target.x, top: target.y }}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={menuKeys(onClose)}
        data-testid="article-menu"
      >
        <button role="menuitem" ref={first} onClick={() => setStep('rename')}>
          {t('rename')}…
        </button>
        <button
          role="menuitem"
          onClick={() => {
            onDuplicate(target.path)
            onClose()
          }}
        >
          {t('duplicate')}
        </button>
        <button role="menuitem" onClick={() => setStep('trash')}>
          {t('moveToTrash')}…
        </button>
      </div>
    </div>
  )
}

/** A menu's keys: arrows, Home and End move between items (wrapping); Escape and Tab close it. */
function menuKeys(onClose: () => void) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
      return
    }
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role=menuitem]')]
    const at = items.indexOf(document.activeElement as HTMLElement)
    const to =
      event.key === 'ArrowDown'
        ? (at + 1) % items.length
        : event.key === 'ArrowUp'
          ? (at - 1 + items.length) % items.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : null
    if (to === null) return
    event.preventDefault()
    items[to]?.focus()
  }
}
