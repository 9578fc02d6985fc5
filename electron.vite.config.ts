import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The page's CSP forbids inline scripts. Vite's dev server (React fast refresh) injects one, so only
 * under `electron-vite dev` the meta tag allows it; built output keeps the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'coop-relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  }
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The parse worker is a worker thread's entry point, so it is a file of its own. ParsePool
        // looks for parse-worker.mjs next to itself (as in the CLI build), hence its .mjs name.
        input: { index: resolve('src/main/index.ts'), 'parse-worker': resolve('src/core/code/parse/parse-worker.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'parse-worker' ? '[name].mjs' : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require a handful of Electron modules, so it is one
      // self-contained CommonJS file with its dependencies (zod) bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), relaxCspForDevServer()],
    build: {
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
