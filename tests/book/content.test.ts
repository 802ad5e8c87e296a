/** The table of contents, the content files and the cross-references agree with each other. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBookIndex, listContentFiles } from '../../scripts/book-index';
import { resolveLabel } from '../../src/book/labels';
import { fileOf, languages, toc } from '../../src/book/toc';

const root = resolve(import.meta.dirname, '../..');
const { index, sources } = buildBookIndex(root);

describe('table of contents', () => {
  it('has a file in both languages for every entry', () => {
    const missing = toc.flatMap((entry) =>
      languages
        .map((lang) => `${lang}/${fileOf(entry)}`)
        .filter((file) => !existsSync(join(root, 'content', file))),
    );
    expect(missing).toEqual([]);
  });

  it('lists every content file', () => {
    const listed = new Set(toc.flatMap((entry) => languages.map((lang) => `${lang}/${fileOf(entry)}`)));
    expect(listContentFiles(root).filter((file) => !listed.has(file))).toEqual([]);
  });

  it('has unique slugs in kebab-case', () => {
    const slugs = toc.map((entry) => entry.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
  });
});

describe('labels', () => {
  it('resolves every <Ref to> in every page', () => {
    const broken = sources.flatMap((source) =>
      source.refs
        .filter((ref) => !resolveLabel(ref.to, source.lang, index))
        .map((ref) => `${source.path}:${ref.line} → ${ref.to}`),
    );
    expect(broken).toEqual([]);
  });

  it('uses each id once in the whole book, per language', () => {
    for (const lang of languages) {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const [slug, page] of Object.entries(index[lang])) {
        const ids = [
          ...page.headings.map((heading) => heading.id),
          ...Object.keys(page.equations),
          ...Object.keys(page.figures),
        ];
        for (const id of ids) {
          if (seen.has(id) || toc.some((entry) => entry.slug === id))
            clashes.push(`${lang}: '${id}' in ${slug} and ${seen.get(id) ?? 'the toc'}`);
          seen.set(id, slug);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('gives both languages the same sections, equations and figures in the same order', () => {
    for (const entry of toc) {
      const en = index.en[entry.slug];
      const zh = index.zh[entry.slug];
      if (!en || !zh) continue; // reported by the toc test
      expect(
        zh.headings.map((heading) => heading.id),
        `${entry.slug}: sections`,
      ).toEqual(en.headings.map((heading) => heading.id));
      expect(Object.keys(zh.equations), `${entry.slug}: equations`).toEqual(Object.keys(en.equations));
      expect(
        Object.entries(zh.figures).map(([id, figure]) => `${id}:${figure.kind}`),
        `${entry.slug}: figures`,
      ).toEqual(Object.entries(en.figures).map(([id, figure]) => `${id}:${figure.kind}`));
    }
  });

  it('numbers chapter sections, equations and figures by chapter', () => {
    const chapter = toc.find((entry) => entry.kind === 'chapter');
    if (!chapter) return;
    const page = index.en[chapter.slug];
    expect(page.headings.find((heading) => heading.depth === 2)?.number).toBe('1.1');
    const firstEquation = Object.values(page.equations)[0];
    if (firstEquation) expect(firstEquation).toBe('1.1');
  });

  it('gives every page a description', () => {
    for (const lang of languages)
      for (const entry of toc)
        expect(index[lang][entry.slug]?.description, `${lang}/${entry.slug}`).toBeTruthy();
  });
});
