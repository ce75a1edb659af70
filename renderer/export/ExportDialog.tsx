import { useRef, useState } from 'react'
import type { ExportFormat, ExportOptions, ExportProgress, ExportResult, PdfPageSize } from '../../shared/contract'
import { folio } from '../bridge'
import { useMainEvents } from '../workbench/use-main-events'
import { useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import type { StringKey } from '../i18n/strings'
import { Modal } from '../dialogs/Modal'
import { MessageText } from '../i18n/tool-output'

interface Props {
  /** The open article, or null: then only the whole folder can be exported. */
  articlePath: string | null
  /** The open article has edits not saved yet (export reads the file on disk). */
  unsaved: boolean
  /** Remote content is allowed for this folder: the export keeps it unless unticked. */
  remoteAllowed: boolean
  onClose(): void
}

type Phase = { kind: 'setup' } | { kind: 'running'; id: string; progress: ExportProgress | null } | { kind: 'done'; result: ExportResult }

const FORMATS: { value: ExportFormat; label: StringKey }[] = [
  { value: 'html', label: 'formatHtml' },
  { value: 'pdf', label: 'formatPdf' },
  { value: 'md', label: 'formatMd' },
  { value: 'zip', label: 'formatZip' },
  { value: 'site', label: 'formatSite' },
]
const PAGE_SIZES: PdfPageSize[] = ['A4', 'A5', 'Letter', 'Legal']

let exportCount = 0

/**
 * Export the open article or the whole folder: format and options, then the main side asks
 * where to; progress with Cancel while it runs; what was written and what failed at the end.
 */
export function ExportDialog({ articlePath, unsaved, remoteAllowed, onClose }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const [scope, setScope] = useState<'article' | 'folder'>(articlePath ? 'article' : 'folder')
  const [format, setFormat] = useState<ExportFormat>('html')
  const [inlineImages, setInlineImages] = useState(false)
  const [stripHeader, setStripHeader] = useState(false)
  const [remoteContent, setRemoteContent] = useState(remoteAllowed)
  const [drafts, setDrafts] = useState(false)
  const [pageSize, setPageSize] = useState<PdfPageSize>('A4')
  const [landscape, setLandscape] = useState(false)
  const [margin, setMargin] = useState(18)
  const [headerTitle, setHeaderTitle] = useState(false)
  const [pageNumbers, setPageNumbers] = useState(true)
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' })
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  // The listener is registered before the request leaves, so the first progress event is never missed.
  const runningId = useRef<string | null>(null)

  useMainEvents({
    exportProgress: (progress) => {
      if (progress.id !== runningId.current) return
      setPhase((p) => (p.kind === 'running' && p.id === progress.id ? { ...p, progress } : p))
    },
  })

  const formats = scope === 'article' ? FORMATS.filter((f) => f.value !== 'site') : FORMATS
  // A site is always the whole folder.
  const chooseScope = (next: 'article' | 'folder') => {
    setScope(next)
    if (next === 'article' && format === 'site') setFormat('html')
  }
  const running = phase.kind === 'running'

  const options = (): ExportOptions => {
    if (format === 'pdf') {
      const pdf = { pageSize, landscape, headerTitle, pageNumbers, margins: { top: margin, right: margin, bottom: margin, left: margin } }
      return { drafts, pdf, remoteContent }
    }
    if (format === 'md' || format === 'zip') return { drafts, stripHeader }
    return { drafts, inlineImages, remoteContent }
  }

  const start = async () => {
    const id = `export-${Date.now()}-${++exportCount}`
    runningId.current = id
    setError(null)
    setPhase({ kind: 'running', id, progress: null })
    try {
      const result = await folio.exportArticles({ id, articles: scope === 'article' && articlePath ? [articlePath] : 'all', format, options: options() })
      setPhase(result ? { kind: 'done', result } : { kind: 'setup' })
    } catch (e) {
      setError(describe(e))
      setPhase({ kind: 'setup' })
    } finally {
      runningId.current = null
    }
  }

  const copyRichText = async () => {
    if (!articlePath) return
    setCopied(false)
    try {
      await folio.copyRichText(articlePath, { remoteContent })
      setCopied(true)
    } catch (e) {
      setError(describe(e))
    }
  }

  const check = (label: StringKey, value: boolean, set: (v: boolean) => void) => (
    <label>
      <input type="checkbox" checked={value} disabled={running} onChange={(e) => set(e.currentTarget.checked)} /> {t(label)}
    </label>
  )

  return (
    <Modal title={t('exportArticle')} testId="export-dialog" onDismiss={running ? undefined : onClose} className="export-dialog">
      <fieldset disabled={running}>
        <legend>{t('exportScope')}</legend>
        {articlePath && (
          <label>
            <input type="radio" name="export-scope" checked={scope === 'article'} onChange={() => chooseScope('article')} />{' '}
            {t('exportThisArticle', { path: articlePath })}
          </label>
        )}
        <label>
          <input type="radio" name="export-scope" checked={scope === 'folder'} onChange={() => chooseScope('folder')} /> {t('exportWholeFolder')}
        </label>
      </fieldset>
      <label className="export-field">
        {t('exportFormat')}{' '}
        <select data-testid="export-format" autoFocus value={format} disabled={running} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </label>
      <div className="export-options">
        {(format === 'html' || format === 'site') && check('inlineImages', inlineImages, setInlineImages)}
        {(format === 'md' || format === 'zip') && check('stripHeader', stripHeader, setStripHeader)}
        {format !== 'md' && format !== 'zip' && check('keepRemoteContent', remoteContent, setRemoteContent)}
        {scope === 'folder' && check('includeDrafts', drafts, setDrafts)}
        {format === 'pdf' && (
          <>
            <label className="export-field">
              {t('pageSize')}{' '}
              <select value={pageSize} disabled={running} onChange={(e) => setPageSize(e.currentTarget.value as PdfPageSize)}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <label className="export-field">
              {t('marginsMm')}{' '}
              <input
                type="number"
                min={0}
                max={50}
                value={margin}
                disabled={running}
                onChange={(e) => setMargin(Math.min(50, Math.max(0, Number(e.currentTarget.value) || 0)))}
              />
            </label>
            {check('landscape', landscape, setLandscape)}
            {check('pdfHeaderTitle', headerTitle, setHeaderTitle)}
            {check('pageNumbers', pageNumbers, setPageNumbers)}
          </>
        )}
      </div>
      {unsaved && scope === 'article' && <p className="export-note">{t('exportUnsaved')}</p>}
      {phase.kind === 'running' && (
        <div className="export-running" role="status">
          <progress
            data-testid="export-progress"
            aria-label={t('exportProgress')}
            max={phase.progress?.total ?? 1}
            {...(phase.progress ? { value: phase.progress.done } : {})}
          />
          <p>{phase.progress ? t('exportRunning', { ...phase.progress }) : t('exportWaiting')}</p>
        </div>
      )}
      {phase.kind === 'done' && <ExportSummary result={phase.result} />}
      {error && (
        <p className="error" role="alert">
          <MessageText text={error} />
        </p>
      )}
      {copied && <p role="status">{t('copiedRichText')}</p>}
      <div className="actions">
        {running ? (
          <button data-testid="export-cancel" onClick={() => void folio.cancelExport(phase.id)}>
            {t('cancel')}
          </button>
        ) : (
          <button data-testid="export-start" onClick={() => void start()}>
            {phase.kind === 'done' ? t('exportAgain') : t('startExport')}
          </button>
        )}
        {articlePath && (
          <button data-testid="export-copy-rich-text" onClick={() => void copyRichText()} disabled={running}>
            {t('copyRichText')}
          </button>
        )}
        <button onClick={onClose} disabled={running}>
          {t('close')}
        </button>
      </div>
    </Modal>
  )
}

function ExportSummary({ result }: { result: ExportResult }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const facts = { count: result.exported, target: result.target }
  return (
    <div className="export-result" data-testid="export-result" role="status">
      <p>{result.cancelled ? t('exportCancelled', facts) : t('exportDone', facts)}</p>
      {result.failures.length > 0 && (
        <>
          <p>{t('exportFailures', { count: result.failures.length })}</p>
          <ul className="export-failures">
            {result.failures.map((f) => (
              // The sentence names the article: once, as a path where it says it.
              <li key={f.path} data-path={f.path}>
                <MessageText text={errorText(f)} file={f.path} />
              </li>
            ))}
          </ul>
        </>
      )}
      {result.missingImages.length > 0 && <p data-testid="export-missing">{t('exportMissingImages', { count: result.missingImages.length })}</p>}
      {result.remoteLeftOut.length > 0 && <p data-testid="export-remote-left-out">{t('exportRemoteLeftOut', { count: result.remoteLeftOut.length })}</p>}
    </div>
  )
}
