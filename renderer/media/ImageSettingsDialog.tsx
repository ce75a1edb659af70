/**
 * Image settings: every choice an insert makes (names, maximum width, JPEG/WebP quality, camera
 * data and location, the upload command), shown before the first image goes in and from the
 * command palette afterwards.
 */
import { useState } from 'react'
import type { HugoLeafImages } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'
import { SUGGESTED_MAX_WIDTH, type MediaSettings } from './settings'

interface Props {
  settings: MediaSettings
  /** 'insert': asked before the first insert (the button inserts); 'edit': opened on its own. */
  purpose: 'insert' | 'edit'
  onSave(settings: MediaSettings): void
  onCancel(): void
  /** In a Hugo folder: what an image for a single page does there (remembered from LeafBundleDialog, or asked each time). */
  leaf?: LeafSetting | null
}

export interface LeafSetting {
  choice: HugoLeafImages | undefined
  save(choice: HugoLeafImages | undefined): void
}

const clampQuality = (text: string, fallback: number): number => {
  const n = Number.parseInt(text, 10)
  return Number.isFinite(n) ? Math.min(100, Math.max(1, n)) : fallback
}

export function ImageSettingsDialog({ settings, purpose, onSave, onCancel, leaf }: Props) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(settings)
  const [leafChoice, setLeafChoice] = useState(leaf?.choice)
  const [resize, setResize] = useState(settings.maxWidth !== null)
  const [width, setWidth] = useState(String(settings.maxWidth ?? SUGGESTED_MAX_WIDTH))
  const set = (patch: Partial<MediaSettings>) => setDraft((d) => ({ ...d, ...patch }))
  const widthValue = Number.parseInt(width, 10)
  const widthValid = !resize || (Number.isInteger(widthValue) && widthValue >= 16 && widthValue <= 20_000)

  const save = () => {
    if (!widthValid) return
    if (leaf && leafChoice !== leaf.choice) leaf.save(leafChoice)
    onSave({ ...draft, maxWidth: resize ? widthValue : null, confirmed: true })
  }

  return (
    <Modal title={t('imageSettingsTitle')} testId="image-settings" onDismiss={onCancel}>
      <form
        className="image-settings"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        {purpose === 'insert' && <p>{t('imageSettingsFirst')}</p>}
        <fieldset>
          <legend>{t('imageNaming')}</legend>
          <label>
            <input type="radio" name="naming" checked={draft.naming === 'original'} onChange={() => set({ naming: 'original' })} /> {t('imageNamingOriginal')}
          </label>
          <label>
            <input type="radio" name="naming" checked={draft.naming === 'timestamp'} onChange={() => set({ naming: 'timestamp' })} />{' '}
            {t('imageNamingTimestamp')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('imageResize')}</legend>
          <label>
            <input type="checkbox" data-testid="image-resize" checked={resize} onChange={(e) => setResize(e.target.checked)} /> {t('imageResizeWider')}
          </label>{' '}
          <input
            type="number"
            data-testid="image-max-width"
            aria-label={t('imageMaxWidth')}
            min={16}
            max={20000}
            value={width}
            disabled={!resize}
            aria-invalid={!widthValid}
            onChange={(e) => setWidth(e.target.value)}
          />{' '}
          {t('imagePixels')}
          <label>
            <input type="checkbox" data-testid="image-compress" checked={draft.compress} onChange={(e) => set({ compress: e.target.checked })} />{' '}
            {t('imageCompress')}
          </label>
          <QualityField label={t('imageJpegQuality')} testId="image-jpeg-quality" value={draft.jpegQuality} onChange={(jpegQuality) => set({ jpegQuality })} />{' '}
          <QualityField label={t('imageWebpQuality')} testId="image-webp-quality" value={draft.webpQuality} onChange={(webpQuality) => set({ webpQuality })} />
        </fieldset>
        <fieldset>
          <legend>{t('imageMetadata')}</legend>
          <label>
            <input type="radio" name="metadata" checked={draft.metadata === 'strip'} onChange={() => set({ metadata: 'strip' })} /> {t('imageMetadataStrip')}
          </label>
          <label>
            <input
              type="radio"
              name="metadata"
              data-testid="image-metadata-keep"
              checked={draft.metadata === 'keep'}
              onChange={() => set({ metadata: 'keep' })}
            />{' '}
            {t('imageMetadataKeep')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('imageUpload')}</legend>
          <label>
            {t('imageUploadCommand')}
            <input
              type="text"
              data-testid="image-upload-command"
              spellCheck={false}
              // A command, as the shell reads it: its example is not translated.
              translate="no"
              placeholder="picgo upload {file}"
              value={draft.uploadCommand}
              onChange={(e) => set({ uploadCommand: e.target.value })}
            />
          </label>
          <p className="muted">{t('imageUploadHelp')}</p>
          <label>
            <input
              type="checkbox"
              data-testid="image-keep-local"
              checked={draft.keepLocal}
              disabled={draft.uploadCommand.trim() === ''}
              onChange={(e) => set({ keepLocal: e.target.checked })}
            />{' '}
            {t('imageKeepLocal')}
          </label>
        </fieldset>
        {leaf && (
          <fieldset data-testid="image-leaf-pages">
            <legend>{t('imageLeafPages')}</legend>
            <label>
              <input type="radio" name="leaf" checked={leafChoice === undefined} onChange={() => setLeafChoice(undefined)} /> {t('imageLeafAsk')}
            </label>
            <label>
              <input type="radio" name="leaf" checked={leafChoice === 'bundle'} onChange={() => setLeafChoice('bundle')} /> {t('leafBundleMake')}
            </label>
            <label>
              <input type="radio" name="leaf" checked={leafChoice === 'static'} onChange={() => setLeafChoice('static')} /> {t('leafBundleStatic')}
            </label>
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" data-testid="image-settings-save" disabled={!widthValid}>
            {purpose === 'insert' ? t('imageSettingsInsert') : t('imageSettingsSave')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** A compression quality from 1 to 100; what is typed outside that keeps the last good value. */
function QualityField({ label, testId, value, onChange }: { label: string; testId: string; value: number; onChange(quality: number): void }) {
  return (
    <label>
      {label} <input type="number" min={1} max={100} data-testid={testId} value={value} onChange={(e) => onChange(clampQuality(e.target.value, value))} />
    </label>
  )
}
