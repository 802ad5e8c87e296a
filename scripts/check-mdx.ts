/**
 * Compiles MDX files through the book's pipeline and reports the first error of each, with file and line.
 * Usage: npx tsx scripts/check-mdx.ts [FILE_OR_DIR…]   (default: content/)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { mdxOptions } from './mdx-pipeline.ts';

function mdxFiles(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((name) => mdxFiles(join(path, name)));
  return path.endsWith('.mdx') ? [path] : [];
}

const targets = process.argv.slice(2);
let failed = 0;
const files = (targets.length ? targets : ['content']).flatMap(mdxFiles);
for (const path of files) {
  try {
    await compile(new VFile({ path, value: readFileSync(path, 'utf8') }), {
      remarkPlugins: mdxOptions.remarkPlugins,
      rehypePlugins: mdxOptions.rehypePlugins,
    });
    console.log(`ok   ${path}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
