/** The messages between the link lint and its worker (link-worker.ts, link-client.ts). */
import type { TextLinks } from '../../shared/contract'

export interface LinkRequest {
  id: number
  text: string
}

export interface LinkResponse {
  id: number
  links: TextLinks
}
