/**
 * Errors that cross the IPC boundary: plain objects with a stable code, never stacks.
 * The renderer shows `message`; code decides what the UI offers (reload, compare, …).
 */
import type { HeaderError } from './frontmatter/types'

export type ErrorCode =
  | 'NO_FOLDER' // no content folder is open
  | 'NOT_FOUND'
  | 'EXISTS' // refusing to overwrite
  | 'OUTSIDE_ROOT' // path escapes the content folder
  | 'INVALID_PATH' // NUL bytes, drive letters, absolute paths …
  | 'CONFLICT' // file changed on disk since it was read
  | 'INVALID_UTF8'
  | 'READ_ONLY'
  | 'HEADER_PARSE' // front matter does not parse; refusing to edit it
  | 'BAD_ARGUMENT' // run-time validation of IPC arguments failed
  | 'FORBIDDEN' // IPC sender is not our window
  | 'CANCELLED'
  | 'NOT_TRUSTED' // running the open site's own code (its server) was not agreed to for this folder
  | 'IO'
  | 'CANNOT_OPEN' // the app was asked to open something it cannot (launch argument, URI, last folder)

/**
 * Which sentence a message from the main process is, for the renderer to say it in the UI's
 * language from the values in `params` (renderer/i18n/errors.ts); `message` keeps the English the
 * command line prints. The params each reason carries are listed beside it. The newer reasons'
 * English is in ENGLISH below, made into the message by `said`; the older ones' is written where
 * they are raised.
 */
export const MESSAGE_REASONS = [
  /** doing, path: the file is not there (moved or deleted?). */
  'file-missing',
  /** doing, path: a folder where a file was expected. */
  'is-folder',
  /** doing, path, kind (fifo, socket, device, link, other): not a regular file. */
  'not-regular',
  /** doing, path, errno, detail: the system refused a read or write (detail: its own words). */
  'io',
  /** doing, path, root: the open folder is gone. */
  'folder-gone',
  /** path: a path that leads outside the open folder. */
  'outside-folder',
  /** path: changed on disk since it was opened. */
  'changed-since-opened',
  /** path: changed on disk by another program during an edit. */
  'changed-during-edit',
  /** path: read-only because of its encoding or size, or its permissions. */
  'utf-16',
  'not-utf-8',
  'cr-only',
  /** path, size, max (megabytes). */
  'too-large',
  'no-write-permission',
  /** path, uid. */
  'other-owner',
  /** path: something with this name is there already. */
  'name-taken',
  /** from, to. */
  'rename-taken',
  /** to, ext: a new name without the article's extension. */
  'no-extension',
  /** from, to, folder: the post's asset folder would land on an existing folder. */
  'asset-folder-taken',
  /** A preview (replace, rename, bulk edit) that was applied or dropped. */
  'preview-gone',
  /** dir: an export into the open folder itself. */
  'export-into-folder',
  /** folder. */
  'nothing-to-export',
  /** path, line, detail: an exported article whose header does not parse. */
  'export-header',
  'pdf-unavailable',
  /** command, detail: the upload command cannot be run as written. */
  'upload-command',
  /** name, command, output, how (start: detail, errno; timeout: seconds; status: status; no-url): the upload command failed. */
  'upload-failed',
  /** name, size, max: an image over the size Folio inserts. */
  'image-too-large',
  /** name, megapixels. */
  'image-too-many-pixels',
  /** name, detail: not readable as an image. */
  'image-unreadable',
  /** name: an image name that leads into other folders. */
  'image-name-path',
  /** where. */
  'image-folder-read-only',
  /** where. */
  'disk-full',
  /** where, errno, detail. */
  'image-copy-failed',
  /** name, path, detail: an image failed after its link went into an article that was saved and closed meanwhile. */
  'image-link-left',
  /** theme, detail: the export theme's stylesheet cannot be read. */
  'export-theme',
  /** root. */
  'git-no-repository',
  /** path. */
  'git-not-article',
  'git-busy',
  /** operation: a rebase, merge, cherry-pick … left unfinished. */
  'git-mid-operation',
  'git-nothing-chosen',
  'git-no-message',
  /** detail: what git said went wrong, in its words. */
  'git-failed',
  /** id. */
  'bulk-undo-gone',
  /** root: the folder the bulk edit was made in. */
  'bulk-undo-elsewhere',
  /** from, to, paths: the files changed since, comma-separated. */
  'bundle-undo-changed',
  /** from: something is at the page's old name now. */
  'bundle-undo-taken',
  /** what (new value, value to merge into, field name, value). */
  'value-empty',
  /** value. */
  'same-name',
  'merge-nothing',
  'categories-flat',
  'category-none',
  /** category. */
  'category-into-itself',
  /** path. */
  'not-in-folder',
  /** name: every numbered name is taken. */
  'numbered-names-full',
  /** path. */
  'read-back-failed',
  'title-needed',
  /** path. */
  'rename-folder',
  /** path. */
  'folder-exists',
  /** detail: the pattern's error, as the engine says it. */
  'bad-regex',
  'publish-busy',
  /** key. */
  'key-exists',
  /** key. */
  'map-not-list',
  /** key, index. */
  'no-list-item',
  /** The header is indented with tabs and the edit would change how Hexo reads other lines. */
  'header-tabs',
  /** line, detail: the header does not parse, or (kind not-read) the site does not read it. */
  'header-unparsed',
  'header-not-read',
  /** path, folder: Hexo's include_code names a file outside the site's code folder. */
  'code-outside',
  /** path: the file include_code names is not in the site folder. */
  'code-not-in-site',
  /** path. */
  'code-is-folder',
  /** path, size (KB). */
  'code-too-large',
  /** path. */
  'code-missing',
  /** path. */
  'code-not-utf-8',
  /** path, detail: a named pipe, socket or device. */
  'code-not-regular',
  /** path, detail. */
  'code-unreadable',
  /** path: Jekyll's link tag names a file the site does not have. */
  'jekyll-no-file',
  /** name: Jekyll's post_url names no post. */
  'jekyll-no-post',
  /** key: Hugo's param shortcode names a parameter set nowhere. */
  'hugo-no-param',
  /** slug: Hexo's post_link names no post (by slug, nor by title). */
  'hexo-no-post',
  /** slug: Hexo's post_path names no post (by slug, nor by title). */
  'hexo-no-post-path',
  /** No content folder is open. */
  'no-folder',
  /** root, detail: the folder asked for cannot be opened. */
  'folder-unopenable',
  /** The writer has not agreed to run this folder's site server. */
  'site-not-trusted',
  /** A request from something that is not Folio's own window. */
  'sender-refused',
  /** The page has no bridge to the main process. */
  'not-connected',
  /** detail: a request's arguments the contract refuses (a bug of ours, in its words). */
  'bad-argument',
  /** detail: a failure nothing above names (a bug of ours, or the system's words). */
  'unexpected',
  /** path, why (uri, not-local, missing, not-article, last-gone): what was asked to open cannot be. */
  'cannot-open',
  /** path, why (not-string, nul, backslash, drive, absolute, root): a path Folio refuses to use. */
  'bad-path',
  /** path, uid, gid: saving would change the file's owner and group. */
  'owner-not-kept',
  /** path, uid: only the file's owner can change its permissions. */
  'owner-only-chmod',
  /** root: the open folder is gone, nothing was created. */
  'create-folder-gone',
  /** doing, path: not a file of the folder (moved or deleted?). */
  'not-a-file',
  /** The command line never deletes files. */
  'cli-no-trash',
  /** path: an export of a file or folder that does not exist. */
  'export-missing',
  /** path: a file given to export that is not an article. */
  'export-not-article',
  /** path, detail, errno: an article that cannot be read for export. */
  'export-unreadable',
  /** path, detail, errno: exporting one article failed. */
  'export-failed',
  /** path: an export stopped before this article. */
  'export-cancelled',
  /** id. */
  'export-running',
  'export-site-all',
  'no-clipboard',
  /** name, file, folder: another file took the image's name while it was prepared. */
  'image-name-appeared',
  /** name: an SVG that is nothing once its scripts are removed. */
  'image-svg-empty',
  /** name, folder, count: every numbered name of the image is taken. */
  'image-names-full',
  /** name, file: not a full path to a file. */
  'image-not-full-path',
  /** file: a picked or dropped file that is gone. */
  'image-gone',
  /** file: a file the page names that the writer did not hand over (the preload's refusal). */
  'not-handed-over',
  /** path: a path that leads outside the folder, as a rename or move target. */
  'move-not-inside',
  /** path, line, key, value, why (outside, not-article), instead ('' the folder itself): a site setting Folio refuses, and what it uses. */
  'setting-refused',
  /** path: an Eleventy data file in JavaScript, not run. */
  'eleventy-code',
  /** path, detail: an Eleventy data file that is not JSON. */
  'eleventy-json',
  /** path ('' the folder itself), errno, detail: a folder that cannot be listed. */
  'folder-unlistable',
  /** why (folder-link, outside-link, dangling-link, vanished), count, names (the first three, a line each): files the listing left out. */
  'links-skipped',
  /** file: a reference a rename leaves as written (an asset tag cannot reach outside the post's asset folder). */
  'left-asset-outside',
  /** file, moved. */
  'left-no-path',
  /** file, kind (the site tag). */
  'left-not-under-posts',
  /** file, moved, kind. */
  'left-no-target',
  /** The text to replace is empty. */
  'nothing-to-find',
  /** line: fenceless header lines. */
  'header-no-fences',
  'header-none',
  'list-item-not-editable',
  /** key: a TOML table or dotted key. */
  'toml-table',
  'toml-no-null',
] as const

export type MessageReason = (typeof MESSAGE_REASONS)[number]

/** The English of the newer reasons: `said` fills it for the message the command line prints. */
export const ENGLISH: Partial<Record<MessageReason, string>> = {
  'export-theme': 'Cannot read the export theme "{theme}": {detail}. Reinstall Folio or pass an existing theme.',
  'git-no-repository': '{root} is not inside a git repository.',
  'git-not-article': '"{path}" is not an article in this folder.',
  'git-busy': 'Git is still busy with the last pull, push or commit. Wait for it, or stop it, then try again.',
  'git-mid-operation': 'Git is in the middle of a {operation}. Finish it in git (git {operation} --continue, or --abort), then commit from Folio.',
  'git-nothing-chosen': 'Choose at least one article to commit.',
  'git-no-message': 'Write a commit message first.',
  'git-failed': '{detail}',
  'bulk-undo-gone': 'There is no bulk edit {id} to undo (already undone?).',
  'bulk-undo-elsewhere': 'That bulk edit was made in {root}. Open that folder to undo it.',
  'bundle-undo-changed':
    'Could not undo making {from} the page bundle {to}: {paths} changed since, and undoing would overwrite or remove that. Nothing was changed. Rename {to} back by hand if you still want to.',
  'bundle-undo-taken':
    'Could not undo making {from} a page bundle: something named {from} is there now. Nothing was changed. Rename or remove it, then undo again.',
  'value-empty': 'The {what} is empty. Type a value.',
  'same-name': '"{value}" is already called that. Type a different name.',
  'merge-nothing': 'Choose at least one value other than the one to merge into.',
  'categories-flat': 'Only Hexo sites nest categories; rename the category instead.',
  'category-none': 'Choose a category to move.',
  'category-into-itself': 'Cannot move {category} inside itself. Choose another parent.',
  'not-in-folder': '{path} is not an article of this folder. Refresh the library and select again.',
  'numbered-names-full': 'Could not create {name}: 99 files with that name already exist. Choose another title.',
  'read-back-failed': '{path} was written but could not be read back.',
  'title-needed': 'A new article needs a title.',
  'rename-folder': 'Could not rename {path}: it is a folder; rename articles one by one.',
  'folder-exists': 'Could not create the folder {path}: it already exists.',
  'bad-regex': 'The regular expression is not valid: {detail}',
  'publish-busy': 'A publish command is still running. Wait for it, or stop it, then run again.',
  'key-exists': 'The header already has a key "{key}"',
  'map-not-list': '"{key}" is a map, not a list',
  'no-list-item': '"{key}" has no list item {index}',
  'header-tabs':
    'The header is indented with tabs, which Hexo reads as two spaces each, and this edit would change how Hexo reads other lines; replace the tabs with spaces to make it',
  'header-unparsed': 'The header does not parse (line {line}: {detail}); edit it as text',
  'image-link-left':
    '{detail} The link to {name} was left in {path}: that article was saved and closed before the image failed, and Folio does not change a closed file behind your back. Open {path} and remove the link, or insert the image again.',
  'header-not-read': 'The site does not read this header (line {line}: {detail}); Folio leaves it as it is',
  'code-outside': "{path} is outside the site's code folder ({folder}).",
  'code-not-in-site': '{path} is not in the site folder: Hexo would stop with “File does not exist”. Put the file there, or fix the path.',
  'code-is-folder': '{path} is a folder, not a file.',
  'code-too-large': '{path} is {size} KB: too large to show in the preview.',
  'code-missing': '{path} does not exist: Hexo would stop with “File does not exist”.',
  'code-not-utf-8': '{path} is not UTF-8 text.',
  'code-not-regular': '{path} is {detail}, not a file.',
  'code-unreadable': '{path} could not be read: {detail}.',
  'jekyll-no-file': 'Jekyll would stop: the site has no file {path}.',
  'jekyll-no-post': 'Jekyll would stop: no post in _posts is named {name}.',
  'hexo-no-post': 'Hexo would stop: no post has the slug or title {slug} (“Post not found”).',
  'hexo-no-post-path': 'Hexo prints nothing here: no post has the slug or title {slug}.',
  'hugo-no-param': 'Hugo would stop: param "{key}" is set neither in this page nor in the site\'s params.',
  'no-folder': 'No folder is open. Open a content folder first.',
  'folder-unopenable': 'Could not open the folder {root}: {detail}. Choose an existing folder.',
  'site-not-trusted': "Starting the site's server runs the site's own code: agree to that for this folder first.",
  'sender-refused': 'This window may not call Folio.',
  'not-connected': 'Folio is not connected to its main process (window.folio is missing).',
  'bad-argument': '{detail}',
  unexpected: '{detail}',
  'owner-not-kept': 'Could not save {path}: its owner and group cannot be kept ({uid}:{gid}), and saving would change them. Copy the text elsewhere.',
  'owner-only-chmod':
    'Could not make {path} writable: it belongs to another user (uid {uid}), so only they can change its permissions. Ask its owner, or copy the text elsewhere.',
  'create-folder-gone': 'The open folder {root} no longer exists (moved, renamed or deleted?). Nothing was created. Close it, or open it where it is now.',
  'not-a-file': 'Could not {doing} {path}: it is not a file of the folder (moved or deleted?).',
  'cli-no-trash': 'The command line never deletes files.',
  'export-missing': 'Cannot export "{path}": it does not exist. Pass an article file or a folder of articles.',
  'export-not-article': '"{path}" is not an article file; pass files, or export a folder with --format site.',
  'export-unreadable': 'Cannot read "{path}": {detail}. Check that the file exists and is readable.',
  'export-failed': 'Exporting "{path}" failed: {detail}.',
  'export-cancelled': 'Export of "{path}" was cancelled.',
  'export-running': 'An export with id "{id}" is already running. Use a new id for each export.',
  'export-site-all': 'A site is exported from the whole folder: ask for articles "all".',
  'no-clipboard': 'There is no clipboard here to copy to.',
  'image-name-appeared': 'Could not copy {name}: a file named {file} appeared in {folder} while it was being prepared. Insert it again. Nothing was copied.',
  'image-names-full': 'Could not copy {name}: {count} files with that name are in {folder}. Rename it first.',
  'image-not-full-path': 'Could not insert {name}: "{file}" is not a full path to a file. Nothing was copied.',
  'image-gone': 'Could not insert {file}: it is not there any more (moved or deleted?). Nothing was copied.',
  'not-handed-over':
    'Could not insert {file}: Folio reads only files dropped or pasted into it. Drop the file again or choose it with Insert image. Nothing was copied.',
  'move-not-inside': '"{path}" is not a path inside the folder. Type a path such as posts/new-name.md.',
  'left-asset-outside': "{file} is outside the post's asset folder, which an asset tag cannot reach",
  'left-no-path': 'no path from {moved} reaches {file}',
  'left-not-under-posts': '{file} is not under _posts, where {kind} looks',
  'left-no-target': 'no {kind} target from {moved} finds {file}',
  'nothing-to-find': 'There is nothing to find. Type the text to replace.',
  'header-no-fences': 'The first lines look like a header without its fences; fix them as text before adding fields',
  'header-none': 'No header block',
  'list-item-not-editable': 'This list item cannot be edited in place',
  'toml-table': '"{key}" is a TOML table or dotted key; edit it as text',
  'toml-no-null': 'TOML has no null; remove the key instead',
}

export type MessageParams = Record<string, string | number>

/** A sentence by its reason and values (without the English, which is said beside it). */
export interface Said {
  reason: MessageReason
  params: MessageParams
}

/** An English sentence for the command line and logs, with its name for the UI's language. */
export interface Problem extends Said {
  message: string
}

/** A reason of ENGLISH with its values: the English message and the name for the UI's language. */
export function said(reason: MessageReason, params: MessageParams = {}): Problem {
  const english = ENGLISH[reason] ?? reason
  return { reason, params, message: english.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole)) }
}

/** What a system call was doing, as the `doing` param names it (the UI's language has a word for each). */
const DOING_BY_SYSCALL: Record<string, string> = {
  open: 'open',
  read: 'read',
  readFile: 'read',
  write: 'write',
  writeFile: 'write',
  scandir: 'list',
  opendir: 'list',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  rm: 'delete',
  unlink: 'delete',
  rename: 'rename',
  copyfile: 'copy',
  cp: 'copy',
  stat: 'look at',
  lstat: 'look at',
  fstat: 'look at',
  access: 'look at',
  realpath: 'look at',
  readlink: 'look at',
  chmod: 'make writable',
  symlink: 'create',
  link: 'create',
  utime: 'write',
  fsync: 'write',
  spawn: 'run',
}

/**
 * A failure the system reported (Node's `EACCES: permission denied, open '/x'`) as the `io`
 * sentence: what was being done, to which file, and the system's code, so the UI can say why in
 * its language instead of showing the system's English. Null for anything else.
 */
export function systemProblem(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null) return null
  const { code, syscall, path, message } = error as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown }
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code) || typeof syscall !== 'string') return null
  const doing = DOING_BY_SYSCALL[syscall.replace(/^spawn .*/, 'spawn')] ?? 'use'
  const file = typeof path === 'string' ? path : ''
  const detail = typeof message === 'string' ? message : code
  return {
    reason: 'io',
    params: { doing, path: file, errno: code, detail },
    message: file ? `Could not ${doing} ${file}: ${detail}` : `Could not ${doing} a file: ${detail}`,
  }
}

export interface FolioErrorData {
  code: ErrorCode
  message: string
  /**
   * Which sentence `message` is, and the values it names, for the UI's language. Required: an
   * error without one would reach a Chinese UI in English (tests/unit/errors-reason.test.ts).
   */
  reason: MessageReason
  params: MessageParams
  /** POSIX path relative to the content root, when the error is about one file. */
  path?: string
  /** 1-based line in that file, when known. */
  line?: number
  /** For CONFLICT: what is on disk now, so the UI can offer reload / keep mine / compare. */
  disk?: { text: string; hash: string }
}

export class FolioError extends Error implements FolioErrorData {
  readonly code: ErrorCode
  readonly reason: MessageReason
  readonly params: MessageParams
  readonly path?: string
  readonly line?: number
  readonly disk?: { text: string; hash: string }

  constructor(data: FolioErrorData) {
    super(data.message)
    this.name = 'FolioError'
    this.code = data.code
    this.reason = data.reason
    this.params = data.params
    if (data.path !== undefined) this.path = data.path
    if (data.line !== undefined) this.line = data.line
    if (data.disk !== undefined) this.disk = data.disk
  }

  toData(): FolioErrorData {
    const data: FolioErrorData = { code: this.code, message: this.message, reason: this.reason, params: this.params }
    if (this.path !== undefined) data.path = this.path
    if (this.line !== undefined) data.line = this.line
    if (this.disk !== undefined) data.disk = this.disk
    return data
  }
}

export function isFolioErrorData(value: unknown): value is FolioErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}

/** What crosses the wire for every invoke: a value or a typed error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: FolioErrorData }

/** A header error as message params (its place, kind and the parser's words), so the UI can explain it in its language. */
export function headerParams(path: string, error: HeaderError): MessageParams {
  const params: MessageParams = { path, line: error.line, column: error.column, code: error.code, detail: error.message }
  if (error.reason) params.reason = error.reason
  if (error.subject !== undefined) params.subject = error.subject
  return params
}
