import { useId, useMemo, useState } from 'react'
import type { Settings, ThemeChoice } from '../../shared/contract'
import { FONT_SIZE, LINE_HEIGHT, validSetting } from '../../shared/settings'
import { useI18n } from '../i18n/i18n'
import type { StringKey } from '../i18n/strings'
import { Modal } from '../dialogs/Modal'
import { allowRemote, remoteAllowed } from './remote-content'
import type { SettingsInfo } from './use-settings'

interface Props {
  settings: Settings
  info: SettingsInfo
  /** The open folder's root, whose remote-content choice the dialog shows; null when none is open. */
  folder: string | null
  onChange(patch: Partial<Settings>): void
  onClose(): void
}

const THEMES: [ThemeChoice, StringKey][] = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['dark', 'themeDark'],
]

/** Fonts most writers have, offered as suggestions; any installed font may be typed. */
const FONT_SUGGESTIONS = [
  'Georgia, serif',
  "'Noto Serif SC', 'Songti SC', serif",
  "'Noto Sans SC', 'PingFang SC', sans-serif",
  'system-ui, sans-serif',
  'ui-monospace, monospace',
]

/** A field whose text is sent only when it is a valid value; until then it says it is not. */
function useDraft<K extends keyof Settings>(settings: Settings, key: K, parse: (text: string) => Settings[K], onChange: (patch: Partial<Settings>) => void) {
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? String(settings[key])
  const value = parse(text)
  const valid = validSetting(key, value)
  return {
    value: text,
    'aria-invalid': !valid,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const next = e.currentTarget.value
      setDraft(next)
      const parsed = parse(next)
      if (validSetting(key, parsed)) onChange({ [key]: parsed } as Partial<Settings>)
    },
    // Leaving the field shows what is in force again.
    onBlur: () => setDraft(null),
  }
}

export function SettingsDialog({ settings, info, folder, onChange, onClose }: Props) {
  const { t, locale } = useI18n()
  const fontList = useId()
  const font = useDraft(settings, 'editorFont', (text) => text, onChange)
  const size = useDraft(settings, 'editorFontSize', Number, onChange)
  const lineHeight = useDraft(settings, 'editorLineHeight', Number, onChange)
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' })
    } catch {
      return null
    }
  }, [locale])
  const languageName = (code: string): string => {
    try {
      return names?.of(code) ?? code
    } catch {
      return code
    }
  }
  const check = (
    key: 'lineWrap' | 'focusMode' | 'typewriter' | 'vim' | 'spellCheck' | 'pasteHtmlAsMarkdown' | 'autosave',
    label: StringKey,
    hint?: StringKey,
  ) => (
    <label className="setting">
      <input type="checkbox" checked={settings[key]} onChange={(e) => onChange({ [key]: e.currentTarget.checked })} /> {t(label)}
      {hint && <span className="setting-hint">{t(hint)}</span>}
    </label>
  )
  const chosenLanguages = new Set(settings.spellCheckLanguages)
  const toggleLanguage = (code: string, on: boolean) =>
    onChange({
      spellCheckLanguages: on ? [...settings.spellCheckLanguages.filter((c) => c !== code), code] : settings.spellCheckLanguages.filter((c) => c !== code),
    })

  return (
    <Modal title={t('settings')} testId="settings" className="settings-dialog" onDismiss={onClose}>
      {info.problems.length > 0 && (
        <p className="error" role="alert" data-testid="settings-problems">
          {t('settingsProblems', { file: info.file ?? '', keys: info.problems.map((p) => p.key || '…').join(', ') })}
        </p>
      )}
      <fieldset>
        <legend>{t('settingsAppearance')}</legend>
        <div role="radiogroup" aria-label={t('theme')} className="setting-row">
          <span>{t('theme')}</span>
          {THEMES.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="theme"
                value={value}
                checked={settings.theme === value}
                // The dialog starts on the theme in force, as Tab into the group would.
                autoFocus={settings.theme === value}
                onChange={() => onChange({ theme: value })}
              />{' '}
              {t(label)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settingsEditor')}</legend>
        <label className="setting">
          {t('editorFont')} <input type="text" list={fontList} placeholder={t('editorFontDefault')} spellCheck={false} {...font} />
          <datalist id={fontList}>
            {FONT_SUGGESTIONS.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </label>
        <label className="setting">
          {t('editorFontSize')} <input type="number" min={FONT_SIZE.min} max={FONT_SIZE.max} step={1} {...size} />
        </label>
        <label className="setting">
          {t('editorLineHeight')} <input type="number" min={LINE_HEIGHT.min} max={LINE_HEIGHT.max} step={0.1} {...lineHeight} />
        </label>
        {check('lineWrap', 'lineWrap')}
        {check('focusMode', 'focusMode', 'focusModeHint')}
        {check('typewriter', 'typewriter', 'typewriterHint')}
        {check('vim', 'vimKeys')}
        {check('pasteHtmlAsMarkdown', 'pasteHtmlAsMarkdown', 'pasteHtmlAsMarkdownHint')}
      </fieldset>
      <fieldset>
        <legend>{t('settingsSpelling')}</legend>
        {check('spellCheck', 'spellCheck')}
        {info.spellCheckLanguages === null ? (
          <p className="setting-hint">{t('spellCheckSystem')}</p>
        ) : (
          <div className="spell-languages" role="group" aria-label={t('spellCheckLanguages')} data-testid="spell-languages">
            <p className="setting-hint">{t('spellCheckLanguagesHint')}</p>
            {info.spellCheckLanguages.map((code) => (
              <label key={code} className="setting">
                <input
                  type="checkbox"
                  disabled={!settings.spellCheck}
                  checked={chosenLanguages.has(code)}
                  onChange={(e) => toggleLanguage(code, e.currentTarget.checked)}
                />{' '}
                {languageName(code)} <span className="setting-hint">{code}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('settingsSaving')}</legend>
        {check('autosave', 'autosave')}
        {folder && (
          <label className="setting">
            <input
              type="checkbox"
              checked={remoteAllowed(settings, folder)}
              onChange={(e) => onChange(allowRemote(settings, folder, e.currentTarget.checked))}
            />{' '}
            {t('loadRemoteInFolder')}
          </label>
        )}
      </fieldset>
      <div className="actions">
        <button onClick={onClose}>{t('close')}</button>
      </div>
    </Modal>
  )
}
