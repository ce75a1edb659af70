import { useEffect, useState } from 'react'

/** The time, refreshed every minute: "scheduled" turns into published while the app is open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}
