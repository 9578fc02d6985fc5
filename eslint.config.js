import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronOnly = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron: core, CLI and renderer run without it.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer reaches main only through the typed api; it never touches Node or core.
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node modules.' },
            { group: ['**/core/**', '**/main/**', '**/cli/**'], message: 'The renderer talks to core only through the api (src/shared/api.ts).' },
          ],
        },
      ],
    },
  },
  {
    // ipcRenderer stays inside the preload, behind the contract.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/preload/**', 'src/main/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name='ipcRenderer']", message: 'Use the typed api, never ipcRenderer.' }],
    },
  },
)
