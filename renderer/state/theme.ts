import { useEffect, useState } from 'react'

const QUERY = '(prefers-color-scheme: dark)'

/** Follows the system's light or dark setting, live. */
export function useColorScheme(): boolean {
  const [dark, setDark] = useState(() => window.matchMedia(QUERY).matches)
  useEffect(() => {
    const media = window.matchMedia(QUERY)
    const onChange = () => setDark(media.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])
  return dark
}
