/** The language a page declares, so browsers pick CJK glyphs of the right locale. */
export function guessLang(text: string, fallback = 'en'): string {
  if (/[\u3040-\u30ff]/.test(text)) return 'ja'
  if (/[\uac00-\ud7af]/.test(text)) return 'ko'
  if (/\p{Script=Han}/u.test(text)) return 'zh'
  return fallback
}
