import type { SearchQuery, SearchScope } from '../../../shared/search/query'
import { useI18n } from '../../i18n/i18n'

interface Props {
  query: SearchQuery
  onChange(patch: Partial<SearchQuery>): void
}

/** Case, whole word, regular expression and where to look, beside the search box. */
export function SearchOptions({ query, onChange }: Props) {
  const { t } = useI18n()
  const toggle = (key: 'caseSensitive' | 'wholeWord' | 'regex', label: string, glyph: string) => (
    <button
      type="button"
      className="search-toggle"
      data-testid={`search-${key}`}
      aria-pressed={query[key]}
      aria-label={label}
      title={label}
      onClick={() => onChange({ [key]: !query[key] })}
    >
      {glyph}
    </button>
  )
  return (
    <div className="search-options">
      {toggle('caseSensitive', t('searchMatchCase'), 'Aa')}
      {toggle('wholeWord', t('searchWholeWord'), 'ab')}
      {toggle('regex', t('searchRegex'), '.*')}
      <select
        aria-label={t('searchScope')}
        data-testid="search-scope"
        value={query.scope}
        onChange={(e) => onChange({ scope: e.currentTarget.value as SearchScope })}
      >
        <option value="all">{t('searchScopeAll')}</option>
        <option value="body">{t('searchScopeBody')}</option>
        <option value="header">{t('searchScopeHeader')}</option>
        <option value="field">{t('searchScopeField')}</option>
      </select>
      {query.scope === 'field' && (
        <input
          type="text"
          className="search-field"
          data-testid="search-field"
          aria-label={t('searchField')}
          placeholder={t('searchField')}
          value={query.field ?? ''}
          onChange={(e) => onChange({ field: e.currentTarget.value })}
        />
      )}
    </div>
  )
}
