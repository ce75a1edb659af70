/** Loaded with `node --import`: installs hooks.ts before the app's bundle is imported. */
import { register } from 'node:module'

register(new URL('./hooks.mjs', import.meta.url), { data: { standIn: new URL('./electron.mjs', import.meta.url).href } })
