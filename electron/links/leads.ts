/**
 * The link check's part in the index's read (indexer.ts TextFacts): each article's link leads,
 * taken while the index has its bytes, on whichever thread reads it (index-worker.ts loads this
 * by name), so `folio check --links` reads no file twice.
 */
import { linkLeads, type LinkLeads } from '../../shared/assets'
import { siteAssetRules } from '../workspace/folder-index'
import type { SiteSettings } from '../workspace/site'

export function linkLeadsReader(site: SiteSettings): (text: string, rel: string) => LinkLeads {
  const rules = siteAssetRules(site)
  return (text, rel) => linkLeads(text, rel, rules)
}
