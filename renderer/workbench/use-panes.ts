import { useCallback, useState } from 'react'

export interface Panes {
  sidebar: boolean
  properties: boolean
  preview: boolean
}
export type Pane = keyof Panes

/** Which of the window's panes show; each is toggled by its command. */
export function usePanes(): [Panes, (pane: Pane) => void] {
  const [panes, setPanes] = useState<Panes>({ sidebar: true, properties: true, preview: true })
  const toggle = useCallback((pane: Pane) => setPanes((shown) => ({ ...shown, [pane]: !shown[pane] })), [])
  return [panes, toggle]
}
