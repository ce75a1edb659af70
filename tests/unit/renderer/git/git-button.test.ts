// @vitest-environment jsdom
/**
 * The toolbar's git indicator, rendered: a failed status call is said in the UI's language in its
 * tooltip (git's own words set apart after the sentence), and the branch is marked as the
 * repository's name.
 */
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import type { GitState } from '../../../../shared/contract'
import { GitButton } from '../../../../renderer/git/GitButton'
import type { GitModel } from '../../../../renderer/git/use-git'
import { I18nProvider } from '../../../../renderer/i18n/i18n'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
;(window as unknown as { folio: unknown }).folio = { invoke: () => Promise.resolve({ ok: true, value: undefined }) }

const repository = {
  kind: 'repository',
  branch: { name: 'main', ahead: 0, behind: 0 },
  changes: [],
} as unknown as GitState

async function render(error: unknown): Promise<HTMLButtonElement> {
  localStorage.setItem('folio.locale', 'zh-CN')
  const host = document.createElement('div')
  const root = createRoot(host)
  const git: GitModel = { state: repository, error, refresh: async () => {}, progress: '', clearProgress: () => {} }
  await act(async () => root.render(createElement(I18nProvider, null, createElement(GitButton, { git, onOpen: () => {} }))))
  return host.querySelector('button') as HTMLButtonElement
}

describe('GitButton', () => {
  it('says a failed status call in Chinese, with git’s own words after the sentence, not as its whole tooltip', async () => {
    const button = await render(new Error('fatal: unable to read tree 1a2b3c'))
    const title = button.getAttribute('title') ?? ''
    expect(title).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]{4}/)
    expect(title).toContain('fatal: unable to read tree 1a2b3c')
    expect(title.indexOf('fatal')).toBeGreaterThan(title.search(/[\u4e00-\u9fff]/))
  })

  it('marks the branch as the repository’s own name', async () => {
    const button = await render(null)
    expect(button.querySelector('[translate=no]')?.textContent).toBe('main')
  })
})
