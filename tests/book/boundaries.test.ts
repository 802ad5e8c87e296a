/** DESIGN's arrows: what each layer may import. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  const specifiers = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((match) => match[1]);
}

function resolveSpecifier(from: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(from, '..', specifier)) : specifier;
}

function violations(layer: string, allowed: (target: string, specifier: string) => boolean): string[] {
  return files(join(root, 'src', layer), /\.(ts|tsx)$/).flatMap((path) =>
    importsOf(path)
      .filter((specifier) => !allowed(resolveSpecifier(path, specifier), specifier))
      .map((specifier) => `${relative(root, path)} imports ${specifier}`),
  );
}

describe('import boundaries', () => {
  it('engine imports only engine', () => {
    expect(violations('engine', (target) => target.startsWith('src/engine/'))).toEqual([]);
  });

  it('engine uses no DOM, Node or global randomness', () => {
    const offenders = files(join(root, 'src/engine'), /\.ts$/).filter((path) =>
      /\b(Math\.random|document\.|window\.|require\(|process\.)/.test(readFileSync(path, 'utf8')),
    );
    expect(offenders.map((path) => relative(root, path))).toEqual([]);
  });

  it('viz never reads a store, the book or a widget', () => {
    expect(
      violations(
        'viz',
        (target, specifier) =>
          !/zustand/.test(specifier) &&
          !target.startsWith('src/book') &&
          !target.startsWith('src/widgets') &&
          !target.startsWith('src/workers') &&
          (!target.startsWith('src/engine') || true),
      ),
    ).toEqual([]);
  });

  it('viz imports only engine types', () => {
    const offenders = files(join(root, 'src/viz'), /\.(ts|tsx)$/).flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      return [...source.matchAll(/(?:^|\n)\s*import\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]/g)]
        .filter((match) => resolveSpecifier(path, match[2]).startsWith('src/engine') && !match[1])
        .map((match) => `${relative(root, path)} imports values from ${match[2]}`);
    });
    expect(offenders).toEqual([]);
  });

  it('workers import only engine and workers', () => {
    expect(
      violations('workers', (target, specifier) =>
        specifier.startsWith('.')
          ? target.startsWith('src/engine/') || target.startsWith('src/workers/')
          : specifier === 'comlink',
      ),
    ).toEqual([]);
  });

  it('widgets never import the book', () => {
    expect(violations('widgets', (target) => !target.startsWith('src/book'))).toEqual([]);
  });

  it('content imports nothing', () => {
    // Code samples may say `import torch`; only MDX's own ESM imports (outside fences) count.
    const offenders = files(join(root, 'content'), /\.mdx$/).filter((path) =>
      /^import\s.*\sfrom\s/m.test(readFileSync(path, 'utf8').replace(/^(```|~~~)[\s\S]*?^\1/gm, '')),
    );
    expect(offenders.map((path) => relative(root, path))).toEqual([]);
  });
});
