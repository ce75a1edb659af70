/**
 * Publish: the writer's own command for this folder (`hexo deploy`, `npm run build`, a push to a
 * deploy branch), run in the site folder with its output shown live and its exit status. The
 * suggestions come from the site's files and only fill the command in; nothing runs unasked.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { PublishResult, PublishSuggestion } from '../../shared/contract'
import { folio } from '../bridge'
import { useMainEvents } from '../workbench/use-main-events'
import { keepTail } from '../git/use-git'
import { useI18n } from '../i18n/i18n'
import type { StringKey } from '../i18n/strings'
import { useErrorText } from '../i18n/errors'
import { Modal } from '../dialogs/Modal'
import { MessageText } from '../i18n/tool-output'

interface Props {
  /** The command last run for this folder, if any. */
  saved: string | undefined
  onSave(command: string): void
  onClose(): void
}

/** Why a command fits the site, in the UI's language (the main process gives the English `why`). */
function whyText(s: PublishSuggestion, t: (key: StringKey, values?: Record<string, string | number>) => string): string {
  switch (s.reason) {
    case 'hexo-deploy':
      return t('publishWhyHexoDeploy')
    case 'hexo-generate':
      return t('publishWhyHexoGenerate')
    case 'npm-script':
      return t('publishWhyNpm', { steps: s.steps ?? '' }) + (s.npmrc ? t('publishWhyNpmrc') : '')
    case 'hugo':
      return t('publishWhyHugo')
    case 'jekyll':
      return t('publishWhyJekyll')
    default:
      return s.why
  }
}

export function PublishDialog({ saved, onSave, onClose }: Props) {
  const { t, locale } = useI18n()
  const describe = useErrorText()
  const [command, setCommand] = useState(saved ?? '')
  const [suggestions, setSuggestions] = useState<PublishSuggestion[]>([])
  const [running, setRunning] = useState(false)
  const [log, setLog] = useState('')
  const [result, setResult] = useState<PublishResult | { error: string } | null>(null)
  const runButton = useRef<HTMLButtonElement>(null)
  // Run is disabled while the command runs, which drops the keyboard focus: give it back after.
  useLayoutEffect(() => {
    if (!running && result) runButton.current?.focus()
  }, [running, result])

  useEffect(() => {
    let live = true
    void folio.publishSuggestions().then(
      (found) => {
        if (!live) return
        setSuggestions(found)
        // Filled in, not run: the writer reads it and presses Run.
        if (saved === undefined && found[0]) setCommand(found[0].command)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [saved])
  useMainEvents({ publishOutput: ({ text }) => setLog((shown) => keepTail(shown + text, 40)) })

  const run = async () => {
    setRunning(true)
    setLog('')
    setResult(null)
    onSave(command)
    try {
      setResult(await folio.runPublish(command))
    } catch (error) {
      setResult({ error: describe(error) })
    } finally {
      setRunning(false)
    }
  }

  return (
    <Modal title={t('publishTitle')} testId="publish-dialog" className="wide" {...(running ? {} : { onDismiss: onClose })}>
      <p>{t('publishIntro')}</p>
      <label className="publish-command">
        {t('publishCommand')}
        <input type="text" data-testid="publish-command" value={command} spellCheck={false} onChange={(e) => setCommand(e.target.value)} disabled={running} />
      </label>
      {suggestions.length > 0 && (
        <ul className="publish-suggestions" aria-label={t('publishSuggested')}>
          {suggestions.map((s) => (
            <li key={s.command}>
              <button type="button" disabled={running} onClick={() => setCommand(s.command)}>
                <code>{s.command}</code>
              </button>{' '}
              <span className="muted">{locale === 'en' || !s.reason ? s.why : whyText(s, t)}</span>
            </li>
          ))}
        </ul>
      )}
      {log !== '' && (
        <pre className="git-log" data-testid="publish-log" aria-live="polite">
          {log}
        </pre>
      )}
      {result && (
        <p
          className={'error' in result || result.code !== 0 ? 'error' : ''}
          role={'error' in result || result.code !== 0 ? 'alert' : 'status'}
          data-testid="publish-result"
        >
          {'error' in result ? (
            <MessageText text={result.error} />
          ) : result.code === 0 ? (
            t('publishDone')
          ) : result.code === null ? (
            t('publishStopped')
          ) : (
            t('publishFailed', { code: result.code })
          )}
        </p>
      )}
      <div className="actions">
        <button type="button" ref={runButton} data-testid="publish-run" disabled={running || command.trim() === ''} onClick={() => void run()}>
          {running ? t('publishRunning') : t('publishRun')}
        </button>
        {running && (
          <button type="button" data-testid="publish-stop" onClick={() => void folio.cancelPublish()}>
            {t('gitStop')}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={running}>
          {t('close')}
        </button>
      </div>
    </Modal>
  )
}
