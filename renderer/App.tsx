import type { EditorView } from '@codemirror/view'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { folio } from './bridge'
import { revealLine } from './editor/reveal'
import { useEditorPhrases, useEditorWords } from './editor/phrases'
import { saidText, useErrorText } from './i18n/errors'
import { headerErrorLine } from './i18n/header-errors'
import { I18nProvider, useI18n } from './i18n/i18n'
import { linkLint } from './links/link-lint'
import type { LibraryHandle } from './library/Library'
import { FolderGone } from './library/FolderGone'
import { useRecentArticles } from './library/quick-open/recent'
import { useQuickOpenWarmup } from './library/quick-open/use-quick-open-warmup'
import { useImageInsert } from './media/useImageInsert'
import { useImageFieldDrop } from './media/useImageFieldDrop'
import { useMediaSettings } from './media/useMediaSettings'
import { rememberLeaf, useLeafBundle } from './media/leaf-bundle'
import { LeafBundleNotice } from './media/LeafBundleNotice'
import { BufferStore } from './buffers/buffer-store'
import { useBuffers } from './buffers/use-buffers'
import { StatusBar } from './status/StatusBar'
import { useDialogState } from './workbench/dialog-state'
import { useConflictDialog } from './workbench/use-conflict-dialog'
import { WorkbenchDialogs } from './workbench/WorkbenchDialogs'
import { Toolbar } from './workbench/Toolbar'
import { useFileActions } from './workbench/use-file-actions'
import { useMainEvents } from './workbench/use-main-events'
import { usePanes } from './workbench/use-panes'
import { useFolderRules } from './workbench/use-folder-rules'
import { useWorkbenchCommands } from './workbench/use-workbench-commands'
import { useOpenRequests } from './workbench/use-open-requests'
import { useProblem } from './workbench/use-problem'
import { useRecovery } from './workbench/use-recovery'
import { useWorkspace } from './workbench/use-workspace'
import { useArticleAssets } from './workbench/use-article-assets'
import { PreviewPane } from './workbench/PreviewPane'
import { EditorPane } from './workbench/EditorPane'
import { LibraryPane, type OnlyArticles } from './workbench/LibraryPane'
import { GitPanels } from './git/GitPanels'
import { useGit } from './git/use-git'
import { usePaneCycle } from './keyboard/pane-cycle'
import { useAutosave } from './buffers/autosave'
import { useSettings } from './settings/use-settings'
import { useDarkTheme } from './settings/theme'
import { useWriterSettings } from './settings/editor-settings'
import { useArticleGoal } from './settings/use-goal'

export function App() {
  return (
    <I18nProvider>
      <Workbench />
    </I18nProvider>
  )
}

function Workbench() {
  const { t, locale, setLocale } = useI18n()
  const [view, setView] = useState<EditorView | null>(null)
  const describe = useErrorText()
  const problem = useProblem()
  const showError = problem.show
  const [settings, updateSettings, settingsInfo] = useSettings(showError)
  const dark = useDarkTheme(settings.theme)
  // The link lint words its findings in the language shown when it checks.
  const localeNow = useRef(locale)
  localeNow.current = locale
  const [buffers] = useState(
    () => new BufferStore(folio, { describe, label: t('editor'), rules: { site: 'plain' }, extensions: (path) => [linkLint(path, () => localeNow.current)] }),
  )
  const session = useBuffers(buffers)
  const dialogs = useDialogState()
  const openDialog = dialogs.open
  useConflictDialog(session.conflict, dialogs)
  const workspace = useWorkspace({ buffers, askUnsaved: dialogs.askUnsaved, problem, writes: session.writes })
  const { folder, articles, schema, indexing, refresh, openFolder } = workspace
  // As the index reads headers (electron/workspace/indexer.ts), so editor and library agree.
  const site = folder?.kind === 'hexo' ? 'hexo' : 'plain'
  // An article's state is made with the editor's words: none to change as it shows.
  const words = useEditorWords(t, locale)
  useLayoutEffect(() => buffers.configure({ describe, label: t('editor'), rules: { site }, phrases: words }), [buffers, describe, t, site, words])
  const onView = useCallback(
    (next: EditorView | null) => {
      buffers.attachView(next)
      setView(next)
    },
    [buffers],
  )
  const recent = useRecentArticles(folder?.root ?? null, session.path)
  useQuickOpenWarmup(articles)
  useEditorPhrases(view, words)
  const goal = useArticleGoal(session.path, showError)
  const mediaSettings = useMediaSettings(settings.media, (media) => updateSettings({ media }), openDialog)
  const [mediaOpen, setMediaOpen] = useState(false)
  const [mediaChanged, setMediaChanged] = useState(0)
  const files = useFileActions({ buffers, articles, refresh, showError, openPath: session.path, view })
  const leaf = useLeafBundle({
    folder,
    remembered: settings.hugoLeafImages,
    remember: (root, choice) => updateSettings({ hugoLeafImages: rememberLeaf(settings.hugoLeafImages, root, choice) }),
    buffers,
    moved: files.moved,
    ask: (from, to, planned) => new Promise((answer) => openDialog({ kind: 'leaf-bundle', from, to, planned, answer })),
  })
  const placeFor = leaf.placeFor
  const images = useImageInsert({
    view,
    shownPath: () => buffers.getSnapshot().path,
    settingsFor: mediaSettings.forInsert,
    placeFor,
    placed: leaf.inserted,
    onError: showError,
    onInserted: () => setMediaChanged((n) => n + 1),
    edit: buffers.editAny,
    describe,
  })
  useImageFieldDrop({
    buffers,
    rules: folder?.assets,
    hexo: folder?.kind === 'hexo',
    settingsFor: mediaSettings.forInsert,
    placeFor,
    onError: showError,
    onInserted: () => setMediaChanged((n) => n + 1),
  })

  const [panes, toggle] = usePanes()

  const libraryPane = useRef<LibraryHandle>(null)

  const { unsaved } = session
  // Each snapshot brings a new list: the set (and the library memoized on it) follows its contents.
  const unsavedKey = unsaved.join('\0')
  const unsavedSet = useMemo(() => new Set(unsavedKey === '' ? [] : unsavedKey.split('\0')), [unsavedKey])

  const recovery = useRecovery({
    buffers,
    unsaved,
    folderRoot: folder?.root ?? null,
    openFolder,
    offer: (recovered) => openDialog({ kind: 'recovery', recovered }),
  })
  const openRequests = useOpenRequests({ openFolder, openFile: buffers.open })

  const [taxonomyOpen, setTaxonomyOpen] = useState(false)
  const [only, setOnly] = useState<OnlyArticles | null>(null)
  useAutosave(buffers.save, session.state, session.text, settings.autosave)
  // Asked again whenever the list is (a save, a change on disk).
  const git = useGit(folder?.root ?? null, articles)
  const gitChanges = useMemo(() => new Map(git.state?.kind === 'repository' ? git.state.changes.map((c) => [c.path, c.status]) : []), [git.state])
  const commands = useWorkbenchCommands({
    buffers,
    folderOpen: folder !== null,
    openFolder: () => void openFolder(),
    openDialog,
    view,
    library: libraryPane,
    togglePane: toggle,
    insertImage: () => void images.choose(),
  })
  usePaneCycle()
  // Vim's :w, :wa, :wq and :x: the app's own saves; :wq and :x then go back to the article list.
  useWriterSettings(view, settings, session.path, {
    save: () => commands.save?.(),
    saveAll: () => commands['save-all']?.(),
    leave: () => libraryPane.current?.focusList(),
  })
  useMainEvents({ ...workspace.events, ...openRequests.events, menuCommand: ({ command }) => commands[command]?.() })

  const parsed = session.header.parsed
  const rules = useFolderRules(folder, schema, session.path, parsed)
  const { requiredFor, timeZone, dateMs } = rules
  const goToLine = useCallback((line: number) => view && revealLine(view, line), [view])
  // Read again after an insert and whenever the list is (a save, a change on disk).
  const mediaVersion = useMemo(() => ({ articles, mediaChanged }), [articles, mediaChanged])
  const body = useMemo(() => session.text.slice(session.header.bodyStart), [session.text, session.header.bodyStart])
  const headerError = parsed.errors[0] ? headerErrorLine(parsed.errors[0], locale) : null
  const assets = useArticleAssets({ folder, path: session.path, settings, updateSettings, dark })

  // Stable props for the panes that a form write does not change: a keystroke's write re-renders
  // the form (and what reads the text), not the toolbar, the git buttons or the status bar.
  const onOpenFolder = useCallback(() => void openFolder(), [openFolder])
  const onToggleTaxonomy = useCallback(() => setTaxonomyOpen((open) => !open), [])
  const onToggleMedia = useCallback(() => setMediaOpen((open) => !open), [])
  const onSave = useCallback(() => void buffers.save(), [buffers])
  const onShowInLibrary = useCallback((label: string, paths: readonly string[]) => setOnly({ label, paths: new Set(paths) }), [])
  const onGitMerge = useCallback((path: string) => openDialog({ kind: 'git-merge', path }), [openDialog])
  const shownText = useCallback(() => buffers.getSnapshot().text, [buffers])
  const gitPanels = useMemo(
    () => (
      <GitPanels
        git={git}
        openPath={session.path}
        currentText={shownText}
        unsaved={unsavedSet}
        buffers={buffers}
        onOpen={buffers.open}
        onShowInLibrary={onShowInLibrary}
        onMerge={onGitMerge}
      />
    ),
    [git, session.path, shownText, unsavedSet, buffers, onShowInLibrary, onGitMerge],
  )
  const onMakeWritable = useCallback(() => void buffers.makeWritable(), [buffers])
  const onToggleProperties = useCallback(() => toggle('properties'), [toggle])
  const onOpenFolderAt = useCallback((path: string) => void openFolder(path), [openFolder])

  return (
    <div className={'app ' + (dark ? 'dark' : 'light')}>
      <Toolbar
        folder={folder}
        onOpenFolder={onOpenFolder}
        openDialog={openDialog}
        taxonomyOpen={taxonomyOpen}
        onToggleTaxonomy={onToggleTaxonomy}
        mediaOpen={mediaOpen}
        onToggleMedia={onToggleMedia}
        canSave={session.state === 'dirty' || session.state === 'error' || session.state === 'deleted'}
        onSave={onSave}
      >
        {gitPanels}
      </Toolbar>
      {workspace.goneRoot && (
        <FolderGone
          root={workspace.goneRoot}
          unsaved={unsavedSet.size}
          onClose={() => void workspace.closeGone()}
          onLocate={() => void workspace.locateGone()}
        />
      )}
      {leaf.notice && <LeafBundleNotice notice={leaf.notice} onUndo={() => void leaf.undo()} onDismiss={leaf.dismiss} />}
      <main className={'panes' + (panes.sidebar ? '' : ' no-sidebar') + (panes.preview ? '' : ' no-preview')}>
        <LibraryPane
          hidden={!panes.sidebar}
          busy={!workspace.listed || indexing !== null}
          problem={problem.message}
          folder={folder}
          articles={articles}
          indexing={indexing}
          openPath={session.path}
          openText={mediaOpen ? session.text : ''}
          buffers={buffers}
          view={view}
          libraryRef={libraryPane}
          taxonomyOpen={taxonomyOpen}
          mediaOpen={mediaOpen}
          mediaVersion={mediaVersion}
          only={only}
          onOnly={setOnly}
          unsaved={unsavedSet}
          gitChanges={gitChanges}
          requiredFor={requiredFor}
          openDialog={openDialog}
          goToLine={goToLine}
          onChanged={refresh}
        />
        <EditorPane
          session={session}
          buffers={buffers}
          view={view}
          onView={onView}
          folder={folder}
          schema={schema}
          rules={rules}
          assets={assets}
          openRequests={openRequests}
          welcome={workspace.checked && !problem.message}
          onOpenFolder={onOpenFolderAt}
          propertiesShown={panes.properties}
          onToggleProperties={onToggleProperties}
          goToLine={goToLine}
        />
        <PreviewPane
          hidden={!panes.preview}
          root={folder?.root ?? null}
          path={session.path}
          source={buffers}
          text={session.text}
          bodyStart={session.header.bodyStart}
          options={assets.previewOptions}
          editor={view}
          onRemoteContent={assets.setRemoteContent}
        />
      </main>
      <StatusBar
        body={body}
        state={session.state}
        failed={session.failed}
        failures={session.failures}
        cursorSource={buffers}
        readOnly={session.readOnlyReason ? (saidText(session.readOnlyReason, locale) ?? session.readOnly) : session.readOnly}
        onMakeWritable={session.canMakeWritable ? onMakeWritable : null}
        headerError={headerError}
        dateMs={dateMs}
        timeZone={timeZone}
        goal={session.path ? goal : null}
      />
      <WorkbenchDialogs
        dialogs={dialogs}
        folder={folder}
        articles={articles}
        recent={recent}
        openPath={session.path}
        openUnsaved={session.path !== null && unsavedSet.has(session.path)}
        remoteAllowed={assets.remoteContent}
        settings={settings}
        settingsInfo={settingsInfo}
        updateSettings={updateSettings}
        commands={commands}
        moreCommands={[
          { id: 'settings', label: t('settings'), run: () => openDialog({ kind: 'settings' }) },
          { id: 'shortcuts', label: t('shortcuts'), run: () => openDialog({ kind: 'shortcuts' }) },
          { id: 'taxonomy', label: t('toggleTaxonomy'), run: () => setTaxonomyOpen((open) => !open) },
          { id: 'image-settings', label: t('imageSettingsCommand'), run: mediaSettings.edit },
          {
            id: 'language',
            label: t('language') + ': ' + (locale === 'en' ? '简体中文' : 'English'),
            run: () => setLocale(locale === 'en' ? 'zh-CN' : 'en'),
          },
        ]}
        buffers={buffers}
        files={files}
        recovery={recovery}
        git={git}
        site={site}
        onOpenArticle={(p) => void buffers.open(p).then(() => view?.focus())}
        focusEditor={() => view?.focus()}
        onChanged={() => void refresh()}
      />
    </div>
  )
}
