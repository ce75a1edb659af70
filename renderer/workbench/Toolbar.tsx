import { memo, type ReactNode } from 'react'
import type { FolderInfo } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import type { Dialog } from './dialog-state'
import { IconButton } from '../controls/IconButton'

interface Props {
  folder: FolderInfo | null
  onOpenFolder(): void
  openDialog(dialog: Dialog): void
  taxonomyOpen: boolean
  onToggleTaxonomy(): void
  mediaOpen: boolean
  onToggleMedia(): void
  /** The open article has something to save (edits, a failed save, its file deleted). */
  canSave: boolean
  onSave(): void
  /** The git buttons, between the folder's actions and the window's. */
  children?: ReactNode
}

/** The window's toolbar: the folder and its actions, the side panels, language, shortcuts, settings and Save. Memoized: a form write changes none of its props. */
export const Toolbar = memo(function Toolbar({
  folder,
  onOpenFolder,
  openDialog,
  taxonomyOpen,
  onToggleTaxonomy,
  mediaOpen,
  onToggleMedia,
  canSave,
  onSave,
  children,
}: Props) {
  const { t, locale, setLocale } = useI18n()
  return (
    <header className="toolbar">
      <strong className="brand">{t('appName')}</strong>
      <span className="folder-name" title={folder?.root}>
        {folder?.name ?? t('noFolder')}
      </span>
      <button onClick={onOpenFolder}>{t('openFolder')}</button>
      <button onClick={() => openDialog({ kind: 'new-article' })} disabled={!folder}>
        {t('newArticle')}
      </button>
      <button data-testid="export-open" onClick={() => openDialog({ kind: 'export' })} disabled={!folder}>
        {t('exportArticle')}
      </button>
      <button data-testid="toggle-taxonomy" aria-pressed={taxonomyOpen} title={t('toggleTaxonomy')} disabled={!folder} onClick={onToggleTaxonomy}>
        {t('taxonomy')}
      </button>
      <button type="button" data-testid="toggle-media" aria-pressed={mediaOpen} title={t('toggleMedia')} disabled={!folder} onClick={onToggleMedia}>
        {t('media')}
      </button>
      <button type="button" data-testid="publish-open" onClick={() => openDialog({ kind: 'publish' })} disabled={!folder}>
        {t('publish')}
      </button>
      {children}
      <span className="spacer" />
      <label>
        {t('language')}{' '}
        <select value={locale} onChange={(e) => setLocale(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <IconButton label={t('shortcuts')} onClick={() => openDialog({ kind: 'shortcuts' })}>
        ⌨
      </IconButton>
      <IconButton label={t('settings')} onClick={() => openDialog({ kind: 'settings' })}>
        ⚙
      </IconButton>
      <button onClick={onSave} disabled={!canSave}>
        {t('save')}
      </button>
    </header>
  )
})
