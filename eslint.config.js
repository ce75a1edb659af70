import js from '@eslint/js'
import { builtinModules } from 'node:module'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const BROWSER_ONLY = 'shared/ and renderer/ run in the browser: no Node modules.'
const ELECTRON_ONLY = 'Only electron/app/** and electron/preload.ts import electron.'
// Every Node built-in, bare and with the node: prefix (fs/promises, http, zlib … included).
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'))

/** The rooms of ARCHITECTURE.md: who may import whom. A room's own files are never matched. */
const rooms = {
  shared: {
    group: ['**/renderer/**', '**/electron/**', '**/tests/**'],
    message: 'shared/ is the ground floor: it imports no renderer/, electron/ or test code.',
  },
  renderer: {
    group: ['**/electron/**', '**/tests/**'],
    message: 'renderer/ reaches the main process only through the contract (window.folio), never by importing electron/.',
  },
  electron: { group: ['**/renderer/**', '**/tests/**'], message: 'electron/ never imports the renderer: what both need lives in shared/.' },
}
const noNode = (room) => ({
  patterns: [{ group: ['node:*'], message: BROWSER_ONLY }, rooms[room]],
  paths: [...nodeBuiltins.map((name) => ({ name, message: BROWSER_ONLY })), { name: 'electron', message: ELECTRON_ONLY }],
})
const noElectron = (room) => ({
  paths: [{ name: 'electron', message: ELECTRON_ONLY }],
  patterns: room ? [rooms[room]] : [],
})
const noRawIpc = {
  selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
  message: 'ipcMain/ipcRenderer only in electron/app/ipc.ts and electron/preload.ts: go through the typed contract.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'tests/fixtures/**', '.tmp*/**', '.tmp*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Rules that need the types: a promise nobody awaits or handles, a promise where a callback
    // returns void, and a switch over a union that forgets a member.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The two classic hook rules; the React Compiler rules of the plugin's preset assume a compiler we do not use.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', noNode('shared')] } },
  { files: ['renderer/**'], rules: { 'no-restricted-imports': ['error', noNode('renderer')] } },
  {
    files: ['electron/**'],
    ignores: ['electron/app/**', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron('electron')] },
  },
  { files: ['electron/app/**', 'electron/preload.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [rooms.electron] }] } },
  { files: ['tests/**', 'bin/**'], rules: { 'no-restricted-imports': ['error', noElectron(null)] } },
  // A Playwright fixture that needs no other fixture still takes its first argument as `{}`.
  { files: ['tests/e2e/**'], rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] } },
  {
    files: ['electron/app/**'],
    ignores: ['electron/app/ipc.ts'],
    rules: { 'no-restricted-syntax': ['error', noRawIpc] },
  },
  {
    // Plain Node scripts, not type-checked: the Node globals they use.
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
)
