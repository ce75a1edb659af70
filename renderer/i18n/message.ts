/**
 * Message templates: `{name}` is replaced by a value, and
 * `{count, plural, one {# article} other {# articles}}` picks the form the language's plural
 * rules (Intl.PluralRules) call for, `#` standing for the number. Chinese has one form, so its
 * templates simply write the sentence once.
 */

const rules = new Map<string, Intl.PluralRules>()
function pluralRules(locale: string): Intl.PluralRules {
  let found = rules.get(locale)
  if (!found) rules.set(locale, (found = new Intl.PluralRules(locale)))
  return found
}

/** The index just after the `}` that closes the `{` at `open`. */
function closing(template: string, open: number): number {
  let depth = 0
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++
    else if (template[i] === '}' && --depth === 0) return i + 1
  }
  return template.length
}

/** `one {…} other {…}` → { one: '…', other: '…' } */
function pluralForms(text: string): Record<string, string> {
  const forms: Record<string, string> = {}
  let i = 0
  while (i < text.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i))
    if (!selector) break
    const open = i + selector[0].length - 1
    const end = closing(text, open)
    forms[selector[1] as string] = text.slice(open + 1, end - 1)
    i = end
  }
  return forms
}

export function formatMessage(template: string, values: Record<string, string | number>, locale = 'en'): string {
  let out = ''
  let i = 0
  while (i < template.length) {
    const open = template.indexOf('{', i)
    if (open === -1) break
    out += template.slice(i, open)
    const end = closing(template, open)
    const inner = template.slice(open + 1, end - 1)
    const plural = /^(\w+),\s*plural,(.*)$/s.exec(inner)
    if (plural) {
      const value = values[plural[1] as string]
      const n = typeof value === 'number' ? value : Number(value)
      const forms = pluralForms(plural[2] as string)
      const form = forms[`=${n}`] ?? forms[pluralRules(locale).select(n)] ?? forms.other ?? ''
      out += formatMessage(form.replace(/#/g, new Intl.NumberFormat(locale).format(n)), values, locale)
    } else {
      out += inner in values ? String(values[inner]) : template.slice(open, end)
    }
    i = end
  }
  return out + template.slice(i)
}
