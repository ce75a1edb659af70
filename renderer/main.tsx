import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { folio } from './bridge'
import { installErrorReporting } from './log/report-errors'
import './styles/app.css'

// First, so a failure while the app starts reaches the log too.
const errors = installErrorReporting(folio)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root, {
  // Errors an error boundary caught: shown by the boundary, and logged.
  onCaughtError: (error) => {
    console.error(error)
    errors.report('render', error)
  },
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
