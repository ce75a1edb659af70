import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads']
const noNode = {
  patterns: [{ group: ['node:*'], message: 'shared/ and renderer/ run in the browser: no Node modules.' }],
  paths: [
    ...nodeModules.map((name) => ({ name, message: 'shared/ and renderer/ run in the browser: no Node modules.' })),
    { name: 'electron', message: 'Only electron/app/** and electron/preload.ts import electron.' },
  ],
}
const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/app/** and electron/preload.ts import electron.' }],
}
const noRawIpc = {
  selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]",
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
  { files: ['shared/**', 'renderer/**'], rules: { 'no-restricted-imports': ['error', noNode] } },
  {
    files: ['electron/**', 'tests/**', 'bin/**'],
    ignores: ['electron/app/**', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
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
