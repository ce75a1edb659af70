/** The one asset module: where a reference in an article points, by the site's rules. */
export * from './hexo-tags'
export * from './references'
export * from './resolve'
export * from './insert'
export * from './sniff'
export * from './site-links'
export * from './rewrite'
export * from './check'
