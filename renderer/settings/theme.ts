import { useEffect, useState } from 'react'
import type { ThemeChoice } from '../../shared/contract'

const QUERY = '(prefers-color-scheme: dark)'

/** Whether the app is dark: as chosen, or following the system's light or dark setting, live. */
export function useDarkTheme(choice: ThemeChoice): boolean {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(QUERY).matches)
  useEffect(() => {
    const media = window.matchMedia(QUERY)
    const onChange = () => setSystemDark(media.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])
  return choice === 'system' ? systemDark : choice === 'dark'
}
