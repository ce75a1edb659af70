import { useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react'
import type { BulkResult, ReplaceFile, ReplacePreview, ReplaceRequest } from '../../../shared/contract'
import { folio } from '../../bridge'
import { useErrorText } from '../../i18n/errors'
import { useI18n } from '../../i18n/i18n'
import { HunkView } from '../../dialogs/HunkView'
import { SkippedList } from '../../dialogs/SkippedList'
import { Modal } from '../../dialogs/Modal'
import { MessageText } from '../../i18n/tool-output'

interface Props {
  request: ReplaceRequest
  onClose(): void
  /** Articles written by the apply or its undo: the library and open buffers follow. */
  onChanged(paths: string[]): void
}

type Stage =
  | { step: 'planning' }
  | { step: 'preview' | 'applying'; preview: ReplacePreview; files: ReplaceFile[] }
  | { step: 'applied' | 'undoing' | 'undone'; result: BulkResult }

/** How close to the end of the preview (pixels) scrolling asks for the next page. */
const LOAD_AHEAD = 400

/**
 * Replace across the folder: every change previewed as its lines before and after, grouped by
 * article; a checkbox per article and per change leaves it out; Apply writes the rest, Undo
 * restores them (both through the main process, which keeps the plan).
 */
export function ReplaceDialog({ request, onClose, onChanged }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const [stage, setStage] = useState<Stage>({ step: 'planning' })
  // The failure itself, not its text: the message is worded at render, in the current language.
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null)
  const error = failure && describe(failure.cause)
  const [filesOut, setFilesOut] = useState<ReadonlySet<string>>(new Set())
  const [changesOut, setChangesOut] = useState<ReadonlyMap<string, ReadonlySet<number>>>(new Map())
  const [loading, setLoading] = useState(false)
  const undoButton = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)

  // The button pressed goes away with its stage: the keyboard goes on from the next step's button.
  useLayoutEffect(() => {
    if (stage.step === 'applied') (undoButton.current ?? closeButton.current)?.focus()
    if (stage.step === 'undone') closeButton.current?.focus()
  }, [stage.step])

  useEffect(() => {
    let live = true
    folio.planReplace(request).then(
      (preview) => live && setStage({ step: 'preview', preview, files: preview.files }),
      (e: unknown) => live && setFailure({ cause: e }),
    )
    return () => {
      live = false
    }
  }, [request])

  const loadMore = () => {
    if (stage.step !== 'preview' || stage.preview.nextOffset === null || loading) return
    setLoading(true)
    folio
      .replacePreviewPage(stage.preview.id, stage.preview.nextOffset)
      .then(
        (page) => setStage((s) => (s.step === 'preview' ? { ...s, preview: page, files: [...s.files, ...page.files] } : s)),
        (e: unknown) => setFailure({ cause: e }),
      )
      .finally(() => setLoading(false))
  }

  const toggleFile = (path: string) =>
    setFilesOut((out) => {
      const next = new Set(out)
      if (!next.delete(path)) next.add(path)
      return next
    })
  const toggleChange = (path: string, index: number) =>
    setChangesOut((out) => {
      const mine = new Set(out.get(path))
      if (!mine.delete(index)) mine.add(index)
      return new Map(out).set(path, mine)
    })

  const apply = async (preview: ReplacePreview, files: ReplaceFile[]) => {
    setStage({ step: 'applying', preview, files })
    try {
      const changes = [...changesOut].flatMap(([path, out]) => (filesOut.has(path) ? [] : [...out].map((index) => ({ path, index }))))
      const result = await folio.applyReplace(preview.id, { files: [...filesOut], changes })
      setStage({ step: 'applied', result })
      onChanged(result.changed)
    } catch (e) {
      setFailure({ cause: e })
    }
  }
  const undo = async (result: BulkResult) => {
    setStage({ step: 'undoing', result })
    try {
      const undone = await folio.undoBulkEdit(result.id)
      setStage({ step: 'undone', result: undone })
      onChanged(undone.changed)
    } catch (e) {
      setFailure({ cause: e })
    }
  }

  const busy = stage.step === 'planning' || stage.step === 'applying' || stage.step === 'undoing'
  // Exact counts of what Apply writes: every change but those left out, alone or with their article.
  let chosenChanges = 0
  let chosenFiles = 0
  if (stage.step === 'preview' || stage.step === 'applying') {
    chosenChanges = stage.preview.totalChanges
    chosenFiles = stage.preview.totalFiles
    for (const file of stage.files) {
      const out = filesOut.has(file.path) ? file.changes.length : (changesOut.get(file.path)?.size ?? 0)
      chosenChanges -= out
      if (out === file.changes.length) chosenFiles--
    }
  }

  return (
    <Modal
      title={t('replaceTitle', { find: request.query.text, replacement: request.replacement })}
      testId="replace-dialog"
      className="bulk-dialog replace-dialog"
      onDismiss={busy && !error ? undefined : onClose}
    >
      {error && (
        <p className="error" role="alert">
          <MessageText text={error} />
        </p>
      )}
      {busy && !error && <p aria-live="polite">{t('bulkWorking')}</p>}
      {(stage.step === 'preview' || stage.step === 'applying') && (
        <div
          className="bulk-preview"
          data-testid="replace-preview"
          onScroll={(e: UIEvent<HTMLDivElement>) => {
            const el = e.currentTarget
            if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD) loadMore()
          }}
        >
          <p data-testid="replace-summary">
            {stage.preview.totalChanges === 0
              ? t('replaceNothing')
              : t('replaceSummary', { changes: stage.preview.totalChanges, files: stage.preview.totalFiles })}
          </p>
          {request.query.scope !== 'body' && stage.preview.totalChanges > 0 && <p className="muted">{t('replaceHeaderNote')}</p>}
          {stage.files.map((file) => (
            <FileChanges
              key={file.path}
              file={file}
              fileOut={filesOut.has(file.path)}
              changesOut={changesOut.get(file.path)}
              onToggleFile={() => toggleFile(file.path)}
              onToggleChange={(index) => toggleChange(file.path, index)}
            />
          ))}
          {loading && <p className="muted">{t('searchLoadingMore')}</p>}
          <SkippedList skipped={stage.preview.skipped} counted="articles" testId="replace-skipped" />
        </div>
      )}
      {(stage.step === 'applied' || stage.step === 'undoing') && (
        <Outcome summary={t('replaceApplied', { count: stage.result.changed.length })} result={stage.result} />
      )}
      {stage.step === 'undone' && <Outcome summary={t('replaceUndone', { count: stage.result.changed.length })} result={stage.result} />}
      <div className="actions">
        {stage.step === 'preview' && (
          <button type="button" data-testid="replace-apply" disabled={chosenChanges === 0} onClick={() => void apply(stage.preview, stage.files)}>
            {t('replaceApply', { changes: chosenChanges, files: chosenFiles })}
          </button>
        )}
        {stage.step === 'applied' && stage.result.changed.length > 0 && (
          <button type="button" ref={undoButton} data-testid="replace-undo" onClick={() => void undo(stage.result)}>
            {t('undo')}
          </button>
        )}
        <button type="button" ref={closeButton} data-testid="replace-close" disabled={busy && !error} onClick={onClose}>
          {stage.step === 'preview' || stage.step === 'planning' ? t('cancel') : t('close')}
        </button>
      </div>
    </Modal>
  )
}

interface FileProps {
  file: ReplaceFile
  fileOut: boolean
  changesOut: ReadonlySet<number> | undefined
  onToggleFile(): void
  onToggleChange(index: number): void
}

function FileChanges({ file, fileOut, changesOut, onToggleFile, onToggleChange }: FileProps) {
  const { t } = useI18n()
  return (
    <section className="bulk-file replace-file" data-testid="replace-file" data-path={file.path} aria-label={file.path}>
      <h3>
        <label>
          <input
            type="checkbox"
            data-testid="replace-file-toggle"
            checked={!fileOut}
            aria-label={t('replaceFile', { path: file.path })}
            onChange={onToggleFile}
          />{' '}
          <span className="replace-path">{file.path}</span>
          {file.title && <span className="muted"> {file.title}</span>}
        </label>
      </h3>
      {file.changes.map((change) => (
        <label key={change.index} className="replace-change" data-testid="replace-change" data-index={change.index}>
          <input
            type="checkbox"
            checked={!fileOut && !changesOut?.has(change.index)}
            disabled={fileOut}
            aria-label={t('replaceChange', { line: change.hunk.line })}
            onChange={() => onToggleChange(change.index)}
          />
          <HunkView hunk={change.hunk} where={change.key === null ? null : t('replaceInValue', { key: change.key })} />
        </label>
      ))}
    </section>
  )
}

function Outcome({ summary, result }: { summary: string; result: BulkResult }) {
  return (
    <div className="bulk-outcome" data-testid="replace-outcome">
      <p aria-live="polite">{summary}</p>
      <SkippedList skipped={result.skipped} counted="articles" testId="replace-skipped" />
    </div>
  )
}
