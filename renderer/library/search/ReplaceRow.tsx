import { useImperativeHandle, useRef, useState, type Ref } from 'react'
import { flushSync } from 'react-dom'
import type { ReplaceRequest } from '../../../shared/contract'
import { compileQuery, type SearchQuery } from '../../../shared/search/query'
import { useI18n } from '../../i18n/i18n'
import { ReplaceDialog } from './ReplaceDialog'

interface Props {
  query: SearchQuery
  /** The articles the search looks at (the library's filters): the replace changes only these. */
  paths: readonly string[]
  ref?: Ref<ReplaceRowHandle>
  /** The folder is still being read: the library lists part of it, so a replace would miss the rest. */
  reading?: boolean
  onReplaced(paths: string[]): void
}

export interface ReplaceRowHandle {
  /** The "Replace in folder" command: open the row and put the cursor in the replacement. */
  focus(): void
}

/**
 * The replace row under the search box: a toggle, the replacement text, and a button (or Enter)
 * that opens the preview of every change.
 */
export function ReplaceRow({ ref, query, paths, reading = false, onReplaced }: Props) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [replacement, setReplacement] = useState('')
  const [request, setRequest] = useState<ReplaceRequest | null>(null)
  const input = useRef<HTMLInputElement>(null)

  // The row opens at once (flushSync), so its input is there to take the cursor.
  useImperativeHandle(
    ref,
    () => ({
      focus: () => {
        flushSync(() => setOpen(true))
        input.current?.focus()
      },
    }),
    [],
  )

  const ready = compileQuery(query).ok && !reading
  const preview = () => ready && setRequest({ query, replacement, paths: [...paths] })

  return (
    <>
      <div className="replace-row">
        <button
          type="button"
          className="search-toggle"
          data-testid="replace-toggle"
          aria-expanded={open}
          aria-label={t('replaceToggle')}
          title={t('replaceToggle')}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        {open && (
          <>
            <input
              ref={input}
              type="text"
              data-testid="library-replace"
              aria-label={t('replaceWith')}
              placeholder={t('replaceWith')}
              value={replacement}
              onChange={(e) => setReplacement(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return
                e.preventDefault()
                preview()
              }}
            />
            <button
              type="button"
              data-testid="replace-preview-open"
              disabled={!ready}
              title={t('replacePreview')}
              aria-label={t('replacePreview')}
              onClick={preview}
            >
              {t('bulkPreview')}
            </button>
            {reading && (
              <p className="muted" role="status" data-testid="replace-reading">
                {t('replaceWaitsForReading')}
              </p>
            )}
          </>
        )}
      </div>
      {request && (
        <ReplaceDialog
          request={request}
          onClose={() => {
            setRequest(null)
            input.current?.focus()
          }}
          onChanged={onReplaced}
        />
      )}
    </>
  )
}
