/** The build refuses bad TeX, unknown macros and sections without stable ids, and says where. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { mdxOptions } from '../../scripts/mdx-pipeline';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures', name);

function compileFixture(name: string) {
  const path = fixture(name);
  return compile(new VFile({ path, value: readFileSync(path, 'utf8') }), {
    remarkPlugins: mdxOptions.remarkPlugins,
    rehypePlugins: mdxOptions.rehypePlugins,
  });
}

describe('MDX pipeline', () => {
  it('fails on bad TeX, naming the file and line', async () => {
    await expect(compileFixture('bad-tex.mdx')).rejects.toThrow(/bad-tex\.mdx:7: bad TeX/);
  });

  it('fails on an unknown macro', async () => {
    await expect(compileFixture('unknown-macro.mdx')).rejects.toThrow(
      /unknown-macro\.mdx:3: bad TeX: .*\\notamacro/,
    );
  });

  it('fails on a section heading without an id', async () => {
    await expect(compileFixture('no-heading-id.mdx')).rejects.toThrow(
      /no-heading-id\.mdx:3: heading needs a stable id/,
    );
  });

  it('typesets the notation macros and keeps the heading id', async () => {
    const output = String(await compileFixture('good.mdx'));
    expect(output).toContain('"good-section"');
    expect(output).toContain('katex');
    expect(output).not.toContain('katex-error');
  });
});
