/** The messages between the status bar and its count worker (count-worker.ts, count-client.ts). */
import type { TextStats } from '../../shared/text-stats'

export interface CountRequest {
  id: number
  body: string
}

export interface CountResponse {
  id: number
  stats: TextStats
}
