/**
 * Serves `virtual:book-index` (headings, equation and figure numbers of every page) to the app, rebuilt
 * whenever a content file changes.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildBookIndex } from './book-index.ts';

const ID = 'virtual:book-index';
const RESOLVED = `\0${ID}`;

export function bookIndexPlugin(root: string): Plugin {
  return {
    name: 'unrolled-book-index',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const { index, sources } = buildBookIndex(root);
      for (const source of sources) this.addWatchFile(source.path);
      return `export default ${JSON.stringify(index)};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.endsWith('.mdx')) return;
      const module = server.moduleGraph.getModuleById(RESOLVED);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}

export const repoRoot = resolve(import.meta.dirname, '..');
