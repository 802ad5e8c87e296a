/**
 * Serves `virtual:book-index` (headings, equation and figure numbers of every page) and `virtual:search-index`
 * (MiniSearch over every section in both languages, loaded on the reader's first search) to the app, rebuilt
 * whenever a content file changes.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildBookIndex, buildSearchIndex } from './book-index.ts';

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
