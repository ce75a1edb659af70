import { useEffect, useMemo, useRef, useState } from 'react'
import { compare2, merge3, resolve, type Decision } from '../../shared/merge'
import type { Generator } from '../../shared/sites/types'
import { useI18n } from '../i18n/i18n'
import { HunkDiff, type MergeLayout } from './HunkDiff'
import { decisionHunks } from './hunks'
import './merge.css'

export interface TextMergeProps {
  /** The common original: with it, a three-way merge where only clashing changes need a decision. */
  base?: string
  /** The text that is kept where nothing is decided (the buffer). */
  mine: string
  theirs: string
  /** What each side is called (pane titles and buttons), e.g. "Mine" and "On disk". */
  labels: { mine: string; theirs: string }
  /** The site whose header rules find the header (fields merge as units). */
  site?: Generator
  /** Receives the merged text once every place is decided; without it the view only shows the differences. */
  onApply?(text: string): void
}

const LAYOUT_KEY = 'folio.mergeLayout'

function initialLayout(): MergeLayout {
  return localStorage.getItem(LAYOUT_KEY) === 'unified' ? 'unified' : 'split'
}

/**
 * Two or three texts compared place by place. With `onApply`, each place gets a decision (mine,
 * theirs or both) and the result goes back as one text; the keyboard walks from one undecided
 * place to the next and then to "Apply".
 */
export function TextMerge({ base, mine, theirs, labels, site, onApply }: TextMergeProps) {
  const { t } = useI18n()
  const result = useMemo(() => (base === undefined ? compare2(mine, theirs) : merge3(base, mine, theirs, { site })), [base, mine, theirs, site])
  const hunks = useMemo(() => decisionHunks(result), [result])
  const [decisions, setDecisions] = useState<(Decision | null)[]>(() => hunks.map(() => null))
  const [layout, setLayout] = useState<MergeLayout>(initialLayout)
  const [showBase, setShowBase] = useState(false)
  const first = useRef<(HTMLButtonElement | null)[]>([])
  const apply = useRef<HTMLButtonElement>(null)
  // Where the keyboard goes after a decision: moved once the decision is rendered ("Apply" is disabled until then).
  const [focusTarget, setFocusTarget] = useState<number | 'apply' | null>(null)

  // New texts (the disk moved again): earlier decisions were about other places.
  useEffect(() => setDecisions(hunks.map(() => null)), [hunks])
  // The first decision has the keyboard at once.
  useEffect(() => first.current[0]?.focus(), [hunks])
  useEffect(() => {
    if (focusTarget === null) return
    const target = focusTarget === 'apply' ? apply.current : first.current[focusTarget]
    target?.focus()
    target?.scrollIntoView({ block: 'nearest' })
    setFocusTarget(null)
  }, [focusTarget])

  const chooseLayout = (next: MergeLayout): void => {
    localStorage.setItem(LAYOUT_KEY, next)
    setLayout(next)
  }

  const decide = (index: number, decision: Decision): void => {
    const next = decisions.map((d, i) => (i === index ? decision : d))
    setDecisions(next)
    // On to the next undecided place after this one (then any before it), else to "Apply".
    const order = [...next.keys()].filter((i) => i > index).concat([...next.keys()].filter((i) => i < index))
    setFocusTarget(order.find((i) => next[i] === null) ?? 'apply')
  }

  const merged = result.chunks.filter((c) => c.kind === 'merged').length
  const done = decisions.filter((d) => d !== null).length
  const hasBase = base !== undefined
  return (
    <div className="text-merge" data-testid="merge-view">
      <div className="merge-bar">
        <p className="merge-summary" role="status">
          {hunks.length > 0
            ? hasBase
              ? t('mergeSummary', { count: hunks.length })
              : null
            : hasBase && merged > 0
              ? t('mergeNothingToDecide')
              : t('mergeNoDifferences')}
          {hasBase && merged > 0 && hunks.length > 0 && <> {t('mergeAutoMerged', { count: merged })}</>}
        </p>
        <div role="group" aria-label={t('mergeLayout')} className="merge-layout">
          <button type="button" aria-pressed={layout === 'split'} onClick={() => chooseLayout('split')} data-testid="merge-layout-split">
            {t('mergeSideBySide')}
          </button>
          <button type="button" aria-pressed={layout === 'unified'} onClick={() => chooseLayout('unified')} data-testid="merge-layout-unified">
            {t('mergeUnified')}
          </button>
        </div>
        {hasBase && (
          <label className="merge-show-base">
            <input type="checkbox" checked={showBase} onChange={(e) => setShowBase(e.target.checked)} data-testid="merge-show-base" />
            {t('mergeShowBase')}
          </label>
        )}
      </div>
      <div className="merge-hunks">
        {hunks.map((hunk) => {
          const title =
            hunk.keys.length > 0
              ? t('mergeChangeKeys', { n: hunk.index + 1, total: hunks.length, line: hunk.line, keys: hunk.keys.join(', ') })
              : t('mergeChange', { n: hunk.index + 1, total: hunks.length, line: hunk.line })
          const decision = decisions[hunk.index] ?? null
          return (
            <section key={hunk.index} className="merge-hunk" aria-label={title} data-testid="merge-hunk" data-decision={decision ?? ''}>
              <h3>{title}</h3>
              <HunkDiff
                a={hunk.before + hunk.mine + hunk.after}
                b={hunk.before + hunk.theirs + hunk.after}
                labels={{ a: labels.mine, b: labels.theirs }}
                layout={layout}
              />
              {showBase && hunk.base !== null && (
                <div className="merge-base">
                  <h4>{t('mergeBase')}</h4>
                  <pre data-testid="merge-base">{hunk.before + hunk.base + hunk.after}</pre>
                </div>
              )}
              {onApply && (
                <div className="merge-choices" role="group" aria-label={title}>
                  <button
                    type="button"
                    ref={(el) => void (first.current[hunk.index] = el)}
                    aria-pressed={decision === 'mine'}
                    onClick={() => decide(hunk.index, 'mine')}
                    data-testid="merge-take-mine"
                  >
                    {t('mergeUse', { side: labels.mine })}
                  </button>
                  <button type="button" aria-pressed={decision === 'theirs'} onClick={() => decide(hunk.index, 'theirs')} data-testid="merge-take-theirs">
                    {t('mergeUse', { side: labels.theirs })}
                  </button>
                  <button type="button" aria-pressed={decision === 'both'} onClick={() => decide(hunk.index, 'both')} data-testid="merge-take-both">
                    {t('mergeBoth', { side: labels.mine })}
                  </button>
                </div>
              )}
            </section>
          )
        })}
      </div>
      {onApply && (
        <div className="merge-apply">
          <span aria-live="polite">{t('mergeProgress', { done, total: hunks.length })}</span>
          <button type="button" ref={apply} disabled={done < hunks.length} onClick={() => onApply(resolve(result, decisions))} data-testid="merge-apply">
            {t('mergeApply')}
          </button>
        </div>
      )}
    </div>
  )
}
