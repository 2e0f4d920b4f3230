import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import gitkeys from './eslint/gitkeys-plugin.js'

/** One module per external system (STYLE.md §4); everything else depends on a port. */
const chokePoints = [
  { module: 'simple-git', allow: ['electron/services/git/git-runner.ts'] },
  { module: 'electron-store', allow: ['electron/main/platform/metadata-store.ts'] },
  { module: 'node:child_process', allow: ['electron/services/git/git-runner.ts', 'tests/', 'scripts/'] },
  {
    module: 'electron',
    importNames: ['safeStorage'],
    allow: ['electron/main/platform/safe-storage.adapter.ts'],
  },
  { module: 'electron', importNames: ['ipcMain'], allow: ['electron/main/ipc/register-ipc.ts'] },
  { module: 'electron', importNames: ['ipcRenderer', 'contextBridge'], allow: ['electron/preload/index.ts'] },
  { module: 'electron', importNames: ['shell'], allow: ['electron/main/platform/shell.adapter.ts'] },
  { module: 'electron', importNames: ['dialog'], allow: ['electron/main/platform/dialog.adapter.ts'] },
  {
    module: 'electron',
    importNames: ['Notification'],
    allow: ['electron/main/platform/notification.adapter.ts'],
  },
  { module: 'electron', importNames: ['clipboard'], allow: ['electron/main/platform/clipboard.adapter.ts'] },
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'eslint/*.js', 'scripts/*.mjs'] },
      },
    },
    plugins: { gitkeys },
    rules: {
      'gitkeys/layers': 'error',
      'gitkeys/choke-point': ['error', chokePoints],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render provider data as text.',
        },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md §6).' },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'eslint/*.js', 'tests/**/playwright*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-empty-pattern': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
