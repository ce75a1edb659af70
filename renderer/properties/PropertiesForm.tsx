import { memo, useCallback, useRef, useState } from 'react'
import { addListItem, applyPatches, parse, removeKey, removeListItem, scalarText } from '../../shared/frontmatter'
import type { EditOptions, EditValue, Field, FieldValue, ParsedFrontMatter, TextPatch } from '../../shared/frontmatter/types'
import { weekdayMismatch } from '../../shared/frontmatter/dates'
import { type FieldKind, type FolderSchema, type SchemaKey, schemaKeyFor, valueKind } from '../../shared/schema'
import { weekdayName } from '../checks/check-text'
import { headerErrorDetail, headerErrorPlace, headerErrorText } from '../i18n/header-errors'
import { useI18n } from '../i18n/i18n'
import { isolated } from '../i18n/tool-output'
import { addCategoryPath, shownPath } from './category-path'
import { FieldSession, type FormTarget } from './field-session'
import { suggest } from './suggest'
import { BooleanField, ChipsField, DateField, ImageField, NumberField, OneLineField, TextField, Warning } from './widgets'

interface Props {
  /** The document text the offsets in `parsed` refer to. */
  text: string
  parsed: ParsedFrontMatter
  schema: FolderSchema | null
  /** The open article's collection (posts, drafts, a Hugo section…): its keys come first. */
  collection: string
  /** The folder is a Hexo site: form edits write its headers by Hexo's rules. */
  hexo: boolean
  /** The file's line ending: CodeMirror splits inserted text on it alone. */
  eol: '\n' | '\r\n'
  readOnly: boolean
  /**
   * The buffers the form writes into: every edit is a transaction in the shown article's editor
   * state, so undo covers it, made after the keystroke's paint.
   */
  target: FormTarget
  /** Where an image path written in the header can be shown from (null when it cannot). */
  imageUrl(value: string): string | null
  /** Images kept with the open article, as its header would name them. */
  listImages(): Promise<string[]>
}

/** Which widget a row shows: the schema's kind, or the value's own for a key the folder lacks. */
function widgetKind(key: SchemaKey | null, field: Field): FieldKind {
  return key?.kind ?? valueKind(field.key, field.value) ?? 'text'
}

/** Whether the value can be shown by the kind's widget without converting it. */
function fits(kind: FieldKind, value: FieldValue): boolean {
  switch (kind) {
    case 'number':
      return value.type === 'number' || value.type === 'null'
    case 'boolean':
      return value.type === 'boolean'
    case 'date':
      return value.type === 'date' || value.type === 'string' || value.type === 'null'
    case 'list':
    case 'taxonomy':
      return (
        value.type === 'null' ||
        value.type === 'string' ||
        (value.type === 'list' && value.items.every((i) => i.type !== 'map' && (i.type !== 'list' || i.items.every((x) => scalarText(x) !== null))))
      )
    case 'object':
      return true
    default:
      return value.type === 'string' || value.type === 'null' || value.type === 'date' || value.type === 'number'
  }
}

/**
 * The header as a form: one row per key in the block's order, each with the widget the folder
 * schema gives its key. Every change is a minimal text patch from shared/frontmatter dispatched
 * into the editor, so undo covers it and untouched bytes stay.
 * Memoized: the workbench re-renders on cursor moves, which change none of these props.
 */
export const PropertiesForm = memo(function PropertiesForm(props: Props) {
  const { text, parsed, schema, collection, hexo, eol, readOnly, target, imageUrl, listImages } = props
  const { t, locale } = useI18n()
  const error = parsed.errors[0]
  const locked = readOnly || !parsed.ok

  const options = useRef<EditOptions>({ hexo, eol, listStyle: schema?.listStyle ?? undefined })
  options.current = { hexo, eol, listStyle: schema?.listStyle ?? undefined }
  const sessions = useRef(new Map<string, FieldSession>())
  const sessionFor = useCallback(
    (key: string) => {
      let s = sessions.current.get(key)
      if (!s) {
        s = new FieldSession(target, key, () => options.current)
        sessions.current.set(key, s)
      }
      return s
    },
    [target],
  )
  /** A change computed from the document as it is when it is made (stable: rows are memoized on it). */
  const edit = useCallback(
    (key: string, make: (doc: string, options: EditOptions) => TextPatch[], merge?: boolean) => sessionFor(key).edit(make, merge),
    [sessionFor],
  )

  return (
    <section className="properties" aria-label={t('properties')} data-testid="properties">
      {error && (
        <div className="properties-error" role="alert" data-testid="properties-error">
          <p>{t('headerParseReadOnly', { message: headerErrorText(error, locale), place: headerErrorPlace(error, locale) })}</p>
          {headerErrorDetail(error, locale) !== null && (
            <details>
              <summary>{t('headerErrorDetails')}</summary>
              <span lang="en">{headerErrorDetail(error, locale)}</span>
            </details>
          )}
        </div>
      )}
      {parsed.fields.map((field) => (
        <FieldRow
          key={field.key}
          field={field}
          source={text.slice(field.valueRange.from, field.valueRange.to)}
          schemaKey={schemaKeyFor(schema, collection, field.key)}
          locked={locked}
          session={sessionFor(field.key)}
          edit={edit}
          imageUrl={imageUrl}
          listImages={listImages}
        />
      ))}
      {!locked && <AddField schema={schema} collection={collection} present={parsed.fields.map((f) => f.key)} session={sessionFor} />}
    </section>
  )
})

interface RowProps {
  field: Field
  /** The value as written in the header (what a raw field edits). */
  source: string
  schemaKey: SchemaKey | null
  locked: boolean
  session: FieldSession
  /** `merge` when the change sets the whole value: typed key by key, only the last is made. */
  edit(key: string, make: (doc: string, options: EditOptions) => TextPatch[], merge?: boolean): void
  imageUrl(value: string): string | null
  listImages(): Promise<string[]>
}

/**
 * A row renders again only when its own value's text changes (or what it is shown with): typing
 * in one field re-parses the header, which gives every row a new Field with the same value and
 * shifted offsets, and re-rendering them all was most of a keystroke's work. Offsets are never
 * read from a row's props (edits compute them from the document as it is then).
 */
function sameRow(before: RowProps, after: RowProps): boolean {
  return (
    before.field.key === after.field.key &&
    before.source === after.source &&
    before.field.value.type === after.field.value.type &&
    before.schemaKey === after.schemaKey &&
    before.locked === after.locked &&
    before.session === after.session &&
    before.edit === after.edit &&
    before.imageUrl === after.imageUrl &&
    before.listImages === after.listImages
  )
}

const FieldRow = memo(function FieldRow({ field, source, schemaKey, locked, session, edit, imageUrl, listImages }: RowProps) {
  const { t } = useI18n()
  // The widget chosen when focus came in stays until focus leaves the row.
  const frozen = useRef<FieldKind | null>(null)
  const kind = frozen.current ?? widgetKind(schemaKey, field)
  return (
    <div
      className="property"
      data-testid="property"
      data-key={field.key}
      data-type={field.value.type}
      data-kind={kind}
      onFocus={() => (frozen.current ??= kind)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) frozen.current = null
      }}
    >
      <label className="property-key" title={field.key} translate="no">
        {field.key}
        {schemaKey?.required && (
          <span className="property-required" aria-label={t('requiredField')}>
            {' '}
            *
          </span>
        )}
      </label>
      <div className="property-value">
        <FieldWidget
          field={field}
          kind={kind}
          source={source}
          schemaKey={schemaKey}
          locked={locked}
          session={session}
          edit={edit}
          imageUrl={imageUrl}
          listImages={listImages}
        />
      </div>
      {!locked && (
        <button
          type="button"
          className="property-remove"
          aria-label={t('removeField', { key: isolated(field.key) })}
          title={t('removeField', { key: isolated(field.key) })}
          onClick={() => edit(field.key, (doc, options) => removeKey(doc, field.key, options))}
        >
          −
        </button>
      )}
    </div>
  )
}, sameRow)

function FieldWidget(props: Omit<RowProps, 'schemaKey'> & { kind: FieldKind; schemaKey: SchemaKey | null }) {
  const { field, kind, source, schemaKey, locked, session, edit, imageUrl, listImages } = props
  const { t, locale } = useI18n()
  const { key, value } = field
  const write = (next: EditValue) => void session.write(next)
  // A cleared text field is an empty key (`author:`), not an empty string in quotes.
  const writeText = (next: string) => void session.write(next === '' ? null : next)
  // The key is the author's, as written: isolated, it names the field in any language.
  const common = { label: isolated(key), readOnly: locked, session }
  const expand = { expandLabel: t('expandValue', { key: isolated(key) }), collapseLabel: t('collapseValue', { key: isolated(key) }) }
  if (!fits(kind, value)) {
    return (
      <>
        <RawField field={field} source={source} {...common} edit={edit} />
        <Warning>{t('valueNotKind', { kind: t(`kind.${kind}`) })}</Warning>
      </>
    )
  }
  const shown = value.type === 'null' ? '' : (scalarText(value) ?? '')
  switch (kind) {
    case 'boolean':
      return <BooleanField value={value.type === 'boolean' && value.value} label={isolated(key)} readOnly={locked} onChange={write} />
    case 'number':
      return <NumberField {...common} text={shown} notNumber={t('notNumber')} onWrite={write} />
    case 'date':
      return (
        <DateField
          {...common}
          text={shown}
          formats={schemaKey?.dateFormats.map((f) => f.value) ?? []}
          pickLabel={t('pickDate', { key: isolated(key) })}
          notDate={t('notDate')}
          wrongWeekday={wrongWeekday(shown, t, locale)}
          onWrite={(next) => session.write(next.trim() === '' ? null : next, true)}
        />
      )
    case 'list':
    case 'taxonomy': {
      const nested = value.type === 'list' && value.items.some((i) => i.type === 'list')
      const paths = schemaKey?.nested ?? false
      const items =
        value.type === 'list'
          ? value.items.map((item) => (item.type === 'list' ? shownPath(item.items.map((x) => scalarText(x) ?? '')) : (scalarText(item) ?? '')))
          : shown === ''
            ? []
            : [shown]
      return (
        <ChipsField
          items={items}
          path={paths && !nested && items.length > 1}
          paths={paths}
          placeholder={paths ? t('categoryPathHint') : undefined}
          label={isolated(key)}
          removeLabel={(item) => t('removeField', { key: isolated(item) })}
          values={schemaKey?.values ?? []}
          choices={schemaKey?.choices ?? []}
          readOnly={locked}
          session={session}
          onAdd={(added) =>
            edit(key, (doc, options) => {
              // Several chips at once (a pasted list): each is added to the document as it then is.
              let current = doc
              for (const item of added) {
                const patches = Array.isArray(item) ? addCategoryPath(current, key, item, options) : addListItem(current, key, item, options)
                current = applyPatches(current, patches)
              }
              return [narrow(doc, current)]
            })
          }
          onRemove={(index) => edit(key, (doc, options) => removeListItem(doc, key, index, options))}
        />
      )
    }
    case 'object':
      return <RawField field={field} source={source} {...common} edit={edit} />
    case 'url':
      return <OneLineField {...common} {...expand} value={shown} onWrite={writeText} />
    case 'image':
      return (
        <ImageField
          {...common}
          {...expand}
          value={shown}
          thumbnail={shown ? imageUrl(shown) : null}
          chooseLabel={t('chooseImage')}
          noImages={t('noArticleImages')}
          listImages={listImages}
          onWrite={writeText}
        />
      )
    case 'longtext':
    case 'text':
      if (kind === 'longtext' || shown.includes('\n')) return <TextField {...common} value={shown} multiline onWrite={writeText} />
      return <OneLineField {...common} {...expand} value={shown} onWrite={writeText} />
  }
}

/** What the field says about a weekday its date does not fall on, in the UI's language; null when there is none. */
function wrongWeekday(text: string, t: ReturnType<typeof useI18n>['t'], locale: string): string | null {
  const mismatch = weekdayMismatch(text)
  if (!mismatch) return null
  return t('weekdayMismatch', { actual: weekdayName(mismatch.actual, locale), written: weekdayName(mismatch.written, locale) })
}

/** The change from `before` to `after` as one patch over the span that differs. */
function narrow(before: string, after: string): TextPatch {
  let head = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  let tail = 0
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  return { from: head, to: before.length - tail, insert: after.slice(head, after.length - tail) }
}

/** Values no widget can show as they are (nested maps, a kind mismatch): their YAML source, edited in place. */
function RawField(props: { field: Field; source: string; label: string; readOnly: boolean; session: FieldSession; edit: RowProps['edit'] }) {
  const { field, source, label, readOnly, session, edit } = props
  return (
    <TextField
      value={source}
      label={label}
      multiline={source.includes('\n')}
      readOnly={readOnly}
      session={session}
      onWrite={(next) =>
        edit(
          field.key,
          (doc, options) => {
            // The range as the document has it now: the row may be a keystroke behind.
            const range = parse(doc, options).fields.find((f) => f.key === field.key)?.valueRange
            return range ? [{ from: range.from, to: range.to, insert: next.replace(/\r?\n/g, options.eol ?? '\n') }] : []
          },
          true,
        )
      }
    />
  )
}

/** The field-name entry: known keys of the folder that this header lacks, most used first. */
function AddField({
  schema,
  collection,
  present,
  session,
}: {
  schema: FolderSchema | null
  collection: string
  present: string[]
  session(key: string): FieldSession
}) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const keys = schema?.collections.find((c) => c.name === collection)?.keys ?? schema?.keys ?? []
  const shown = open
    ? suggest(
        keys.map((k) => ({ value: k.key, count: k.count })),
        [],
        name,
        present,
      )
    : []
  const add = (raw: string) => {
    const key = raw.trim()
    setName('')
    setActive(-1)
    if (!key || present.includes(key)) return
    const kind = schemaKeyFor(schema, collection, key)?.kind
    session(key).write(kind === 'list' || kind === 'taxonomy' ? [] : kind === 'boolean' ? false : null)
  }
  return (
    <div className="property add-property">
      <span className="chip-entry">
        <input
          type="text"
          role="combobox"
          aria-label={t('fieldName')}
          aria-expanded={shown.length > 0}
          aria-autocomplete="list"
          placeholder={t('fieldName')}
          value={name}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onChange={(event) => {
            setName(event.currentTarget.value)
            setOpen(true)
            setActive(-1)
          }}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const n = shown.length
              if (n) setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % n : (a <= 0 ? n : a) - 1))
            } else if (event.key === 'Enter') {
              event.preventDefault()
              add((active >= 0 ? shown[active] : undefined) ?? name)
            } else if (event.key === 'Escape') setOpen(false)
          }}
        />
        {shown.length > 0 && (
          <ul className="suggestions" role="listbox" aria-label={t('fieldName')}>
            {shown.map((s, i) => (
              <li
                key={s}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(s)}
              >
                {s}
              </li>
            ))}
          </ul>
        )}
      </span>
      <button type="button" onClick={() => add(name)}>
        {t('addField')}
      </button>
    </div>
  )
}
