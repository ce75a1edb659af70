import type { EditorView } from '@codemirror/view'
import type { FolderInfo } from '../../shared/contract'
import type { FolderSchema } from '../../shared/schema'
import type { BufferSnapshot, BufferStore } from '../buffers/buffer-store'
import { DeletedBanner } from '../buffers/DeletedBanner'
import { FieldChecks } from '../checks/FieldChecks'
import { Editor } from '../editor/Editor'
import { useI18n } from '../i18n/i18n'
import { Welcome } from '../library/Welcome'
import { MergedNotice } from '../merge/MergedNotice'
import { PropertiesForm } from '../properties/PropertiesForm'
import type { ArticleAssets } from './use-article-assets'
import type { FolderRules } from './use-folder-rules'
import type { OpenRequests } from './use-open-requests'

interface Props {
  session: BufferSnapshot
  buffers: BufferStore
  view: EditorView | null
  onView(view: EditorView | null): void
  folder: FolderInfo | null
  schema: FolderSchema | null
  rules: Pick<FolderRules, 'collection' | 'required' | 'timeZone'>
  assets: Pick<ArticleAssets, 'imageUrl' | 'listImages'>
  openRequests: Pick<OpenRequests, 'opening' | 'problems' | 'dismissProblems'>
  /** The welcome may show when no folder is open: the main process said so, and no problem is shown instead. */
  welcome: boolean
  onOpenFolder(path: string): void
  propertiesShown: boolean
  onToggleProperties(): void
  goToLine(line: number): void
}

/** The middle pane: what the window is opening, the open article's banners, its properties form and checks, and the editor. */
export function EditorPane({
  session,
  buffers,
  view,
  onView,
  folder,
  schema,
  rules,
  assets,
  openRequests,
  welcome,
  onOpenFolder,
  propertiesShown,
  onToggleProperties,
  goToLine,
}: Props) {
  const { t } = useI18n()
  const { path } = session
  const parsed = session.header.parsed
  return (
    <section className="editor-pane" aria-label={t('editor')}>
      {openRequests.problems.length > 0 && (
        <div className="error" role="alert" data-testid="open-problem">
          {openRequests.problems.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
          <button type="button" onClick={openRequests.dismissProblems}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {openRequests.opening && !folder && (
        <p className="placeholder" data-testid="opening-folder">
          {t('openingFolder', { folder: openRequests.opening })}
        </p>
      )}
      {!folder && welcome && !openRequests.opening && <Welcome onOpen={onOpenFolder} />}
      {folder && !path && <p className="placeholder">{t('noArticleOpen')}</p>}
      {path && session.state === 'deleted' && (
        <DeletedBanner
          path={path}
          message={session.message}
          // The pressed button goes away with the banner: typing goes on in the text.
          onRecreate={() => void buffers.save().then((saved) => saved && view?.focus())}
          onSaveAs={(to) => void buffers.saveAs(to).then((saved) => saved && view?.focus())}
          onClose={() => buffers.forget(path)}
        />
      )}
      {path && (
        <div className="properties-bar">
          <button type="button" className="properties-toggle" aria-expanded={propertiesShown} aria-label={t('toggleProperties')} onClick={onToggleProperties}>
            {propertiesShown ? '▾' : '▸'} {t('properties')}
          </button>
        </div>
      )}
      {path && propertiesShown && (
        <PropertiesForm
          text={session.text}
          parsed={parsed}
          schema={schema}
          collection={rules.collection}
          hexo={folder?.kind === 'hexo'}
          eol={session.eol}
          readOnly={session.readOnly !== null}
          target={buffers}
          listImages={assets.listImages}
          imageUrl={assets.imageUrl}
        />
      )}
      {path && propertiesShown && <FieldChecks text={session.text} parsed={parsed} required={rules.required} timeZone={rules.timeZone} onGoTo={goToLine} />}
      {session.merged && <MergedNotice notice={session.merged} onDismiss={buffers.dismissMerged} />}
      <Editor onView={onView} label={t('editor')} />
    </section>
  )
}
