import { memo, useState } from 'react'
import { addListItem, removeKey, removeListItem, scalarText, setValue } from '../../shared/frontmatter'
import type { EditValue, Field, ParsedFrontMatter, Schema, TextPatch } from '../../shared/frontmatter/types'
import { useI18n } from '../i18n/i18n'
import { BooleanWidget, ChipsWidget, NumberWidget, TextWidget } from './widgets'
import { fromInputValue, readWallClock, toInputValue, writeWallClock } from './wall-clock'

interface Props {
  /** The document text the offsets in `parsed` refer to. */
  text: string
  parsed: ParsedFrontMatter
  schema: Schema | null
  /** Options for parse/edit that depend on the site (Hexo rules, time zone). */
  hexo: boolean
  /** The file's line ending: CodeMirror splits inserted text on it alone. */
  eol: '\n' | '\r\n'
  readOnly: boolean
  onPatch(patches: TextPatch[]): void
  /** Where an image path written in the header can be shown from (null when it cannot). */
  imageUrl(value: string): string | null
}

const LONG_TEXT = 80
const IMAGE_KEY = /(image|img|cover|thumbnail|banner|photo|avatar|logo)/i
const URL_VALUE = /^(https?:)?\/\/|^\/|\.(png|jpe?g|gif|webp|svg|avif)(\?.*)?$/i

function suggestionsFor(schema: Schema | null, key: string): string[] {
  return schema?.keys.find((k) => k.key === key)?.values.map((v) => v.value) ?? []
}

/**
 * The header as a form: one row per key in the block's order. Every change becomes a minimal
 * text patch from shared/frontmatter, so the editor's undo covers it and untouched bytes stay.
 * Memoized: the workbench re-renders on cursor moves, which change none of these props.
 */
export const PropertiesForm = memo(function PropertiesForm({ text, parsed, schema, hexo, eol, readOnly, onPatch, imageUrl }: Props) {
  const { t } = useI18n()
  const [newKey, setNewKey] = useState('')
  const opts = { hexo, eol }
  const error = parsed.errors[0]
  const locked = readOnly || !parsed.ok

  const edit = (make: () => TextPatch[]) => {
    try {
      const patches = make()
      if (patches.length) onPatch(patches)
    } catch {
      // The header stopped parsing between render and edit; the error banner explains it.
    }
  }
  const set = (key: string, value: EditValue) => edit(() => setValue(text, key, value, opts))

  const addField = () => {
    const key = newKey.trim()
    if (!key || parsed.fields.some((f) => f.key === key)) return
    const type = schema?.keys.find((k) => k.key === key)?.type
    set(key, type === 'list' ? [] : type === 'boolean' ? false : null)
    setNewKey('')
  }

  return (
    <section className="properties" aria-label={t('properties')} data-testid="properties">
      {error && (
        <p className="properties-error" role="alert" data-testid="properties-error">
          {t('headerParseReadOnly', { message: error.message, line: error.line })}
        </p>
      )}
      {parsed.fields.map((field) => (
        <div className="property" data-testid="property" data-key={field.key} data-type={field.value.type} key={field.key}>
          <label className="property-key" title={field.key}>
            {field.key}
          </label>
          <div className="property-value">
            <FieldWidget field={field} text={text} schema={schema} locked={locked} set={set} edit={edit} opts={opts} imageUrl={imageUrl} />
          </div>
          {!locked && (
            <button
              type="button"
              className="property-remove"
              aria-label={t('removeField', { key: field.key })}
              title={t('removeField', { key: field.key })}
              onClick={() => edit(() => removeKey(text, field.key, opts))}
            >
              −
            </button>
          )}
        </div>
      ))}
      {!locked && (
        <div className="property add-property">
          <input
            type="text"
            aria-label={t('fieldName')}
            placeholder={t('fieldName')}
            list="folio-known-keys"
            value={newKey}
            onChange={(event) => setNewKey(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') addField()
            }}
          />
          <datalist id="folio-known-keys">
            {schema?.keys
              .filter((k) => !parsed.fields.some((f) => f.key === k.key))
              .map((k) => <option key={k.key} value={k.key} />)}
          </datalist>
          <button type="button" onClick={addField}>
            {t('addField')}
          </button>
        </div>
      )}
    </section>
  )
})

interface WidgetProps {
  field: Field
  text: string
  schema: Schema | null
  locked: boolean
  opts: { hexo: boolean; eol: '\n' | '\r\n' }
  imageUrl(value: string): string | null
  set(key: string, value: EditValue): void
  edit(make: () => TextPatch[]): void
}

function FieldWidget({ field, text, schema, locked, opts, imageUrl, set, edit }: WidgetProps) {
  const { t } = useI18n()
  const { key, value } = field
  const label = key
  switch (value.type) {
    case 'boolean':
      return <BooleanWidget value={value.value} label={label} readOnly={locked} onChange={(next) => set(key, next)} />
    case 'number':
      return <NumberWidget value={value.value} label={label} readOnly={locked} onChange={(next) => set(key, next)} />
    case 'date':
      return <DateWidget text={value.text} label={label} readOnly={locked} onChange={(next) => set(key, next)} />
    case 'list': {
      const items = value.items.map((item) => (item.type === 'null' ? '' : scalarText(item)))
      if (items.every((item): item is string => item !== null)) {
        return (
          <ChipsWidget
            items={items}
            label={label}
            removeLabel={(item) => t('removeField', { key: item })}
            suggestions={suggestionsFor(schema, key)}
            readOnly={locked}
            onAdd={(item) => edit(() => addListItem(text, key, item, opts))}
            onRemove={(index) => edit(() => removeListItem(text, key, index, opts))}
          />
        )
      }
      return <RawWidget field={field} text={text} label={label} readOnly={locked} edit={edit} eol={opts.eol} />
    }
    case 'map':
      return <RawWidget field={field} text={text} label={label} readOnly={locked} edit={edit} eol={opts.eol} />
    case 'null':
    case 'string': {
      const current = value.type === 'string' ? value.value : ''
      const thumbnail = IMAGE_KEY.test(key) && URL_VALUE.test(current) ? imageUrl(current) : null
      return (
        <>
          <TextWidget
            value={current}
            label={label}
            multiline={current.length > LONG_TEXT || current.includes('\n')}
            readOnly={locked}
            onChange={(next) => set(key, next)}
          />
          {thumbnail && <img className="property-thumb" data-testid="property-thumb" src={thumbnail} alt="" loading="lazy" />}
        </>
      )
    }
  }
}

/** Nested maps and lists of lists: their YAML source, edited as text in place. */
function RawWidget(props: { field: Field; text: string; label: string; readOnly: boolean; eol: '\n' | '\r\n'; edit: WidgetProps['edit'] }) {
  const { field, text, label, readOnly, eol, edit } = props
  const source = text.slice(field.valueRange.from, field.valueRange.to)
  return (
    <TextWidget
      value={source}
      label={label}
      multiline
      readOnly={readOnly}
      onChange={(next) => edit(() => [{ from: field.valueRange.from, to: field.valueRange.to, insert: next.replace(/\r?\n/g, eol) }])}
    />
  )
}

function DateWidget({ text, label, readOnly, onChange }: { text: string; label: string; readOnly: boolean; onChange(next: string): void }) {
  const { t } = useI18n()
  const clock = readWallClock(text)
  return (
    <div className="date-widget">
      <TextWidget value={text} label={label} multiline={false} readOnly={readOnly} onChange={onChange} />
      {clock && (
        <input
          type={clock.hasTime ? 'datetime-local' : 'date'}
          step={1}
          aria-label={t('pickDate', { key: label })}
          value={toInputValue(clock)}
          readOnly={readOnly}
          onChange={(event) => {
            const next = fromInputValue(event.currentTarget.value, clock.hasTime)
            const written = next && writeWallClock(text, next)
            if (written) onChange(written)
          }}
        />
      )}
    </div>
  )
}
