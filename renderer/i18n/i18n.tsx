import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { folio } from '../bridge'
import { uiLocaleFor, type UiLocale } from '../../shared/contract'
import { STRINGS, format, type StringKey } from './strings'

interface I18n {
  locale: UiLocale
  setLocale(locale: UiLocale): void
  t(key: StringKey, values?: Record<string, string | number>): string
}

const STORAGE_KEY = 'folio.locale'
const I18nContext = createContext<I18n | null>(null)

function initialLocale(): UiLocale {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'zh-CN') return stored
  return uiLocaleFor(navigator.language)
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<UiLocale>(initialLocale)
  // Native menus and dialogs follow the language chosen here, not only the system's.
  useEffect(() => {
    void folio.setUiLocale(locale).catch(() => undefined)
  }, [locale])
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale(next) {
        localStorage.setItem(STORAGE_KEY, next)
        document.documentElement.lang = next
        setLocaleState(next)
      },
      t(key, values) {
        const text = STRINGS[locale][key]
        return values ? format(text, values, locale) : text
      },
    }),
    [locale],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
