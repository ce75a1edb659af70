import { Component, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { MessageText, withOutput } from '../i18n/tool-output'
import { logPageError } from '../log/report-errors'

interface Props {
  /** The article the preview shows: named in the message. */
  path: string
  children: ReactNode
}

interface State {
  error: Error | null
  /** The article the error belongs to: another article starts with a clean slate in the same pane. */
  path: string
}

function PreviewFailed({ path, error, onRetry }: { path: string; error: Error; onRetry(): void }) {
  const { t } = useI18n()
  return (
    <div className="preview-failed" role="alert" data-testid="preview-failed">
      <p>
        {/* What broke is said in the UI's language; the error's own (English) words follow, set apart. */}
        <MessageText text={withOutput(t('previewFailed', { path }), t('outputOfError'), error.message || String(error))} file={path} />
      </p>
      <button type="button" onClick={onRetry}>
        {t('previewRetry')}
      </button>
    </div>
  )
}

/**
 * A preview that fails to render (a bug of ours met by an article nobody foresaw) shows what
 * happened to which article in its own pane; the editor, the form and the rest of the app go on.
 */
export class PreviewBoundary extends Component<Props, State> {
  override state: State = { error: null, path: this.props.path }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  /** Not keyed on the path (that would load a new preview frame for every article): a failure is forgotten when the article changes. */
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.path === state.path ? null : { error: null, path: props.path }
  }

  override componentDidCatch(error: unknown): void {
    logPageError(`preview of ${this.props.path}`, error)
  }

  override render() {
    if (this.state.error) return <PreviewFailed path={this.props.path} error={this.state.error} onRetry={() => this.setState({ error: null })} />
    return this.props.children
  }
}
