import { useEffect, useMemo, useState } from 'react'
import type { LibraryRow, BulkOperation, CategoryNode, Taxonomy, TaxonomyKey, TaxonomyValue } from '../../shared/contract'
import { folio } from '../bridge'
import { useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import { isolated } from '../i18n/tool-output'
import { CATEGORY_SEPARATOR } from '../../shared/contract'
import { Modal } from '../dialogs/Modal'
import { BulkDialog } from './BulkDialog'
import { IconButton } from '../controls/IconButton'

/** Values drawn per key; a folder with thousands of one-off tags shows the most used first. */
const SHOWN_VALUES = 500

interface Props {
  /** The library's list: when it changes (a save, an outside edit), the taxonomy is read again. */
  articles: LibraryRow[]
  onFilter(label: string, paths: string[]): void
  onChanged(): void
}

type Ask = { kind: 'rename'; key: string; value: string; tree: boolean } | { kind: 'move'; value: string } | { kind: 'merge'; key: string; values: string[] }

/** Every list-valued key with its values and counts; Hexo categories as a tree. */
export function TaxonomyView({ articles, onFilter, onChanged }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null)
  // The failure itself, not its text: the message is worded at render, in the current language.
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null)
  const error = failure && describe(failure.cause)
  const [checked, setChecked] = useState<{ key: string; values: string[] }>({ key: '', values: [] })
  const [ask, setAsk] = useState<Ask | null>(null)
  const [run, setRun] = useState<{ title: string; operation: BulkOperation } | null>(null)

  useEffect(() => {
    let live = true
    folio.taxonomy().then(
      (found) => live && (setTaxonomy(found), setFailure(null)),
      (e: unknown) => live && setFailure({ cause: e }),
    )
    return () => {
      live = false
    }
  }, [articles])

  const toggle = (key: string, value: string) =>
    setChecked((c) => {
      const values = c.key === key ? c.values : []
      return { key, values: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] }
    })

  const actions: RowActions = {
    checked: (key, value) => checked.key === key && checked.values.includes(value),
    toggle,
    filter: (key, value) => onFilter(`${key}: ${value}`, taxonomy?.keys.find((k) => k.key === key)?.values.find((v) => v.value === value)?.paths ?? []),
    rename: (key, value, tree) => setAsk({ kind: 'rename', key, value, tree }),
    move: (value) => setAsk({ kind: 'move', value }),
    remove: (key, value) => setRun({ title: t('taxDeleteTitle', { key: isolated(key), value: isolated(value) }), operation: { kind: 'delete', key, value } }),
  }

  const answer = (text: string) => {
    if (!ask) return
    setAsk(null)
    if (ask.kind === 'rename') {
      // A tree node is renamed in place: its parent path stays.
      const to = ask.tree ? [...ask.value.split(CATEGORY_SEPARATOR).slice(0, -1), text].join(CATEGORY_SEPARATOR) : text
      setRun({
        title: t('taxRenameTitle', { key: isolated(ask.key), value: isolated(ask.value) }),
        operation: { kind: 'rename', key: ask.key, from: ask.value, to },
      })
    } else if (ask.kind === 'move') {
      const toParent = text.trim() === '' ? [] : text.split(CATEGORY_SEPARATOR.trim()).map((s) => s.trim())
      setRun({
        title: t('taxMoveTitle', { value: isolated(ask.value) }),
        operation: { kind: 'move-category', from: ask.value.split(CATEGORY_SEPARATOR), toParent },
      })
    } else {
      setRun({ title: t('taxMergeTitle', { key: isolated(ask.key) }), operation: { kind: 'merge', key: ask.key, from: ask.values, to: text } })
      setChecked({ key: '', values: [] })
    }
  }

  return (
    <div className="taxonomy" data-testid="taxonomy" role="region" aria-label={t('taxonomy')}>
      {error && <p className="error">{error}</p>}
      {!taxonomy && !error && <p aria-live="polite">{t('bulkWorking')}</p>}
      {taxonomy?.keys.map((k) => (
        <KeySection
          key={k.key}
          entry={k}
          actions={actions}
          merging={checked.key === k.key && checked.values.length > 1}
          onMerge={() => setAsk({ kind: 'merge', key: k.key, values: checked.values })}
        />
      ))}
      {ask && <AskDialog ask={ask} onAnswer={answer} onCancel={() => setAsk(null)} />}
      {run && <BulkDialog title={run.title} operation={run.operation} onClose={() => setRun(null)} onChanged={onChanged} />}
    </div>
  )
}

interface RowActions {
  checked(key: string, value: string): boolean
  toggle(key: string, value: string): void
  filter(key: string, value: string): void
  rename(key: string, value: string, tree: boolean): void
  move(value: string): void
  remove(key: string, value: string): void
}

function KeySection({ entry, actions, merging, onMerge }: { entry: TaxonomyKey; actions: RowActions; merging: boolean; onMerge(): void }) {
  const { t } = useI18n()
  const byValue = useMemo(() => new Map(entry.values.map((v) => [v.value, v])), [entry.values])
  return (
    <section className="taxonomy-key" data-testid="taxonomy-key" data-key={entry.key} aria-label={isolated(entry.key)}>
      <h3>
        <span translate="no">{entry.key}</span> <span className="count">{entry.values.length}</span>
        {merging && (
          <button type="button" className="taxonomy-merge" data-testid="taxonomy-merge" onClick={onMerge}>
            {t('taxMerge')}
          </button>
        )}
      </h3>
      {entry.values.length === 0 && <p className="empty">{t('taxNoValues')}</p>}
      <ul role="list">
        {entry.tree
          ? entry.tree.map((node) => <TreeRow key={node.name} node={node} keyName={entry.key} byValue={byValue} actions={actions} />)
          : entry.values.slice(0, SHOWN_VALUES).map((v) => <Row key={v.value} keyName={entry.key} value={v} label={v.value} tree={false} actions={actions} />)}
      </ul>
      {!entry.tree && entry.values.length > SHOWN_VALUES && <p className="empty">{t('taxMoreValues', { count: entry.values.length - SHOWN_VALUES })}</p>}
    </section>
  )
}

function TreeRow({ node, keyName, byValue, actions }: { node: CategoryNode; keyName: string; byValue: Map<string, TaxonomyValue>; actions: RowActions }) {
  const value = node.path.join(CATEGORY_SEPARATOR)
  return (
    <>
      <Row
        keyName={keyName}
        value={byValue.get(value) ?? { value, count: node.count, paths: [] }}
        label={node.name}
        tree
        actions={actions}
        depth={node.path.length - 1}
      />
      {node.children.map((child) => (
        <TreeRow key={child.name} node={child} keyName={keyName} byValue={byValue} actions={actions} />
      ))}
    </>
  )
}

interface RowProps {
  keyName: string
  value: TaxonomyValue
  label: string
  tree: boolean
  actions: RowActions
  depth?: number
}

function Row({ keyName, value, label, tree, actions, depth = 0 }: RowProps) {
  const { t } = useI18n()
  const v = value.value
  return (
    <li className="taxonomy-value" data-testid="taxonomy-value" data-key={keyName} data-value={v} style={{ paddingLeft: depth * 14 }}>
      <input
        type="checkbox"
        aria-label={t('taxSelect', { value: isolated(v) })}
        checked={actions.checked(keyName, v)}
        onChange={() => actions.toggle(keyName, v)}
      />
      <button
        type="button"
        className="taxonomy-filter"
        aria-label={t('taxShow', { key: isolated(keyName), value: isolated(v), count: value.count })}
        onClick={() => actions.filter(keyName, v)}
      >
        <span className="taxonomy-label">{label}</span> <span className="count">{value.count}</span>
      </button>
      <IconButton
        className="icon"
        data-testid="taxonomy-rename"
        label={t('taxRename', { value: isolated(v) })}
        onClick={() => actions.rename(keyName, v, tree)}
      >
        ✎
      </IconButton>
      {tree && (
        <IconButton className="icon" data-testid="taxonomy-move" label={t('taxMove', { value: isolated(v) })} onClick={() => actions.move(v)}>
          ⇥
        </IconButton>
      )}
      <IconButton className="icon" data-testid="taxonomy-delete" label={t('taxDelete', { value: isolated(v) })} onClick={() => actions.remove(keyName, v)}>
        ✕
      </IconButton>
    </li>
  )
}

function AskDialog({ ask, onAnswer, onCancel }: { ask: Ask; onAnswer(text: string): void; onCancel(): void }) {
  const { t } = useI18n()
  const initial =
    ask.kind === 'rename' ? (ask.tree ? (ask.value.split(CATEGORY_SEPARATOR).pop() ?? '') : ask.value) : ask.kind === 'merge' ? (ask.values[0] ?? '') : ''
  const [text, setText] = useState(initial)
  const title =
    ask.kind === 'rename'
      ? t('taxRenameTitle', { key: isolated(ask.key), value: isolated(ask.value) })
      : ask.kind === 'move'
        ? t('taxMoveTitle', { value: isolated(ask.value) })
        : t('taxMergeTitle', { key: isolated(ask.key) })
  const label = ask.kind === 'rename' ? t('taxNewName') : ask.kind === 'move' ? t('taxNewParent') : t('taxMergeInto')
  // Moving to the top level is an empty parent; every other answer needs text.
  const ready = ask.kind === 'move' || text.trim() !== ''
  const submit = () => ready && onAnswer(text.trim())
  return (
    <Modal title={title} testId="taxonomy-ask" onDismiss={onCancel}>
      {ask.kind === 'merge' && <p>{t('taxMergeValues', { values: ask.values.map(isolated).join(t('listSeparator')) })}</p>}
      <input
        autoFocus
        type="text"
        data-testid="taxonomy-ask-input"
        aria-label={label}
        placeholder={ask.kind === 'move' ? t('taxTopLevel') : label}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && submit()}
      />
      <div className="actions">
        <button data-testid="taxonomy-ask-ok" disabled={!ready} onClick={submit}>
          {t('bulkPreview')}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </Modal>
  )
}
