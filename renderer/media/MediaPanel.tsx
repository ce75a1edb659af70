/**
 * The media panel: the open article's images (from its text as being edited) and the folder's,
 * each with a thumbnail through the asset protocol, its size, its dimensions (read from the
 * loaded thumbnail) and where it is used; the folder's unused images and broken references.
 * Which reference shows which image is shared/assets' rule, the same as the preview and the checker.
 */
import { useEffect, useMemo, useState } from 'react'
import { imageUses, PLAIN_RULES, type AssetRules } from '../../shared/assets'
import type { MediaImage, MediaReport } from '../../shared/contract'
import { folio } from '../bridge'
import { useI18n } from '../i18n/i18n'
import { MoveImageDialog } from './MoveImageDialog'
import { useErrorText } from '../i18n/errors'
import { MessageText } from '../i18n/tool-output'

type Tab = 'article' | 'folder' | 'unused' | 'broken'

interface Props {
  assetBase: string | undefined
  rules: AssetRules | undefined
  articlePath: string | null
  text: string
  /** Changes when images or articles changed (an insert, a save, the folder's list): the report is read again. */
  version: unknown
  onOpen(path: string, line: number): void
  /** Rename or move an image: the rename's preview, with every reference rewritten, takes over. */
  onMove(from: string, to: string): void
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function Thumbnail({ url }: { url: string | null }) {
  const [dims, setDims] = useState<string | null>(null)
  return (
    <span className="media-thumb">
      {url && (
        <img src={url} alt="" loading="lazy" decoding="async" onLoad={(e) => setDims(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight}`)} />
      )}
      <span className="media-dims" data-testid="media-dims">
        {dims ?? ''}
      </span>
    </span>
  )
}

function ImageRow({ image, url, onOpen, onRename }: { image: MediaImage; url: string | null; onOpen: Props['onOpen']; onRename(path: string): void }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const name = image.path.slice(image.path.lastIndexOf('/') + 1)
  return (
    <li className="media-item" data-testid="media-item" data-path={image.path}>
      <button type="button" className="media-row" aria-expanded={open} onClick={() => setOpen((o) => !o)} title={image.path}>
        <Thumbnail url={url} />
        <span className="media-text">
          <span className="media-name">{name}</span>
          <span className="muted">
            {size(image.size)} · {image.usedBy.length ? t('mediaUsedBy', { count: image.usedBy.length }) : t('mediaNotUsed')}
          </span>
        </span>
      </button>
      {open && (
        <ul className="media-uses">
          <li className="muted">
            {image.path}{' '}
            <button type="button" data-testid="media-move" onClick={() => onRename(image.path)}>
              {t('mediaMove')}
            </button>
          </li>
          {image.usedBy.map((use) => (
            <li key={`${use.path}:${use.line}`}>
              <button type="button" data-testid="media-use" onClick={() => onOpen(use.path, use.line)}>
                {use.path} · {t('mediaLine', { line: use.line })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

export function MediaPanel({ assetBase, rules, articlePath, text, version, onOpen, onMove }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const [tab, setTab] = useState<Tab>('article')
  const [renaming, setRenaming] = useState<string | null>(null)
  const [report, setReport] = useState<MediaReport | null>(null)
  // The failure as it came, said in the language shown now.
  const [error, setError] = useState<unknown>(null)
  const [asked, setAsked] = useState(0)

  useEffect(() => {
    let live = true
    folio.mediaReport().then(
      (next) => live && (setReport(next), setError(null)),
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [version, asked])

  const url = (path: string): string | null => (assetBase ? assetBase + path.split('/').map(encodeURIComponent).join('/') : null)
  const byPath = useMemo(() => new Map((report?.images ?? []).map((image) => [image.path, image])), [report])
  const uses = useMemo(
    () => (articlePath && report ? imageUses(text, articlePath, rules ?? PLAIN_RULES, new Set(byPath.keys())) : []),
    [text, articlePath, rules, report, byPath],
  )
  const unused = useMemo(() => (report?.images ?? []).filter((image) => image.usedBy.length === 0), [report])

  const tabs: Array<[Tab, string]> = [
    ['article', t('mediaArticle')],
    ['folder', t('mediaFolder')],
    ['unused', t('mediaUnused', { count: unused.length })],
    ['broken', t('mediaBroken', { count: report?.broken.length ?? 0 })],
  ]

  const articleList = () => {
    if (!articlePath) return <p className="muted">{t('mediaNoArticle')}</p>
    const shown = uses.filter((use) => use.path !== null || use.image)
    if (!shown.length) return <p className="muted">{t('mediaArticleNone')}</p>
    return (
      <ul className="media-list">
        {shown.map((use, index) => {
          const image = use.path === null ? undefined : byPath.get(use.path)
          return (
            <li
              key={`${use.line}:${index}`}
              className="media-item"
              data-testid="media-article-item"
              data-path={use.path ?? ''}
              data-missing={image ? undefined : 'true'}
            >
              <button type="button" className="media-row" onClick={() => onOpen(articlePath, use.line)} title={use.path ?? use.target}>
                <Thumbnail url={image ? url(image.path) : null} />
                <span className="media-text">
                  <span className="media-name">{use.target}</span>
                  <span className={image ? 'muted' : 'error'}>
                    {image ? `${size(image.size)} · ` : `${t('mediaMissing')} · `}
                    {t('mediaLine', { line: use.line })}
                  </span>
                </span>
              </button>
              {image && (
                <button type="button" data-testid="media-move" aria-label={`${t('mediaMove')} ${image.path}`} onClick={() => setRenaming(image.path)}>
                  {t('mediaMove')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    )
  }

  const imageList = (images: readonly MediaImage[]) =>
    images.length ? (
      <ul className="media-list">
        {images.map((image) => (
          <ImageRow key={image.path} image={image} url={url(image.path)} onOpen={onOpen} onRename={setRenaming} />
        ))}
      </ul>
    ) : (
      <p className="muted">{t('mediaNone')}</p>
    )

  const brokenList = () =>
    report?.broken.length ? (
      <ul className="media-list">
        {report.broken.map((problem) => (
          <li key={`${problem.path}:${problem.line}:${problem.column}`} data-testid="media-broken-item" data-path={problem.path}>
            <button type="button" onClick={() => onOpen(problem.path, problem.line)}>
              <span className="error">
                {problem.rule === 'broken-image' ? t('mediaBrokenImage', { target: problem.target }) : t('mediaBrokenLink', { target: problem.target })}
              </span>{' '}
              <span className="muted">
                {problem.path} · {t('mediaLine', { line: problem.line })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">{t('mediaBrokenNone')}</p>
    )

  return (
    <section className="media-panel" data-testid="media-panel" aria-label={t('media')}>
      <div className="media-tabs" role="group" aria-label={t('media')}>
        {tabs.map(([id, label]) => (
          <button key={id} type="button" data-testid={`media-tab-${id}`} aria-pressed={tab === id} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
        <button type="button" data-testid="media-refresh" onClick={() => setAsked((n) => n + 1)}>
          {t('mediaRefresh')}
        </button>
      </div>
      {error !== null && (
        <p className="error">
          <MessageText text={describe(error)} />
        </p>
      )}
      {!report && error === null && <p className="muted">{t('mediaLoading')}</p>}
      {report && tab === 'article' && articleList()}
      {report && tab === 'folder' && imageList(report.images)}
      {report && tab === 'unused' && imageList(unused)}
      {report && tab === 'broken' && brokenList()}
      {renaming && <MoveImageDialog path={renaming} onMove={onMove} onClose={() => setRenaming(null)} />}
    </section>
  )
}
