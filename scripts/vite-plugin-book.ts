/**
 * Serves `virtual:book-index` (headings, equation and figure numbers of every page) and `virtual:search-index`
 * (MiniSearch over every section in both languages, loaded on the reader's first search) to the app, rebuilt
 * whenever a content file changes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildBookIndex, buildSearchIndex } from './book-index.ts';
import { cspHashOf } from './budgets-lib.ts';

const ID = 'virtual:book-index';
const RESOLVED = `\0${ID}`;
const SEARCH_ID = 'virtual:search-index';
const SEARCH_RESOLVED = `\0${SEARCH_ID}`;

export function bookIndexPlugin(root: string): Plugin {
  return {
    name: 'unrolled-book-index',
    resolveId(id) {
      if (id === ID) return RESOLVED;
      if (id === SEARCH_ID) return SEARCH_RESOLVED;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED && id !== SEARCH_RESOLVED) return undefined;
      const { index, sources } = buildBookIndex(root);
      for (const source of sources) this.addWatchFile(source.path);
      if (id === RESOLVED) return `export default ${JSON.stringify(index)};`;
      // A JSON string parses faster than the same object as a JavaScript literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildSearchIndex(index, sources)))});`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.endsWith('.mdx')) return;
      for (const id of [RESOLVED, SEARCH_RESOLVED]) {
        const module = server.moduleGraph.getModuleById(id);
        if (module) server.moduleGraph.invalidateModule(module);
      }
    },
  };
}

export const repoRoot = resolve(import.meta.dirname, '..');

const THEME_INIT_TAG = '<script src="/theme-init.js"></script>';

/**
 * Inlines src/book/theme-init.js where index.html names it, and adds the script's hash to the CSP's script-src, so
 * the theme is set before the first paint without a render-blocking request and without 'unsafe-inline'.
 */
export function inlineThemeInit(html: string, scriptText: string): string {
  if (!html.includes(THEME_INIT_TAG)) throw new Error(`index.html lacks ${THEME_INIT_TAG}`);
  // The leading comment is for this repository's readers, not the page's.
  const text = scriptText.replace(/^(\s*\/\/[^\n]*\n)+/, '').trim();
  if (text.includes('</script')) throw new Error('theme-init.js must not contain </script');
  let policies = 0;
  const withHash = html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?script-src\s)/i,
    (head) => {
      policies++;
      return `${head}${cspHashOf(text)} `;
    },
  );
  if (policies !== 1) throw new Error('index.html needs one Content-Security-Policy meta with a script-src');
  return withHash.replace(THEME_INIT_TAG, `<script>${text}</script>`);
}

export function themeInitPlugin(root: string): Plugin {
  const file = resolve(root, 'src', 'book', 'theme-init.js');
  return {
    name: 'unrolled-theme-init',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return inlineThemeInit(html, readFileSync(file, 'utf8'));
      },
    },
  };
}

/**
 * The KaTeX faces nearly every chapter's first screen sets inline math in. The browser only asks for a font when a
 * layout first needs it, so without a preload the math is laid out in a fallback face and re-flowed when the real
 * one arrives, moving the words around it (a layout shift of ≈0.08 on /zh/lstm, where justified lines re-break).
 */
export const PRELOADED_FONTS = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Main-Bold'];

/** `<link rel="preload">` tags for the built font files among `fileNames` whose face is in `faces`. */
export function fontPreloadTags(fileNames: readonly string[], faces: readonly string[]): string[] {
  return faces.map((face) => {
    const file = fileNames.find(
      (name) => name.endsWith('.woff2') && name.split('/').pop()?.startsWith(`${face}-`),
    );
    if (!file) throw new Error(`no built woff2 for ${face} to preload`);
    return `<link rel="preload" href="/${file}" as="font" type="font/woff2" crossorigin />`;
  });
}

export function fontPreloadPlugin(): Plugin {
  return {
    name: 'unrolled-font-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        // The server-side build has no client bundle; its HTML is not served.
        if (!context.bundle) return html;
        const tags = fontPreloadTags(Object.keys(context.bundle), PRELOADED_FONTS);
        // After the stylesheet, which the first paint waits for and so should be asked for first.
        return html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
      },
    },
  };
}
