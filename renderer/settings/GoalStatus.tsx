import { useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { ArticleGoal, GoalUnit } from '../../shared/contract'
import type { TextStats } from '../../shared/text-stats'
import { GOAL_TARGET } from '../../shared/settings'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'

/** What a goal counts in the body: words (a Chinese character is one) or visible characters. */
export function goalCount(stats: TextStats, unit: GoalUnit): number {
  return unit === 'words' ? stats.words : stats.chars
}

interface Props {
  stats: TextStats
  goal: ArticleGoal | null
  onChange(goal: ArticleGoal | null): void
}

/** The status bar's "120/500": the article's progress toward its goal, and the way to set one. */
export function GoalStatus({ stats, goal, onChange }: Props) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const count = goal ? goalCount(stats, goal.unit) : 0
  const reached = goal !== null && count >= goal.target
  return (
    <>
      <button
        ref={button}
        type="button"
        className={'goal-status' + (reached ? ' reached' : '')}
        data-testid="goal"
        aria-label={
          goal ? t('goalProgressLabel', { count, target: goal.target, unit: t(goal.unit === 'words' ? 'goalUnitWords' : 'goalUnitCharacters') }) : t('goalSet')
        }
        onClick={() => setEditing(true)}
      >
        {goal ? (
          <>
            <span data-testid="goal-progress">{`${count}/${goal.target}`}</span> {t(goal.unit === 'words' ? 'goalUnitWords' : 'goalUnitCharacters')}
            <progress value={Math.min(count, goal.target)} max={goal.target} aria-hidden="true" />
          </>
        ) : (
          t('goalSet')
        )}
      </button>
      {/* Outside the status bar's live region (it would read the whole form out), inside the app's colours. */}
      {editing &&
        createPortal(
          <GoalDialog
            goal={goal}
            onSave={(next) => {
              setEditing(false)
              onChange(next)
            }}
            onCancel={() => setEditing(false)}
          />,
          button.current?.closest<HTMLElement>('.app') ?? document.body,
        )}
    </>
  )
}

function GoalDialog({ goal, onSave, onCancel }: { goal: ArticleGoal | null; onSave(goal: ArticleGoal | null): void; onCancel(): void }) {
  const { t } = useI18n()
  const [target, setTarget] = useState(goal ? String(goal.target) : '')
  const [unit, setUnit] = useState<GoalUnit>(goal?.unit ?? 'words')
  const value = Number(target)
  const valid = Number.isInteger(value) && value >= GOAL_TARGET.min && value <= GOAL_TARGET.max
  return (
    <Modal title={t('goalTitle')} testId="goal-dialog" onDismiss={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) onSave({ target: value, unit })
        }}
      >
        <p className="hint">{t('goalHint')}</p>
        <label className="setting">
          {t('goalTarget')}{' '}
          <input
            type="number"
            inputMode="numeric"
            min={GOAL_TARGET.min}
            max={GOAL_TARGET.max}
            step={1}
            autoFocus
            value={target}
            aria-invalid={target !== '' && !valid}
            onChange={(e) => setTarget(e.currentTarget.value)}
          />
        </label>
        <label className="setting">
          {t('goalUnit')}{' '}
          <select value={unit} onChange={(e) => setUnit(e.currentTarget.value === 'characters' ? 'characters' : 'words')}>
            <option value="words">{t('goalUnitWords')}</option>
            <option value="characters">{t('goalUnitCharacters')}</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit" disabled={!valid}>
            {t('goalSave')}
          </button>
          {goal && (
            <button type="button" onClick={() => onSave(null)}>
              {t('goalRemove')}
            </button>
          )}
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
