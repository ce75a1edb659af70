/**
 * A date typed into a date field, read on commit in any format the date module knows (the
 * folder's own among them) and written in the field's own format: its current value's, else the
 * folder's most used for this key.
 */
import { dateFormatOf, retypeDate } from '../../shared/frontmatter/dates'

/** How a field writes a date when neither it nor the folder shows a format. */
const DEFAULT_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss'

/** Null when the typed text is not a date: the field keeps it as typed, with a warning. */
export function writeTypedDate(typed: string, current: string, folderFormats: readonly string[]): string | null {
  return retypeDate(typed, dateFormatOf(current) ?? folderFormats[0] ?? DEFAULT_DATE_FORMAT)
}
