import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mdxOptions } from './scripts/mdx-pipeline.ts';
import { bookIndexPlugin, fontPreloadPlugin, repoRoot, themeInitPlugin } from './scripts/vite-plugin-book.ts';
import { remarkGlossary } from './src/book/glossary/remark.ts';

// The reader's build adds glossary links to the shared pipeline (chapter files are never edited for them).
const bookMdxOptions = {
  ...mdxOptions,
  remarkPlugins: [...(mdxOptions.remarkPlugins ?? []), remarkGlossary],
};

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    // MDX first, so the React plugin sees the JSX it emits.
    { enforce: 'pre', ...mdx(bookMdxOptions) },
    react({ include: /\.(mdx|tsx?)$/ }),
    bookIndexPlugin(repoRoot),
    themeInitPlugin(repoRoot),
    fontPreloadPlugin(),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    // dist/.vite/manifest.json: which chunks each entry and page imports, read by scripts/budgets.ts.
    manifest: !isSsrBuild,
    rolldownOptions: {
      // The prerender bundle imports every page eagerly on purpose; the client still splits them.
      checks: { pluginTimings: false, ineffectiveDynamicImport: !isSsrBuild },
    },
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
}));
