import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mdxOptions } from './scripts/mdx-pipeline.ts';
import { bookIndexPlugin, repoRoot } from './scripts/vite-plugin-book.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    // MDX first, so the React plugin sees the JSX it emits.
    { enforce: 'pre', ...mdx(mdxOptions) },
    react({ include: /\.(mdx|tsx?)$/ }),
    bookIndexPlugin(repoRoot),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // The prerender bundle imports every page eagerly on purpose; the client still splits them.
      checks: { pluginTimings: false, ineffectiveDynamicImport: !isSsrBuild },
    },
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
}));
