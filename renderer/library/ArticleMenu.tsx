import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'

export interface MenuTarget {
  path: string
  x: number
  y: number
}

type Step = { kind: 'menu' } | { kind: 'rename'; value: string } | { kind: 'trash' }

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
  const [step, setStep] = useState<Step>({ kind: 'menu' })
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])

  if (step.kind === 'rename') {
    const submit = () => {
      const to = step.value.trim()
      if (to && to !== target.path) onRename(target.path, to)
      onClose()
    }
    return (
      <div className="modal-backdrop" onClick={onClose}>
        <div className="modal" role="dialog" aria-modal="true" aria-labelledby="rename-title" onClick={(e) => e.stopPropagation()} data-testid="rename-dialog">
          <h2 id="rename-title">{t('renameArticle')}</h2>
          <input
            autoFocus
            type="text"
            aria-label={t('newPath')}
            value={step.value}
            onChange={(e) => setStep({ kind: 'rename', value: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit()
              if (e.key === 'Escape') onClose()
            }}
          />
          <div className="actions">
            <button onClick={submit}>{t('rename')}</button>
            <button onClick={onClose}>{t('cancel')}</button>
          </div>
        </div>
      </div>
    )
  }

  if (step.kind === 'trash') {
    return (
      <div className="modal-backdrop" onClick={onClose}>
        <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="trash-title" onClick={(e) => e.stopPropagation()} data-testid="trash-dialog">
          <h2 id="trash-title">{t('moveToTrash')}</h2>
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
        </div>
      </div>
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
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        data-testid="article-menu"
      >
        <button role="menuitem" ref={first} onClick={() => setStep({ kind: 'rename', value: target.path })}>
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
        <button role="menuitem" onClick={() => setStep({ kind: 'trash' })}>
          {t('moveToTrash')}…
        </button>
      </div>
    </div>
  )
}
